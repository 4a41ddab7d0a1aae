import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { modelImportFor } from '../../bin/import-command';
import { readTree, ROOT, runLading } from '../support/run-cli';
import { expectValidCompose } from '../support/compose-validators';
import { CORPUS } from './support/import-kit';

const COMPOSE = `name: tiny
services:
  web:
    image: nginx:1.27
    ports: ["8080:80"]
    restart: always
    oom_score_adj: 500
    depends_on:
      api:
        condition: service_healthy
  api:
    image: ghcr.io/example/api:1.0
    restart: always
    environment:
      API_TOKEN: \${API_TOKEN:?set the token}
    healthcheck:
      test: ["CMD", "wget", "-qO-", "http://127.0.0.1:8000/health"]
`;

/** A fresh project folder holding compose.yaml. */
function project(compose: string = COMPOSE): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-import-cli-'));
  fs.writeFileSync(path.join(dir, 'compose.yaml'), compose);
  return dir;
}

describe('lading import and lading synth --compose (the CLI, as a process)', () => {
  test('GIVEN a compose file WHEN lading import THEN it writes apps/<name>.ts, reports what it left out, and synth renders it', () => {
    const dir = project();
    const r = runLading(['import', 'compose.yaml'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning import/unsupported-key compose.yaml:7 services.web.oom_score_adj: oom_score_adj has no equivalent in the model');
    expect(r.stdout).toContain('wrote apps/tiny.ts: system tiny, 2 service(s), 0 job(s), 0 sidecar(s)');
    const app = fs.readFileSync(path.join(dir, 'apps', 'tiny.ts'), 'utf8');
    expect(app).toContain("const apiToken = new Secret(app, 'api-token');");
    expect(app).toContain('export default app;');
    expect(app).toMatch(/^import \{ [A-Za-z, ]+ \} from 'lading';$/m);
    const synth = runLading(['synth', '--target', 'compose'], dir);
    expect(synth.code).toBe(0);
    const compose = fs.readFileSync(path.join(dir, 'dist', 'compose', 'tiny', 'compose.yaml'), 'utf8');
    expect(compose).toContain('API_TOKEN: ${API_TOKEN:?set API_TOKEN to the value of secret api-token}');
    expectValidCompose(compose, path.join(dir, 'dist', 'compose', 'tiny'));
  });

  test('GIVEN an app module already there WHEN lading import THEN it refuses with exit 2, and --force or --out writes', () => {
    const dir = project();
    expect(runLading(['import', 'compose.yaml'], dir).code).toBe(0);
    const again = runLading(['import', 'compose.yaml'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('apps/tiny.ts already exists: pass --force to overwrite it, or --out to write elsewhere');
    expect(runLading(['import', 'compose.yaml', '--force'], dir).code).toBe(0);
    const other = runLading(['import', 'compose.yaml', '--out', 'apps/shop.ts', '--name', 'shop'], dir);
    expect(other.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'apps', 'shop.ts'), 'utf8')).toContain("const app = new System('shop'");
  });

  test('GIVEN a malformed file WHEN lading import THEN one error line with path and line, exit 1, nothing written', () => {
    const dir = project('services:\n  web:\n    image: nginx:1.27\n    ports: 80\n');
    const r = runLading(['import', 'compose.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error import/invalid-file compose.yaml:4 services.web.ports: must be a list (got 80).\nimport failed: the file above cannot be read; nothing was written\n');
    expect(fs.existsSync(path.join(dir, 'apps'))).toBe(false);
  });

  test('GIVEN a file with an error WHEN lading import THEN it exits 1 and writes nothing', () => {
    const dir = project('services:\n  web:\n    image: nginx:${TAG:?pick a tag}\n    restart: always\n');
    const r = runLading(['import', 'compose.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error import/required-variable compose.yaml:3 services.web.image: variable TAG is required: pick a tag');
    expect(r.stderr).toContain('import failed: errors above; nothing was written');
    expect(fs.existsSync(path.join(dir, 'apps'))).toBe(false);
    const fromHost = runLading(['import', 'compose.yaml'], dir, { TAG: '1.27' });
    expect(fromHost.code).toBe(1);
    expect(fromHost.stderr).toContain('error import/host-variable compose.yaml:3 services.web.image: variable TAG comes from the environment of the importing host');
    expect(runLading(['import', 'compose.yaml', '--allow-host-variable', 'TAG'], dir, { TAG: '1.27' }).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'apps', `${path.basename(dir).toLowerCase()}.ts`), 'utf8')).toContain("Image.of('nginx:1.27')");
  });

  test('GIVEN no file WHEN lading import THEN it is a usage error, exit 2', () => {
    expect(runLading(['import'], project()).code).toBe(2);
  });

  test('GIVEN a corpus file WHEN lading synth --compose --target all THEN every target is written from it, without TypeScript', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-import-synth-'));
    fs.cpSync(path.join(CORPUS, 'nginx-api-mongo'), dir, { recursive: true });
    const r = runLading(['synth', '--compose', 'compose.yaml'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^synthesized shop from compose\.yaml for compose, kubernetes, ecs(, [a-z]+)* into dist\/ \(\d+ files\)$/m);
    expect(Object.keys(readTree(path.join(dir, 'dist'))).sort()).toEqual(expect.arrayContaining([
      path.join('compose', 'shop', 'compose.yaml'),
      path.join('ecs', 'shop', 'Shop.assets.json'),
      path.join('ecs', 'shop', 'Shop.metadata.json'),
      path.join('ecs', 'shop', 'Shop.template.json'),
      path.join('ecs', 'shop', 'cdk.out'),
      path.join('ecs', 'shop', 'manifest.json'),
      path.join('kubernetes', 'shop.k8s.yaml'),
    ]));
    expect(fs.existsSync(path.join(dir, 'apps'))).toBe(false);
  });

  test('GIVEN a file with warnings WHEN lading synth --compose --strict THEN it fails with exit 1 and writes nothing', () => {
    const dir = project();
    const r = runLading(['synth', '--compose', 'compose.yaml', '--target', 'compose', '--strict'], dir, { API_TOKEN: 'x' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('synth failed: errors or warnings (--strict) above; dist/ was left as it was');
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });
});

describe('what a written app imports the model from', () => {
  test('GIVEN a module outside this repository THEN lading; GIVEN one in its own apps/ THEN the model source, relatively', () => {
    expect(modelImportFor(path.join(os.tmpdir(), 'shop', 'apps', 'shop.ts'))).toBe('lading');
    expect(modelImportFor(path.join(ROOT, 'apps', 'shop.ts'))).toBe('../lib/model');
    expect(modelImportFor(path.join(ROOT, 'apps', 'nested', 'shop.ts'))).toBe('../../lib/model');
  });
});
