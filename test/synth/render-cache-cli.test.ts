import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MODEL, projectWithApps, readTree, runLading } from '../support/run-cli';

const APP = `
import { Image, Port, Service, System } from ${MODEL};
const app = new System('shop');
new Service(app, 'web', {
  image: Image.build({ context: 'ctx', tag: 'shop/web:1' }),
  ports: [Port.http(8080).publish(80)],
  env: { LATEST: 'yes' },
});
new Service(app, 'cache', { image: Image.of('redis:latest') });
export default app;
`;

const OTHER = `
import { Image, Service, System } from ${MODEL};
const app = new System('other');
new Service(app, 'worker', { image: Image.of('busybox:1.36'), command: ['sleep', '60'] });
export default app;
`;

describe('lading synth with the render cache (the CLI, as a process)', () => {
  test('GIVEN a synth into a fresh cache WHEN synth runs again with nothing changed THEN dist/ is byte-identical, stderr the same, every app reused', () => {
    // GIVEN two apps, one built from a Dockerfile, and a cache of their own
    const dir = projectWithApps({ 'shop.ts': APP, 'other.ts': OTHER });
    fs.mkdirSync(path.join(dir, 'ctx'));
    fs.writeFileSync(path.join(dir, 'ctx', 'Dockerfile'), 'FROM busybox:1.36\n');
    const env = { LADING_CACHE: fs.mkdtempSync(path.join(os.tmpdir(), 'lading-cli-cache-')) };
    const cold = runLading(['synth'], dir, env);
    expect(cold.code).toBe(0);
    expect(cold.stdout).toMatch(/^2 apps, 5 targets, \d+ files; 0 errors, .*; 2 rendered, 0 reused\n$/);
    const coldTree = readTree(path.join(dir, 'dist'));
    // WHEN
    const warm = runLading(['synth'], dir, env);
    // THEN
    expect(warm.code).toBe(0);
    expect(warm.stdout).toBe(cold.stdout.replace('2 rendered, 0 reused', '0 rendered, 2 reused'));
    expect(warm.stderr).toBe(cold.stderr);
    expect(readTree(path.join(dir, 'dist'))).toEqual(coldTree);

    // WHEN one app changes THEN only that one is rendered again, and its output follows
    fs.writeFileSync(path.join(dir, 'apps', 'other.ts'), OTHER.replace("'60'", "'61'"));
    const changed = runLading(['synth'], dir, env);
    expect(changed.stdout).toMatch(/; 1 rendered, 1 reused\n$/);
    expect(readTree(path.join(dir, 'dist'))['compose/other/compose.yaml']).toContain('"61"');

    // WHEN the cache is off THEN every app is rendered, into the same output
    const off = runLading(['synth'], dir, { LADING_CACHE: '0' });
    expect(off.stdout).toMatch(/; 2 rendered, 0 reused\n$/);
    expect(off.stderr).toBe(changed.stderr);
  });
});
