import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Image, Secret, Service, System, type SystemProps } from '../../lib/model';
import { renderCacheDir } from '../../lib/synth/cache/cache-dir';
import type { RenderCacheUse } from '../../lib/synth/cache/cached-render';
import { RenderCache, type KeptRender } from '../../lib/synth/cache/render-cache';
import { renderVersions, type RenderVersions } from '../../lib/synth/cache/versions';
import { synthApps } from '../../lib/synth/synth';
import type { LoadedApp } from '../../lib/synth/load-apps';
import type { TargetName } from '../../lib/diagnostics/diagnostic';
import { readTree } from '../support/run-cli';

const POISON = 'POISON: taken from the cache\n';

/** A project folder holding a build context `ctx/` with a Dockerfile. */
function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-cache-'));
  fs.mkdirSync(path.join(dir, 'ctx'));
  fs.writeFileSync(path.join(dir, 'ctx', 'Dockerfile'), 'FROM busybox:1.36\n');
  return dir;
}

/** The app: one service built from `ctx/`, with a secret env value; `env` and the system props vary. */
function app(env: Record<string, string> = { MODE: 'a' }, props: SystemProps = {}): LoadedApp {
  const s = new System('shop', props);
  new Service(s, 'web', {
    image: Image.build({ context: 'ctx', tag: 'shop/web:1' }),
    env,
    secretEnv: { TOKEN: new Secret(s, 'token') },
    resources: { memory: '64m', cpus: 0.1 },
  });
  return { name: 'shop', file: 'apps/shop.ts', spec: s.toSpec() };
}

/** Every entry of a cache folder, its files replaced by POISON: a render taken from it is recognisable. */
function poison(dir: string): number {
  const cache = new RenderCache(dir);
  let count = 0;
  for (const sub of fs.readdirSync(dir)) {
    for (const name of fs.readdirSync(path.join(dir, sub))) {
      const entry = JSON.parse(fs.readFileSync(path.join(dir, sub, name), 'utf8')) as { key: string; result: KeptRender };
      cache.put(entry.key, { ...entry.result, files: entry.result.files.map((f) => ({ ...f, content: POISON })) });
      count++;
    }
  }
  return count;
}

interface Run {
  readonly app?: LoadedApp;
  readonly target?: TargetName;
  readonly versions?: RenderVersions;
  readonly root: string;
  readonly out?: string;
}

describe('incremental synth: the render cache', () => {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-cache-dir-'));
  const root = project();
  const synthOnce = async (run: Run) => {
    const out = run.out ?? path.join(run.root, 'dist');
    const use: RenderCacheUse = { cache: new RenderCache(cacheDir), versions: run.versions ?? renderVersions() };
    const r = await synthApps([run.app ?? app()], { targets: [run.target ?? 'compose'], outDir: out, projectRoot: run.root, cache: use });
    expect(r.failed).toBe(false);
    return { ...r, tree: readTree(path.join(out, run.target ?? 'compose')) };
  };
  const poisoned = (tree: Record<string, string>) => Object.values(tree).some((c) => c === POISON);

  beforeAll(async () => {
    // GIVEN a render of the app on compose and on ecs, kept in the cache, whose kept files are then replaced
    await synthOnce({ root });
    await synthOnce({ root, target: 'ecs' });
    expect(poison(cacheDir)).toBe(2);
  });

  test('GIVEN nothing changed WHEN synth runs again THEN the app is reused: its files come from the cache', async () => {
    const r = await synthOnce({ root });
    expect(r.reused).toEqual(['shop']);
    expect(r.rendered).toEqual([]);
    expect(Object.values(r.tree)).toEqual([POISON]);
    expect(poisoned((await synthOnce({ root, target: 'ecs' })).tree)).toBe(true);
  });

  const changes: ReadonlyArray<[string, () => Run]> = [
    ['the spec (an env value)', () => ({ root, app: app({ MODE: 'b' }) })],
    ['the target options', () => ({ root, app: app(undefined, { targetOptions: { compose: { secrets: 'files' } } }) })],
    ['the target', () => ({ root, target: 'kubernetes' })],
    ['the lading version', () => ({ root, versions: { ...renderVersions(), lading: '99.0.0' } })],
    ["lading's own code", () => ({ root, versions: { ...renderVersions(), code: '0'.repeat(64) } })],
    ['the Node.js version', () => ({ root, versions: { ...renderVersions(), node: 'v99.0.0' } })],
    ...['aws-cdk-lib', 'cdk8s', 'cdk8s-plus-27', 'constructs', 'yaml', '@viz-js/viz'].map((lib): [string, () => Run] => [
      `the version of ${lib}`,
      () => ({ root, versions: { ...renderVersions(), libraries: { ...renderVersions().libraries, [lib]: '99.0.0' } } }),
    ]),
    ['the project root', () => ({ root: project() })],
    ['the output folder (the build context as seen from it)', () => ({ root, out: path.join(root, 'deeper', 'dist') })],
  ];

  test.each(changes)('GIVEN %s changed WHEN synth runs THEN the app is rendered again, not taken from the cache', async (_what, run) => {
    const r = await synthOnce(run());
    expect(r.rendered).toEqual(['shop']);
    expect(r.reused).toEqual([]);
    expect(Object.keys(r.tree).length).toBeGreaterThan(0);
    expect(poisoned(r.tree)).toBe(false);
  });

  test('GIVEN the Dockerfile of a build context changed WHEN synth runs on ecs THEN the app is rendered again, with a new asset', async () => {
    const before = (await synthOnce({ root, target: 'ecs' })).tree;
    expect(poisoned(before)).toBe(true);
    const other = project();
    const cold = (await synthOnce({ root: other, target: 'ecs', versions: { ...renderVersions(), code: 'cold' } })).tree;
    fs.appendFileSync(path.join(other, 'ctx', 'Dockerfile'), 'RUN true\n');
    const r = await synthOnce({ root: other, target: 'ecs' });
    expect(r.rendered).toEqual(['shop']);
    expect(poisoned(r.tree)).toBe(false);
    // the asset hash follows the Dockerfile's content
    expect(r.tree).not.toEqual(cold);
  });

  test('GIVEN the build context gone WHEN synth runs on ecs THEN the app is rendered again and the target says so', async () => {
    const other = project();
    await synthOnce({ root: other, target: 'ecs' });
    fs.rmSync(path.join(other, 'ctx'), { recursive: true });
    const r = await synthApps([app()], { targets: ['ecs'], outDir: path.join(other, 'dist'), projectRoot: other, cache: { cache: new RenderCache(cacheDir), versions: renderVersions() } });
    expect(r.rendered).toEqual(['shop']);
    expect(r.diagnostics.map((d) => d.code)).toContain('ecs/build-context-missing');
  });

  test('GIVEN a damaged entry WHEN read THEN it is not served', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-cache-damaged-'));
    const cache = new RenderCache(dir);
    const key = 'ab'.repeat(32);
    cache.put(key, { files: [{ path: 'a', content: 'x' }], diagnostics: [], outputs: ['a'] });
    expect(cache.get(key)?.files).toEqual([{ path: 'a', content: 'x' }]);
    const file = path.join(dir, 'ab', `${key}.json`);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"x"', '"y"'));
    expect(cache.get(key)).toBeUndefined();
  });

  test('GIVEN a render that failed inside lading WHEN kept THEN nothing is kept: the next synth tries again', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-cache-internal-'));
    const cache = new RenderCache(dir);
    cache.put('cd'.repeat(32), { files: [], diagnostics: [{ code: 'internal/target-failed', severity: 'error', path: 'shop', message: 'boom' }], outputs: [] });
    expect(cache.get('cd'.repeat(32))).toBeUndefined();
  });
});

describe('the folder of the render cache', () => {
  test('GIVEN LADING_CACHE=0 THEN there is no cache', () => {
    expect(renderCacheDir({ LADING_CACHE: '0' })).toBeUndefined();
  });

  test('GIVEN LADING_CACHE=<dir> THEN that folder, created', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lading-cache-env-')), 'here');
    expect(renderCacheDir({ LADING_CACHE: dir })).toBe(dir);
    expect(fs.statSync(dir).isDirectory()).toBe(true);
  });

  test('GIVEN no LADING_CACHE THEN node_modules/.cache/lading, beside the compile cache', () => {
    expect(renderCacheDir({})).toBe(path.resolve(__dirname, '..', '..', 'node_modules', '.cache', 'lading'));
  });
});
