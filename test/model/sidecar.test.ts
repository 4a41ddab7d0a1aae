import { Image, ModelValidationError, Mount, Port, Service, Sidecar, System, Volume } from '../../lib/model';
import { errorOf, modelErrorOf, NGINX, shop } from './helpers';

const BUSYBOX = Image.of('busybox:1.36');

function webWithData(sys: System = shop()) {
  const data = new Volume(sys, 'data');
  const web = new Service(sys, 'web', { image: NGINX, mounts: [Mount.volume(data, '/data'), Mount.ephemeral('/cache')] });
  return { sys, web };
}

/** The message of the ModelValidationError that toSpec() throws. */
function validationErrorOf(sys: System): string {
  const e = errorOf(() => sys.toSpec());
  expect(e).toBeInstanceOf(ModelValidationError);
  return e.message;
}

describe('sidecars', () => {
  it('GIVEN a sidecar with no volumesFrom WHEN specified THEN it mounts every volume of the main container, at the same paths, before its own', () => {
    const { sys, web } = webWithData();
    web.addSidecar('shipper', { image: BUSYBOX, mounts: [Mount.ephemeral('/spool')] });
    const sidecar = sys.toSpec().services[0].sidecars[0];
    expect([sidecar.name, sidecar.path, sidecar.volumesFrom, sidecar.ports]).toEqual(['shipper', 'shop/web/shipper', true, []]);
    expect(sidecar.mounts).toEqual([
      { kind: 'volume', volume: 'data', target: '/data', readOnly: false },
      { kind: 'ephemeral', name: 'cache', target: '/cache', tmpfs: false, readOnly: false },
      { kind: 'ephemeral', name: 'spool', target: '/spool', tmpfs: false, readOnly: false },
    ]);
  });

  it('GIVEN volumesFrom false WHEN specified THEN the sidecar has only its own mounts', () => {
    const { sys, web } = webWithData();
    web.addSidecar('shipper', { image: BUSYBOX, volumesFrom: false, mounts: [Mount.ephemeral('/spool')] });
    expect(sys.toSpec().services[0].sidecars[0].mounts).toEqual([{ kind: 'ephemeral', name: 'spool', target: '/spool', tmpfs: false, readOnly: false }]);
  });

  it('GIVEN sidecars added in any order WHEN specified THEN they are sorted by name and the volume lists its one user', () => {
    const { sys, web } = webWithData();
    web.addSidecar('zeta', { image: BUSYBOX });
    web.addSidecar('alpha', { image: BUSYBOX });
    const spec = sys.toSpec();
    expect(spec.services[0].sidecars.map((s) => s.name)).toEqual(['alpha', 'zeta']);
    expect(spec.volumes[0].users).toEqual(['web']);
  });

  it('GIVEN a sidecar created with new Sidecar(workload, ...) WHEN specified THEN it is kept, as with addSidecar', () => {
    const { sys, web } = webWithData();
    new Sidecar(web, 'shipper', { image: BUSYBOX });
    expect(sys.toSpec().services[0].sidecars.map((s) => s.name)).toEqual(['shipper']);
  });

  it('GIVEN a sidecar with ports WHEN added THEN it fails with the exact message', () => {
    const { web } = webWithData();
    expect(modelErrorOf(() => web.addSidecar('proxy', { image: BUSYBOX, ports: [Port.tcp(9000)] } as never))).toBe(
      'shop/web/proxy ports: a sidecar shares the main container\'s network and has no ports (got [{"containerPort":9000,"protocol":"tcp","mode":"none"}]). Declare the ports on the service.',
    );
  });

  it.each([
    ['devices', { devices: ['/dev/dri'] }, 'shop/web/gpu devices: a sidecar takes no devices: it is a prop of the workload web it runs beside (got ["/dev/dri"]). Set devices on web, or run gpu as a service of its own.'],
    ['gpus', { gpus: { count: 1 } }, 'shop/web/gpu gpus: a sidecar takes no gpus: it is a prop of the workload web it runs beside (got {"count":1}). Set gpus on web, or run gpu as a service of its own.'],
    ['hostPid', { hostPid: true }, 'shop/web/gpu hostPid: a sidecar takes no hostPid: it is a prop of the workload web it runs beside (got true). Set hostPid on web, or run gpu as a service of its own.'],
    ['networks', { networks: [] }, 'shop/web/gpu networks: a sidecar takes no networks: it is a prop of the workload web it runs beside (got []). Set networks on web, or run gpu as a service of its own.'],
  ])('GIVEN a sidecar with the workload prop %s WHEN added THEN it fails with the exact message', (_prop, extra, message) => {
    const { web } = webWithData();
    expect(modelErrorOf(() => web.addSidecar('gpu', { image: BUSYBOX, ...extra } as never))).toBe(message);
  });

  it('GIVEN a sidecar with an invalid image WHEN added THEN it fails with the sidecar\'s path', () => {
    const { web } = webWithData();
    expect(modelErrorOf(() => web.addSidecar('shipper', { image: Image.of('Busybox') }))).toBe(
      "shop/web/shipper image: not a valid image reference (got \"Busybox\"). Write [registry/]repository[:tag][@sha256:digest] in lowercase, e.g. 'nginx:1.27' or 'ghcr.io/org/app:1.0'.",
    );
  });

  it('GIVEN a sidecar name with an underscore WHEN added THEN it fails with the rule and a suggested name', () => {
    const { web } = webWithData();
    expect(modelErrorOf(() => web.addSidecar('log_shipper', { image: BUSYBOX }))).toBe(
      "shop/web/log_shipper name: sidecar name must be at most 63 lowercase letters, digits and '-', starting with a letter and ending with a letter or digit (got \"log_shipper\"). Rename it, e.g. \"log-shipper\".",
    );
  });

  it('GIVEN two sidecars with one name WHEN the second is added THEN it fails with the exact message', () => {
    const { web } = webWithData();
    web.addSidecar('shipper', { image: BUSYBOX });
    expect(modelErrorOf(() => web.addSidecar('shipper', { image: BUSYBOX }))).toBe(
      'shop/web/shipper name: name already used in this scope (got "shipper"). Give each service, job, network, volume and secret its own name.',
    );
  });

  it.each<[string, (web: Service, sys: System) => void, string]>([
    [
      'a sidecar mounting a path that volumesFrom already mounts',
      (web) => web.addSidecar('shipper', { image: BUSYBOX, mounts: [Mount.ephemeral('/spool'), Mount.ephemeral('/data')] }),
      'shop/web/shipper mounts[1].target: mount target already used by a volume of the main container (volumesFrom) (got "/data"). Mount another path or set volumesFrom: false.',
    ],
    [
      'a sidecar whose own ephemeral volume takes the name of one of the main container',
      (web) => web.addSidecar('shipper', { image: BUSYBOX, volumesFrom: false, mounts: [Mount.ephemeral('/cache')] }),
      'shop/web/shipper mounts[0].name: ephemeral volume name already used by shop/web (got "cache"). Give each ephemeral mount of a workload its own name, or share it with volumesFrom.',
    ],
    [
      'two sidecars with ephemeral volumes of one name',
      (web) => {
        web.addSidecar('a', { image: BUSYBOX, mounts: [Mount.ephemeral('/spool')] });
        web.addSidecar('b', { image: BUSYBOX, mounts: [Mount.ephemeral('/var/spool', { name: 'spool' })] });
      },
      'shop/web/b mounts[0].name: ephemeral volume name already used by shop/web/a (got "spool"). Give each ephemeral mount of a workload its own name, or share it with volumesFrom.',
    ],
    [
      'a sidecar named after its workload',
      (web) => web.addSidecar('web', { image: BUSYBOX }),
      'shop/web/web name: a sidecar cannot have the name of its workload, which the main container carries (got "web"). Give the sidecar a name of its own.',
    ],
    [
      'a sidecar whose Compose name is taken by a workload',
      (web, sys) => {
        new Service(sys, 'web-shipper', { image: NGINX });
        web.addSidecar('shipper', { image: BUSYBOX });
      },
      'shop/web/shipper name: sidecar name "web-shipper" is taken by a workload (got "web-shipper"). Rename the sidecar or the workload.',
    ],
    [
      'a sidecar whose Compose name is longer than 63 characters',
      (web) => web.addSidecar('s'.repeat(60), { image: BUSYBOX }),
      `shop/web/${'s'.repeat(60)} name: '<workload>-<sidecar>' must be at most 63 characters (got "web-${'s'.repeat(60)}"). Shorten the sidecar name.`,
    ],
    [
      'a sidecar created under the System instead of a workload',
      (_web, sys) => new Sidecar(sys, 'shipper', { image: BUSYBOX }),
      'shop/shipper: a sidecar must be added to a Service or Job (got "shipper"). Use service.addSidecar(id, props).',
    ],
  ])('GIVEN %s WHEN the System is specified THEN toSpec fails with the exact message', (_given, arrange, message) => {
    const { sys, web } = webWithData();
    arrange(web, sys);
    expect(validationErrorOf(sys)).toBe(message);
  });
});

describe('a sidecar whose constructor threw', () => {
  it('GIVEN a failed addSidecar that was caught WHEN the System is specified THEN the half-built sidecar is not in the spec', () => {
    const { sys, web } = webWithData();
    expect(() => web.addSidecar('proxy', { image: BUSYBOX, ports: [Port.tcp(9000)] } as never)).toThrow();
    expect(sys.toSpec().services[0].sidecars).toEqual([]);
  });
});
