import * as fs from 'fs';
import * as path from 'path';
import { XMLValidator } from 'fast-xml-parser';
import { MODEL, projectWithApps, readTree, runLading } from '../support/run-cli';

const app = (name: string, image = 'nginx:1.27') => `
import { Image, Port, Service, System } from ${MODEL};
const app = new System('${name}');
new Service(app, 'web', { image: Image.of('${image}'), ports: [Port.tcp(80).publish(8080)] });
export default app;
`;

describe('lading graph (the CLI, as a process)', () => {
  test('GIVEN one app WHEN graph runs with no format THEN it prints that app as SVG', () => {
    const dir = projectWithApps({ 'good.ts': app('good') });
    const r = runLading(['graph'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<?xml')).toBe(true);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    expect(r.stdout).toContain('8080 &#45;&gt; 80/tcp');
  });

  test('GIVEN two apps WHEN graph --format mermaid / dot THEN each app is printed after a comment naming it', () => {
    const dir = projectWithApps({ 'a.ts': app('alpha'), 'b.ts': app('beta') });
    const mermaid = runLading(['graph', '--format', 'mermaid'], dir);
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout).toMatch(/^%% app: alpha\nflowchart LR\n[\s\S]*\n\n%% app: beta\nflowchart LR\n/);
    const dot = runLading(['graph', '--format', 'dot', '--app', 'beta'], dir);
    expect(dot.code).toBe(0);
    expect(dot.stdout).toMatch(/^\/\/ app: beta\ndigraph "beta" \{\n/);
    expect(dot.stdout).not.toContain('alpha');
  });

  test('GIVEN two apps WHEN graph --format svg without --app THEN exit 2 and it says how to pick one', () => {
    const dir = projectWithApps({ 'a.ts': app('alpha'), 'b.ts': app('beta') });
    const r = runLading(['graph'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'lading graph --format svg draws one app per run (got 2: alpha, beta). Pick one with --app NAME, or use --format mermaid or dot.\n',
    );
  });

  test.each([
    [['graph', '--format', 'png'], 2, /argument 'png' is invalid/],
    [['graph', '--app', 'nope'], 1, /^error --app nope: no such app in .*apps\. Known apps: good\.$/m],
  ])('GIVEN the mistake %j WHEN graph runs THEN exit %d with a message', (args, code, message) => {
    const dir = projectWithApps({ 'good.ts': app('good') });
    const r = runLading(args, dir);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });

  test('GIVEN graph --help THEN it says what each format prints and what synth writes', () => {
    const r = runLading(['graph', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('svg draws one app per run');
    expect(r.stdout).toContain('dist/graph/<app>.svg and dist/graph/<app>.md');
  });

  test('GIVEN every target (the default) WHEN synth THEN it writes dist/graph/<app>.svg and .md; --app replaces only that app', () => {
    // GIVEN
    const dir = projectWithApps({ 'a.ts': app('alpha'), 'b.ts': app('beta') });
    // WHEN
    const r = runLading(['synth'], dir);
    // THEN
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2 apps, 5 targets, \d+ files; 0 errors, /);
    const tree = readTree(path.join(dir, 'dist', 'graph'));
    expect(Object.keys(tree).sort()).toEqual(['alpha.md', 'alpha.svg', 'beta.md', 'beta.svg']);
    expect(tree['alpha.md']).toContain('```mermaid\nflowchart LR\n');
    expect(XMLValidator.validate(tree['beta.svg'])).toBe(true);
    // WHEN only alpha is synthesized again after both changed
    fs.writeFileSync(path.join(dir, 'apps', 'a.ts'), app('alpha', 'nginx:1.28'));
    fs.writeFileSync(path.join(dir, 'apps', 'b.ts'), app('beta', 'nginx:1.28'));
    expect(runLading(['synth', '--app', 'alpha'], dir).code).toBe(0);
    // THEN alpha's pictures changed, beta's stayed
    const after = readTree(path.join(dir, 'dist', 'graph'));
    expect(after['alpha.md']).toContain('nginx:1.28');
    expect(after['beta.md']).toContain('nginx:1.27');
  });

  test('GIVEN --target compose WHEN synth THEN no graph is drawn', () => {
    const dir = projectWithApps({ 'good.ts': app('good') });
    expect(runLading(['synth', '--target', 'compose'], dir).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'dist', 'graph'))).toBe(false);
  });
});
