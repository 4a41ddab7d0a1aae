import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { devToolVersions, ladingDependency, packageName } from '../../bin/init-command';
import { ladingPackageRoot } from '../../lib/package-info';
import { readTree, ROOT, runLading } from '../support/run-cli';

const VERSION = (require('../../package.json') as { version: string }).version;

function tmp(prefix: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

describe('lading init (the CLI, as a process)', () => {
  test('GIVEN a new folder WHEN lading init DIR THEN it writes a project whose app synthesizes at once, and says the next commands', () => {
    const parent = tmp('lading-init-');
    const r = runLading(['init', 'my-app'], parent);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'created a lading project in my-app/: .gitignore, README.md, apps/web.ts, cdk.json, cdk8s.yaml, jest.config.js, package.json, test/web.test.ts, tsconfig.json\n' +
        'next: cd my-app && npm install && npm run synth && npm test\n',
    );
    const dir = path.join(parent, 'my-app');
    const files = readTree(dir);
    expect(Object.keys(files).sort()).toEqual(['.gitignore', 'README.md', 'apps/web.ts', 'cdk.json', 'cdk8s.yaml', 'jest.config.js', 'package.json', 'test/web.test.ts', 'tsconfig.json']);
    const pkg = JSON.parse(files['package.json']) as { name: string; scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.name).toBe('my-app');
    expect(pkg.scripts).toEqual({ synth: 'lading synth', test: 'jest', typecheck: 'tsc --noEmit' });
    expect(pkg.dependencies).toEqual({ lading: `^${VERSION}` });
    const own = require('../../package.json') as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.devDependencies).toEqual({
      '@swc/core': own.dependencies['@swc/core'],
      '@swc/jest': own.devDependencies['@swc/jest'],
      '@types/jest': own.devDependencies['@types/jest'],
      '@types/node': own.devDependencies['@types/node'],
      jest: own.devDependencies.jest,
      typescript: own.devDependencies.typescript,
    });
    expect(files['.gitignore'].split('\n')).toContain('dist/');
    expect(JSON.parse(files['cdk.json'])).toEqual({ app: 'npx lading-ecs-app', output: 'cdk.out' });
    expect(files['cdk8s.yaml']).toMatch(/^app: npx lading-kubernetes-app$/m);
    expect(files['README.md']).toContain('npm run synth');
    expect(files['README.md']).toContain('npm test');
    expect(files['apps/web.ts']).toContain("from 'lading';");
    expect(files['test/web.test.ts']).toContain("import { Testing } from 'lading/testing';");
    expect(files['test/web.test.ts']).toContain("template.hasResourceProperties('AWS::ECS::Service'");
    expect(files['test/web.test.ts']).toContain('toMatchSnapshot()');

    // the app imports 'lading': the lading that loads it provides it, before any npm install
    const synth = runLading(['synth', '--strict'], dir);
    expect(synth.stderr).toBe('');
    expect(synth.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'dist', 'compose', 'web', 'compose.yaml'))).toBe(true);
  });

  test('GIVEN a folder that is not empty WHEN lading init THEN it refuses with exit 2 and writes nothing; with --force it writes', () => {
    const dir = tmp('lading-init-full-');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine\n');
    const r = runLading(['init'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      ".: the folder is not empty (got 1 entries: notes.txt). Choose a new or empty folder, or pass --force to write the project's files into it, overwriting those of the same name.\n",
    );
    expect(fs.readdirSync(dir)).toEqual(['notes.txt']);
    const forced = runLading(['init', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('next: npm install && npm run synth && npm test\n');
    expect(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(fs.existsSync(path.join(dir, 'apps', 'web.ts'))).toBe(true);
  });

  test('GIVEN a file WHEN lading init names it THEN exit 2 with the fix', () => {
    const dir = tmp('lading-init-file-');
    fs.writeFileSync(path.join(dir, 'app'), '');
    const r = runLading(['init', 'app'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('app: not a folder (got a file). Choose a new or empty folder.\n');
  });
});

describe('the project lading init writes', () => {
  test('GIVEN lading installed from a tarball WHEN a project is made beside it THEN it depends on the same tarball, by a path relative to it', () => {
    const host = tmp('lading-init-host-');
    fs.writeFileSync(path.join(host, 'package.json'), JSON.stringify({ dependencies: { lading: 'file:../lading-0.1.0.tgz' } }));
    const installed = path.join(host, 'node_modules', 'lading');
    expect(ladingDependency(path.join(host, 'app'), installed, '0.1.0')).toBe(`file:${path.relative(path.join(host, 'app'), path.join(host, '..', 'lading-0.1.0.tgz'))}`);
    expect(ladingDependency(path.join(host, 'app'), installed, '0.1.0')).toBe('file:../../lading-0.1.0.tgz');
  });

  test('GIVEN lading installed from the registry or run from a checkout THEN the project depends on the same range, or on ^version', () => {
    const host = tmp('lading-init-host-');
    fs.writeFileSync(path.join(host, 'package.json'), JSON.stringify({ devDependencies: { lading: '~0.1.0' } }));
    expect(ladingDependency(path.join(host, 'app'), path.join(host, 'node_modules', 'lading'), '0.1.0')).toBe('~0.1.0');
    expect(ladingDependency(path.join(host, 'app'), path.join(tmp('lading-init-bare-'), 'node_modules', 'lading'), '0.1.3')).toBe('^0.1.3');
    expect(ladingDependency('/tmp/app', ROOT, '0.2.0')).toBe('^0.2.0');
  });

  test.each([
    ['/work/My App', 'my-app'],
    ['/work/shop.v2', 'shop.v2'],
    ['/work/__x', 'x'],
    ['/', 'lading-project'],
  ])('GIVEN the folder %s THEN the package is named %s', (dir, name) => {
    expect(packageName(dir)).toBe(name);
  });

  test('GIVEN a package.json of lading without a tool the project needs THEN init stops, naming it', () => {
    expect(() => devToolVersions({ dependencies: { '@swc/core': '1.0.0' }, devDependencies: { jest: '30.0.0' } })).toThrow(
      "lading's package.json names no version of @swc/jest, @types/jest, @types/node, typescript. Reinstall lading.",
    );
  });

  test('GIVEN a folder with no lading above it THEN the package root is not found, and the message says so', () => {
    const dir = tmp('lading-no-root-');
    expect(() => ladingPackageRoot(dir)).toThrow(`${dir}: no package.json of lading in this folder or above it. Reinstall lading.`);
    expect(ladingPackageRoot(path.join(ROOT, 'lib', 'model'))).toBe(ROOT);
  });
});
