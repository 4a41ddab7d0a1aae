import * as fs from 'fs';
import * as path from 'path';
import { projectWithApps, runLading } from '../support/run-cli';

const ROOT = path.resolve(__dirname, '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The relative links of a Markdown file: `[text](target)` and `![alt](target)`, without web addresses. */
function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:/i.test(t));
}

describe('the README', () => {
  const documents = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

  test.each(documents)('GIVEN %s WHEN its relative links are followed THEN each names a file inside the repository', (doc) => {
    const dir = path.dirname(path.join(ROOT, doc));
    const broken = relativeLinks(fs.readFileSync(path.join(ROOT, doc), 'utf8'))
      .map((link) => link.split('#')[0])
      .filter((target) => target !== '')
      .filter((target) => {
        const file = path.resolve(dir, target);
        return path.relative(ROOT, file).startsWith('..') || !fs.existsSync(file);
      });
    expect(broken).toEqual([]);
  });

  test('GIVEN lading --help WHEN its commands are listed THEN the synopsis shows each, and how to install', () => {
    const help = runLading(['--help']);
    expect(help.code).toBe(0);
    const commands = [...help.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['synth', 'init', 'import', 'check', 'graph']));
    const synopsis = /## The `lading` command\n\n```\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
    for (const command of commands) expect([command, synopsis]).toEqual([command, expect.stringMatching(new RegExp(`^lading ${command} `, 'm'))]);
    for (const option of ['--compose FILE', '--profile PROFILE', '--apps-dir DIR', '--force']) expect(synopsis).toContain(option);
    expect(README).toContain('npm install lading');
    expect(README).toContain('npx lading init');
  });

  test('GIVEN the short tour copied into apps/webapp.ts WHEN lading synth renders every target THEN it succeeds with no error', () => {
    const tour = /```ts\n\/\/ apps\/webapp\.ts[^\n]*\n([\s\S]*?)```/.exec(README)?.[1];
    expect(tour).toContain("from 'lading'");
    const dir = projectWithApps({ 'webapp.ts': tour! });
    const r = runLading(['synth', '--out', path.join(dir, 'dist')], dir);
    expect([r.code, r.stderr.split('\n').filter((l) => l.startsWith('error'))]).toEqual([0, []]);
    expect(r.stdout).toMatch(/^1 app, 5 targets, \d+ files; 0 errors, /m);
  });

  test('GIVEN the package.json WHEN read THEN engines asks for the Node.js the runtime dependencies need', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; dependencies: Record<string, string> };
    const wanted = Object.keys(pkg.dependencies)
      .map((dep) => (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', dep, 'package.json'), 'utf8')) as { engines?: { node?: string } }).engines?.node)
      .filter((range): range is string => range !== undefined)
      .map((range) => Number(/(\d+)/.exec(range)?.[1]));
    expect(pkg.engines.node).toBe(`>=${Math.max(...wanted)}`);
  });
});
