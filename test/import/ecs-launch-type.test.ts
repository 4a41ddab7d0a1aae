import { findings, importText } from './support/import-kit';

describe('the ECS launch type the import chooses', () => {
  test.each([
    ['host devices', '    devices: ["/dev/dri:/dev/dri"]\n', 'gpu is given the host device /dev/dri, which runs on ECS only with the EC2 launch type: the system chooses it (targetOptions.ecs.launchType \'ec2\').'],
    ['the host\'s process namespace', '    pid: host\n', 'gpu shares the host\'s process namespace (pid: host), which runs on ECS only with the EC2 launch type: the system chooses it (targetOptions.ecs.launchType \'ec2\').'],
    ['a global mode', '    deploy:\n      mode: global\n', 'gpu runs one copy on every node (deploy.mode: global), which runs on ECS only with the EC2 launch type: the system chooses it (targetOptions.ecs.launchType \'ec2\').'],
  ])('GIVEN a service given %s WHEN imported THEN the system runs on EC2, with import/ecs-ec2', (_, key, message) => {
    const imported = importText(`services:\n  gpu:\n    image: jellyfin/jellyfin:10.9.7\n    restart: always\n${key}`);
    expect(findings(imported)).toContain('import/ecs-ec2 services.gpu');
    expect(imported.diagnostics.find((d) => d.code === 'import/ecs-ec2')?.message).toBe(message);
    expect(imported.system!.toSpec().options.ecs.launchType).toBe('ec2');
  });

  test('GIVEN only ulimits, init and shm_size WHEN imported THEN the system stays on Fargate', () => {
    const imported = importText('services:\n  es:\n    image: elasticsearch:8.14.1\n    restart: always\n    init: true\n    shm_size: 64m\n    ulimits:\n      nofile: 65536\n');
    expect(findings(imported)).not.toContain('import/ecs-ec2 services.es');
    expect(imported.system!.toSpec().options.ecs.launchType).toBe('fargate');
  });
});
