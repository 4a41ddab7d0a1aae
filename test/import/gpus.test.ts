import type { ComposeImport } from '../../lib/import/compose';
import { writeApp } from '../../lib/import/typescript';
import type { GpuSpec } from '../../lib/model/spec';
import { composeText, findings, importRendered, importText } from './support/import-kit';

/** A service `ai` with the given lines under it. */
const ai = (lines: string) => `services:\n  ai:\n    image: ollama/ollama:0.3.12\n    restart: always\n${lines}`;

function gpusOf(imported: ComposeImport): GpuSpec | undefined {
  if (!imported.system) throw new Error(JSON.stringify(imported.diagnostics, null, 2));
  return imported.system.toSpec().services.find((w) => w.name === 'ai')?.gpus;
}

const messages = (imported: ComposeImport, code = 'import/unsupported-value') => imported.diagnostics.filter((d) => d.code === code).map((d) => `${d.keyPath}: ${d.message}`);

const RESERVED = '    deploy:\n      resources:\n        reservations:\n          devices:\n';

describe('GPUs in a Compose file: the service gpus and GPU device reservations', () => {
  test.each<[string, string, GpuSpec]>([
    ['gpus: all', '    gpus: all\n', { count: 'all', capabilities: [] }],
    ['a gpus list with a count', '    gpus:\n      - driver: nvidia\n        count: 2\n', { count: 2, capabilities: [] }],
    ['a reservation of one NVIDIA GPU', `${RESERVED}            - driver: nvidia\n              count: 1\n              capabilities: [gpu]\n`, { count: 1, capabilities: [] }],
    ['a reservation of count all', `${RESERVED}            - driver: nvidia\n              count: all\n              capabilities: [gpu]\n`, { count: 'all', capabilities: [] }],
    ['a reservation without a count', `${RESERVED}            - capabilities: [gpu]\n`, { count: 'all', capabilities: [] }],
    ['a reservation by device ids, with capabilities', `${RESERVED}            - driver: nvidia\n              device_ids: ["0", "GPU-3a2c9f1e"]\n              capabilities: [gpu, video, compute]\n`, { deviceIds: ['0', 'GPU-3a2c9f1e'], capabilities: ['compute', 'video'] }],
  ])('GIVEN %s WHEN imported THEN the service has those GPUs, with no warning, and ECS runs on EC2', (_, lines, gpus) => {
    const imported = importText(ai(lines));
    expect(gpusOf(imported)).toEqual(gpus);
    expect(imported.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code} ${d.keyPath}`)).toEqual([]);
    expect(findings(imported)).toContain('import/ecs-ec2 services.ai');
    expect(imported.system!.toSpec().options.ecs.launchType).toBe('ec2');
  });

  test('GIVEN a device reservation that is not a GPU WHEN imported THEN it is reported and left out, and a GPU one beside it is kept', () => {
    const imported = importText(ai(`${RESERVED}            - driver: nvidia\n              count: 1\n              capabilities: [gpu]\n            - capabilities: [tpu]\n`));
    expect(gpusOf(imported)).toEqual({ count: 1, capabilities: [] });
    expect(messages(imported)).toEqual(['services.ai.deploy.resources.reservations.devices[1]: a device reservation of capabilities tpu is not a GPU: the model reserves NVIDIA GPUs only, so it is left out.']);
  });

  test('GIVEN GPU requests the model cannot hold WHEN imported THEN each is reported with what is kept', () => {
    const imported = importText(
      ai(
        '    gpus:\n      - driver: amd\n        count: 1\n      - count: 1\n        device_ids: ["1"]\n        options: {virtualization: "false"}\n      - count: 2\n' +
          `${RESERVED}            - capabilities: [gpu, fpga]\n`,
      ),
    );
    expect(gpusOf(imported)).toEqual({ deviceIds: ['1'], capabilities: [] });
    expect(messages(imported)).toEqual([
      'services.ai.gpus[0].driver: driver amd: the model gives NVIDIA GPUs only, so this GPU request is left out.',
      'services.ai.gpus[1].count: count and device_ids exclude each other: device_ids is kept.',
      'services.ai.gpus[2]: a second GPU request: the model gives one, so services.ai.gpus[1] is kept and this one is left out.',
      'services.ai.deploy.resources.reservations.devices[0]: GPUs are asked for in gpus and in deploy.resources.reservations.devices: the model gives one GPU request, so gpus is kept and this one is left out.',
      'services.ai.deploy.resources.reservations.devices[0].capabilities: capabilities fpga are not NVIDIA driver capabilities (compat32, compute, display, gpu, graphics, utility, video): they are left out.',
    ]);
    expect(messages(imported, 'import/unsupported-key')).toEqual(['services.ai.gpus[1].options: options has no equivalent in the model: it is left out.']);
  });

  test('GIVEN a sidecar with GPUs WHEN imported THEN they are reported: the model gives GPUs to the main container only', () => {
    const imported = importText(`services:\n  app:\n    image: nginx:1.27\n    restart: always\n  ai:\n    image: ollama/ollama:0.3.12\n    network_mode: service:app\n    gpus: all\n`);
    expect(messages(imported, 'import/sidecar-key')).toEqual([
      'services.ai.gpus: the model gives GPUs to the main container of a workload only: ai, a sidecar of app, runs without its own.',
    ]);
  });

  test('GIVEN GPUs WHEN imported, written as an app and rendered to Compose and imported again THEN the app says gpus and the GPUs survive the trip', () => {
    const imported = importText(ai(`${RESERVED}            - driver: nvidia\n              count: 1\n              capabilities: [gpu, video]\n`));
    expect(writeApp(imported.plan, { source: 'compose.yaml' })).toContain("gpus: { count: 1, capabilities: ['video'] }");
    const again = importRendered(composeText(imported.system!.toSpec()), 'inline');
    expect(gpusOf(again)).toEqual({ count: 1, capabilities: ['video'] });
  });
});
