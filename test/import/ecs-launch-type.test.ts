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

  test('GIVEN a service given GPUs WHEN imported THEN the import/ecs-ec2 fix keeps EC2, since Fargate has no GPUs', () => {
    const imported = importText('services:\n  ai:\n    image: ollama/ollama:0.3.12\n    restart: always\n    gpus:\n      - driver: nvidia\n        count: 1\n');
    const d = imported.diagnostics.find((x) => x.code === 'import/ecs-ec2');
    expect([d?.keyPath, d?.message, d?.fix]).toEqual([
      'services.ai',
      "ai is given GPUs, which runs on ECS only with the EC2 launch type: the system chooses it (targetOptions.ecs.launchType 'ec2').",
      'Keep the EC2 launch type: Fargate gives a task no GPUs, and on EC2 the ECS target runs ai on GPU container instances.',
    ]);
    expect(imported.system!.toSpec().options.ecs.launchType).toBe('ec2');
  });

  test('GIVEN a bind mount in one service and GPUs in a later one WHEN imported THEN import/ecs-ec2 names the GPUs, which no replacement brings to Fargate', () => {
    const imported = importText('services:\n  web:\n    image: nginx:1.27\n    restart: always\n    volumes: ["./html:/usr/share/nginx/html:ro"]\n  ai:\n    image: ollama/ollama:0.3.12\n    restart: always\n    gpus: all\n');
    const d = imported.diagnostics.find((x) => x.code === 'import/ecs-ec2');
    expect([d?.keyPath, d?.fix]).toEqual(['services.ai', 'Keep the EC2 launch type: Fargate gives a task no GPUs, and on EC2 the ECS target runs ai on GPU container instances.']);
  });

  test('GIVEN a bind mount only WHEN imported THEN the import/ecs-ec2 fix replaces it to run on Fargate', () => {
    const imported = importText('services:\n  web:\n    image: nginx:1.27\n    restart: always\n    volumes: ["./html:/usr/share/nginx/html:ro"]\n');
    expect(imported.diagnostics.find((x) => x.code === 'import/ecs-ec2')?.fix).toBe('Replace it (a volume for a bind mount) to run on Fargate.');
  });

  test('GIVEN only ulimits, init and shm_size WHEN imported THEN the system stays on Fargate', () => {
    const imported = importText('services:\n  es:\n    image: elasticsearch:8.14.1\n    restart: always\n    init: true\n    shm_size: 64m\n    ulimits:\n      nofile: 65536\n');
    expect(findings(imported)).not.toContain('import/ecs-ec2 services.es');
    expect(imported.system!.toSpec().options.ecs.launchType).toBe('fargate');
  });
});
