import * as path from 'path';
import { GENERAL_CODES } from '../../lib/diagnostics/codes';
import { Image, Service, System } from '../../lib/model';
import type { LoadedApp } from '../../lib/synth/load-apps';

jest.mock('../../lib/synth/targets', () => ({
  loadTarget: (name: string) => ({
    name,
    render: () => {
      throw new Error('boom in render');
    },
    outputsOf: (app: string) => [app],
  }),
}));
jest.mock('../../lib/graph', () => ({
  ...jest.requireActual('../../lib/graph'),
  graphFiles: async () => {
    throw new Error('boom in drawing');
  },
}));

import { synthApps } from '../../lib/synth/synth';

function app(): LoadedApp {
  const s = new System('shop');
  new Service(s, 'web', { image: Image.of('nginx:1.27'), resources: { memory: '64m', cpus: 0.1 }, logging: { maxSize: '1m' } });
  return { name: 'shop', file: 'apps/shop.ts', spec: s.toSpec() };
}

describe('internal codes: a bug in lading is reported, never thrown', () => {
  test('GIVEN a target that throws WHEN synth runs THEN internal/target-failed names the app and target, and nothing is written', async () => {
    const r = await synthApps([app()], { targets: ['compose'], outDir: path.join(__dirname, 'never-written'), graph: true });
    const failed = r.diagnostics.find((d) => d.code === 'internal/target-failed');
    expect(failed).toMatchObject({ severity: GENERAL_CODES['internal/target-failed'].severity, path: 'shop', target: 'compose', message: 'the compose target failed: boom in render' });
    expect(r.failed).toBe(true);
    expect(r.written).toEqual([]);
  });

  test('GIVEN drawing that throws WHEN synth draws THEN internal/graph-failed names the app', async () => {
    const r = await synthApps([app()], { targets: [], outDir: path.join(__dirname, 'never-written'), graph: true, dryRun: true });
    expect(r.diagnostics.find((d) => d.code === 'internal/graph-failed')).toMatchObject({
      severity: GENERAL_CODES['internal/graph-failed'].severity,
      path: 'shop',
      message: 'drawing the graph failed: boom in drawing',
    });
  });
});
