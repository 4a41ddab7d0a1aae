import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ComposeImport } from '../../lib/import/compose';
import { writeApp } from '../../lib/import/typescript';
import type { SystemSpec } from '../../lib/model/spec';
import { loadApps } from '../../lib/synth/load-apps';
import { loadExamples } from '../support/examples';
import { composeText, CORPUS, importCorpus, importRendered, ROOT, syntheticCorpusNames } from './support/import-kit';

/** Every example app's compose file and every file of the corpus, imported. */
const imports: Array<[string, ComposeImport]> = [
  ...loadExamples().map((app) => [`apps/${app.name}`, importRendered(composeText(app.spec), app.name)] as [string, ComposeImport]),
  ...syntheticCorpusNames().map((name) => [`corpus/${name}`, importCorpus(name)] as [string, ComposeImport]),
];

/**
 * A folder with one written app module per import, importing the model by its absolute path, and the project
 * files each import reads as config files, at the paths the app names them by (relative to its project root).
 */
function writeAll(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-import-ts-'));
  fs.mkdirSync(path.join(dir, 'apps'));
  for (const [label, imported] of imports) {
    const root = label.startsWith('corpus/') ? path.join(CORPUS, label.slice('corpus/'.length)) : ROOT;
    for (const c of imported.plan.configFiles ?? []) {
      if (c.file !== undefined) fs.cpSync(path.join(root, c.file), path.join(dir, c.file), { recursive: true });
    }
    const text = writeApp(imported.plan, { modelImport: path.join(ROOT, 'lib', 'model'), source: 'compose.yaml', diagnostics: imported.diagnostics });
    fs.writeFileSync(path.join(dir, 'apps', `${imported.plan.name}.ts`), text);
  }
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'commonjs', moduleResolution: 'node', strict: true, noUnusedLocals: true, noImplicitReturns: true,
        esModuleInterop: true, skipLibCheck: true, noEmit: true, types: ['node'], typeRoots: [path.join(ROOT, 'node_modules', '@types')],
      },
      include: ['apps/*.ts'],
    }),
  );
  return dir;
}

/** Loads the written apps from `dir`, the project root their config files are read from. */
function loadWritten(dir: string): ReturnType<typeof loadApps> {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return loadApps('apps');
  } finally {
    process.chdir(cwd);
  }
}

describe('the TypeScript that lading import writes', () => {
  const dir = writeAll();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('GIVEN every imported file WHEN tsc --noEmit checks the written apps (strict, noUnusedLocals) THEN it reports nothing', () => {
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', path.join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`).toBe('');
    expect(run.status).toBe(0);
  });

  test('GIVEN the written apps WHEN loaded as apps THEN each builds the very spec the import built', () => {
    const loaded = new Map(loadWritten(dir).map((a) => [a.name, a.spec]));
    for (const [label, imported] of imports) {
      expect([label, loaded.get(imported.plan.name)]).toEqual([label, imported.system?.toSpec()]);
    }
  });

  test('GIVEN the written apps WHEN synthesized to Compose THEN each gives the compose file of the imported system', () => {
    const loaded = new Map(loadWritten(dir).map((a) => [a.name, a.spec]));
    for (const [label, imported] of imports) {
      const spec = loaded.get(imported.plan.name);
      if (!spec || !imported.system) throw new Error(`${label} did not load`);
      expect([label, composeText(spec)]).toEqual([label, composeText(imported.system.toSpec())]);
    }
  });

  test('GIVEN the example apps WHEN their written modules are synthesized to Compose THEN each gives the compose file it was imported from', () => {
    const loaded = new Map(loadWritten(dir).map((a) => [a.name, a.spec]));
    for (const app of loadExamples()) {
      expect([app.name, composeText(loaded.get(app.name) as SystemSpec)]).toEqual([app.name, composeText(app.spec)]);
    }
  });

  test('GIVEN an import with warnings WHEN written THEN the doc comment lists what was not carried over, within 120 columns', () => {
    const longSyntax = imports.find(([label]) => label === 'corpus/long-syntax')?.[1] as ComposeImport;
    const text = writeApp(longSyntax.plan, { source: 'compose.yaml', diagnostics: longSyntax.diagnostics });
    expect(text).toContain(' * What the import could not carry over:\n');
    expect(text).toMatch(/ \* - test\/import\/corpus\/long-syntax\/compose\.yaml:12 services\.gateway\.ports\[1\]\.name: a port name/);
    expect(text).not.toContain('import/secret-variable');
    expect(text.split('\n').every((l) => l.length <= 120)).toBe(true);
  });

  test('GIVEN external secrets with Swarm names WHEN written THEN a name that is a Kubernetes name is one string, any other a default and a Kubernetes name', () => {
    const external = imports.find(([label]) => label === 'corpus/external-resources')?.[1] as ComposeImport;
    const text = writeApp(external.plan, { source: 'compose.yaml' });
    expect(text).toContain("new Secret(app, 'wiki-db-password', { existingName: 'wiki-db-password-v2' });");
    expect(text).toContain("new Secret(app, 'traefik-users', {\n  existingName: { default: 'traefik_users', kubernetes: 'traefik-users' },\n});");
    expect(text).toContain("new Secret(app, 'smtp-password', {\n  existingName: { default: 'smtp_password.v2', kubernetes: 'smtp-password.v2' },\n});");
  });

  test('GIVEN webapp WHEN written THEN the module reads as a person would write it', () => {
    const webapp = imports.find(([label]) => label === 'apps/webapp')?.[1] as ComposeImport;
    const text = writeApp(webapp.plan, { source: 'dist/compose/webapp/compose.yaml' });
    expect(text).toContain(
      "import {\n  Dependency,\n  HealthCheck,\n  Image,\n  Mount,\n  Network,\n  Port,\n  Secret,\n  Security,\n  Service,\n  System,\n  Volume,\n} from '../lib/model';",
    );
    expect(text).toContain("  security: Security.restricted({ user: '999:1000' }),");
    expect(text).toContain("const backend = new Network(app, 'backend', { internal: true });");
    expect(text).toContain("const app = new System('webapp', { targetOptions: { swarm: { secrets: 'env' } } });");
    expect(text).toContain("const dbPassword = new Secret(app, 'db-password');");
    expect(text).toContain("  secretEnv: { DATABASE_PASSWORD: dbPassword },");
    expect(text).toContain("  health: HealthCheck.http('/healthz', 8000, { interval: '15s', timeout: '5s', startPeriod: '20s' }),");
    expect(text).toContain('  dependsOn: [Dependency.healthy(cache), Dependency.healthy(db)],');
    expect(text).toMatch(/\nexport default app;\n$/);
    expect(text.split('\n').filter((l) => l.length > 120)).toEqual([]);
  });
});
