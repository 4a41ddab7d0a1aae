import { Image, Job, Network, Port, Service, System } from '../../lib/model';
import { callsOf, containerCall, flagValues, nameOf, renderDocker, runScript, withCode } from './docker-test-kit';

const image = Image.of('nginx:1.27');

describe('docker ports', () => {
  test('GIVEN fixed, dynamic and unpublished tcp and udp ports WHEN run THEN -p P:C/proto, -p C/proto and --expose C/proto', () => {
    const sys = new System('shop');
    new Service(sys, 'echo', {
      image,
      ports: [Port.tcp(45678).publish(45678), Port.tcp(80).publish(8080), Port.udp(1234).publish(), Port.tcp(9000), Port.udp(53)],
    });
    const run = runScript(renderDocker(sys), [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    const call = containerCall(run, 'shop-echo');
    expect(flagValues(call, '-p')).toEqual(['45678:45678/tcp', '8080:80/tcp', '1234/udp']);
    expect(flagValues(call, '--expose')).toEqual(['9000/tcp', '53/udp']);
  });

  test('GIVEN a published port on a service whose networks are all internal WHEN rendered THEN docker/internal-network-port', () => {
    const sys = new System('shop');
    const backend = new Network(sys, 'backend', { internal: true });
    new Service(sys, 'api', { image, ports: [Port.tcp(80).publish(8080)], networks: [backend] });
    expect(withCode(renderDocker(sys), 'docker/internal-network-port')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'shop/api ports[0]',
        message: "port 80/tcp is published, but every network of api is internal, so Docker cannot forward the host's traffic to it.",
      }),
    ]);
  });

  test('GIVEN host networking WHEN run THEN --network host, no -p, with docker/host-network', () => {
    const sys = new System('shop');
    new Service(sys, 'agent', { image, hostNetwork: true });
    const out = renderDocker(sys);
    expect(withCode(out, 'docker/host-network')).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'shop/agent hostNetwork' }),
    ]);
    const run = runScript(out, [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    const call = containerCall(run, 'shop-agent');
    expect(flagValues(call, '--network')).toEqual(['host']);
    expect(call).not.toContain('--network-alias');
    expect(call).not.toContain('-p');
  });
});

describe('docker networks', () => {
  test('GIVEN a declared internal network and a workload on none WHEN run THEN <app>-<network> with --internal kept and <app>-default, each created unless it exists', () => {
    const sys = new System('shop');
    const backend = new Network(sys, 'backend', { internal: true });
    new Service(sys, 'db', { image, networks: [backend] });
    new Service(sys, 'web', { image });
    const out = renderDocker(sys);
    expect(out.script).toContain(
      '  docker network inspect shop-backend >/dev/null 2>&1 || docker network create --internal --label lading.app=shop shop-backend >/dev/null\n',
    );
    const run = runScript(out, [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    expect(callsOf(run, 'network', 'create')).toEqual([
      ['network', 'create', '--internal', '--label', 'lading.app=shop', 'shop-backend'],
      ['network', 'create', '--label', 'lading.app=shop', 'shop-default'],
    ]);
    expect(flagValues(containerCall(run, 'shop-web'), '--network')).toEqual(['shop-default']);
  });

  test('GIVEN a service on two networks WHEN run THEN it is created on the first with its alias, connected to the other with its alias, then started', () => {
    const sys = new System('pets');
    const learning = new Network(sys, 'learning');
    const catsonly = new Network(sys, 'catsonly');
    new Service(sys, 'catserver', { image, networks: [learning, catsonly] });
    const run = runScript(renderDocker(sys), [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    const steps = run.calls.filter((c) => ['create', 'network', 'start'].includes(c[0]) && c[1] !== 'inspect' && c[1] !== 'create' && c[1] !== 'ls');
    expect(steps.map((c) => (c[0] === 'create' ? ['create', nameOf(c), ...flagValues(c, '--network'), ...flagValues(c, '--network-alias')] : c))).toEqual([
      ['create', 'pets-catserver', 'pets-catsonly', 'catserver'],
      ['network', 'connect', '--alias', 'catserver', 'pets-learning', 'pets-catserver'],
      ['start', 'pets-catserver'],
    ]);
  });

  test('GIVEN a job on two networks with restart on-failure:1 WHEN run THEN it is created with --rm, connected, and started attached in the foreground, all retried', () => {
    const sys = new System('shop');
    const a = new Network(sys, 'a');
    const b = new Network(sys, 'b');
    new Job(sys, 'seed', { image, networks: [a, b], restart: 'on-failure:1' });
    const out = renderDocker(sys);
    expect(out.script).toContain('  until docker create --rm --name shop-seed \\\n');
    expect(out.script).toContain(' >/dev/null &&\n  docker network connect --alias seed shop-b shop-seed &&\n  docker start -a shop-seed; do\n');
    const run = runScript(out, [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    expect(containerCall(run, 'shop-seed').slice(0, 2)).toEqual(['create', '--rm']);
    expect(callsOf(run, 'start')).toEqual([['start', '-a', 'shop-seed']]);
  });
});
