import { findings, importText } from './support/import-kit';

const withSidecar = (own: string, mainExtra = '') =>
  `services:\n  web:\n    image: nginx:1.27\n    restart: always\n${mainExtra}  shipper:\n    image: busybox:1.36\n    restart: always\n    network_mode: service:web\n${own}`;

describe('runtime settings of a sidecar (network_mode: service:X)', () => {
  test('GIVEN a sidecar with init, shm_size, devices and ulimits WHEN imported THEN each setting the model gives the main container only is reported, and shm_size is kept as its own /dev/shm', () => {
    const imported = importText(
      withSidecar('    init: true\n    shm_size: 256m\n    devices: ["/dev/fuse:/dev/fuse:rwm"]\n    ulimits:\n      nofile: {soft: 1024, hard: 2048}\n'),
    );
    expect(findings(imported).filter((f) => f.startsWith('import/sidecar-key'))).toEqual([
      'import/sidecar-key services.shipper.init',
      'import/sidecar-key services.shipper.devices',
      'import/sidecar-key services.shipper.ulimits',
    ]);
    const init = imported.diagnostics.find((d) => d.keyPath === 'services.shipper.init');
    expect(init?.message).toBe('the model gives an init process to the main container of a workload only: shipper, a sidecar of web, runs without its own.');
    expect(init?.fix).toBe('Set it on web if the container that needs it is web, or run shipper as a service of its own, without network_mode: service:web.');
    const spec = imported.system!.toSpec();
    expect(spec.services[0].init).toBeUndefined();
    expect(spec.services[0].sidecars[0].mounts.map((m) => m.target)).toEqual(['/dev/shm']);
  });

  test('GIVEN a sidecar with its own dns, extra_hosts, pid: host and a global mode WHEN imported THEN each is reported as shared with the main service, which keeps its own', () => {
    const imported = importText(
      withSidecar('    dns: [1.1.1.1]\n    extra_hosts: ["tracker:10.1.1.1"]\n    pid: host\n    deploy:\n      mode: global\n', '    dns: [9.9.9.9]\n'),
    );
    expect(findings(imported).filter((f) => f.startsWith('import/sidecar-key'))).toEqual([
      'import/sidecar-key services.shipper.dns',
      'import/sidecar-key services.shipper.extra_hosts',
      'import/sidecar-key services.shipper.pid',
      'import/sidecar-key services.shipper.deploy.mode',
    ]);
    expect(imported.diagnostics.find((d) => d.keyPath === 'services.shipper.dns')?.message).toBe('a sidecar shares the DNS servers of web: its own is left out.');
    expect(imported.diagnostics.find((d) => d.keyPath === 'services.shipper.deploy.mode')?.message).toBe(
      'a sidecar shares the replicas of web: its own mode global is left out, and it runs where web runs.',
    );
    const web = imported.system!.toSpec().services[0];
    expect([web.dns, web.extraHosts, web.hostPid, web.global]).toEqual([{ servers: ['9.9.9.9'] }, undefined, undefined, undefined]);
  });

  test('GIVEN a sidecar and its main service both global WHEN imported THEN the mode is not reported', () => {
    const imported = importText(withSidecar('    deploy:\n      mode: global\n', '    deploy:\n      mode: global\n'));
    expect(findings(imported).filter((f) => f.startsWith('import/sidecar-key'))).toEqual([]);
  });
});
