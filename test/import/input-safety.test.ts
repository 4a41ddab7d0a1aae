import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCompose } from '../../lib/import/compose';
import { readTree, runLading } from '../support/run-cli';

/** Values of the importing host that must enter no output. */
const HOST = { API_TOKEN: 'tok-3141', DB_PASSWORD: 'pw-2718', NPM_TOKEN: 'npm-1618' };

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder `<tmp>/project` holding the given files; its parent holds `outside.env`. */
function project(files: Record<string, string | Buffer>): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-import-safety-'));
  made.push(parent);
  fs.writeFileSync(path.join(parent, 'outside.env'), `LEAKED=${HOST.DB_PASSWORD}\n`);
  const dir = path.join(parent, 'project');
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** Every file below the parent of a project, as text, to show that nothing else changed. */
function everything(dir: string): Record<string, string> {
  return readTree(path.dirname(dir));
}

/** The lines a run printed to stderr. */
const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '');

const REPRODUCER = `services:
  app:
    image: example/app:1.0
    restart: always
    command: ["serve", "--token", "\${API_TOKEN}"]
    environment:
      DATABASE_URL: "postgres://app:\${DB_PASSWORD}@db/app"
    labels:
      x: "\${NPM_TOKEN}"
`;

describe('nothing from the importing host enters an output unless the user wrote it', () => {
  test('GIVEN host variables in a command and a label WHEN lading import THEN one error line names each variable, exit 1, nothing written', () => {
    const dir = project({ 'compose.yaml': REPRODUCER });
    const before = everything(dir);
    const r = runLading(['import', 'compose.yaml'], dir, HOST);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([
      'error import/host-variable compose.yaml:5 services.app.command[2]: variable API_TOKEN comes from the environment of the importing host: its value would be written into every output, so it is refused. Write the value in the file or in .env beside it, or pass --allow-host-variable API_TOKEN to write the host\'s value.',
      'error import/host-variable compose.yaml:9 services.app.labels.x: variable NPM_TOKEN comes from the environment of the importing host: its value would be written into every output, so it is refused. Write the value in the file or in .env beside it, or pass --allow-host-variable NPM_TOKEN to write the host\'s value.',
      'import failed: errors above; nothing was written',
    ]);
    expect(everything(dir)).toEqual(before);
    const synth = runLading(['synth', '--compose', 'compose.yaml', '--target', 'compose'], dir, HOST);
    expect(synth.code).toBe(1);
    expect(synth.stderr).toContain('error import/host-variable compose.yaml:5 services.app.command[2]: variable API_TOKEN');
    expect(everything(dir)).toEqual(before);
  });

  test('GIVEN host variables in environment values, whole and in part WHEN imported and synthesized THEN they are secrets and no output holds a value', () => {
    const dir = project({
      'compose.yaml': `services:
  app:
    image: example/app:1.0
    restart: always
    environment:
      DATABASE_URL: "postgres://app:\${DB_PASSWORD}@db/app"
      TOKEN: \${API_TOKEN}
      NPM_TOKEN:
`,
    });
    const r = runLading(['import', 'compose.yaml'], dir, HOST);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'warning import/secret-composed compose.yaml:6 services.app.environment.DATABASE_URL: DATABASE_URL is composed of text and DB_PASSWORD from the importing host\'s environment: the whole value becomes secret database-url, which must hold it composed (got "postgres://app:${DB_PASSWORD}@db/app").',
    );
    expect(r.stdout).toContain('info import/secret-variable compose.yaml:7 services.app.environment.TOKEN: TOKEN reads API_TOKEN, which holds a secret: it becomes secret api-token');
    expect(r.stdout).toContain("info import/secret-variable compose.yaml:8 services.app.environment.NPM_TOKEN: NPM_TOKEN passes the importing host's value through: it becomes secret npm-token");
    const app = fs.readFileSync(path.join(dir, 'apps', 'project.ts'), 'utf8');
    expect(app).toContain('secretEnv: { DATABASE_URL: databaseUrl, TOKEN: apiToken, NPM_TOKEN: npmToken }');
    const synth = runLading(['synth', '--quiet'], dir, HOST);
    expect(synth.stderr).toBe('');
    expect(synth.code).toBe(0);
    const written = everything(dir);
    expect(Object.keys(written).filter((f) => f.startsWith('project/dist/compose/')).length).toBeGreaterThan(0);
    expect(Object.keys(written).filter((f) => f.startsWith('project/dist/ecs/')).length).toBeGreaterThan(0);
    for (const [file, content] of Object.entries(written)) {
      if (file === 'outside.env') continue;
      for (const value of Object.values(HOST)) expect(`${file}: ${content.includes(value)}`).toBe(`${file}: false`);
    }
  });

  test('GIVEN an env_file outside the folder of the Compose file WHEN lading import THEN it is refused unless --allow-outside-files', () => {
    const dir = project({ 'compose.yaml': 'services:\n  app:\n    image: example/app:1.0\n    restart: always\n    env_file: ../outside.env\n' });
    const before = everything(dir);
    const r = runLading(['import', 'compose.yaml'], dir);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[0]).toBe(
      `error import/outside-file compose.yaml:5 services.app.env_file: env_file ../outside.env is outside the folder of the Compose file (got ${path.join(path.dirname(dir), 'outside.env')}): its values would be written into every output, so it is not read. Move the file beside the Compose file, or pass --allow-outside-files to read it.`,
    );
    expect(everything(dir)).toEqual(before);
    const allowed = runLading(['import', 'compose.yaml', '--allow-outside-files'], dir);
    expect(allowed.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'apps', 'project.ts'), 'utf8')).toContain(`LEAKED: '${HOST.DB_PASSWORD}'`);
  });

  test('GIVEN a symbolic link beside the file to a file outside WHEN used as env_file THEN it is refused as outside', () => {
    const dir = project({ 'compose.yaml': 'services:\n  app:\n    image: example/app:1.0\n    restart: always\n    env_file: ./app.env\n' });
    fs.symlinkSync(path.join(path.dirname(dir), 'outside.env'), path.join(dir, 'app.env'));
    const imported = loadCompose({ file: path.join(dir, 'compose.yaml'), projectRoot: dir, env: {} });
    expect(imported.diagnostics.map((d) => d.code)).toEqual(['import/outside-file']);
    expect(imported.system).toBeUndefined();
  });
});

/** The alias bomb of the issue: 9 references on each of 10 levels. */
function aliasBomb(): string {
  const levels = ['a: &a ["lol"]'];
  for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  return `${levels.join('\n')}\nservices:\n  web:\n    image: nginx:1.27\n    command: *j\n`;
}

describe('bounded input', () => {
  test.each([
    ['the alias bomb', () => aliasBomb(), /^error import\/too-large compose\.yaml:\d+: aliases expand to more than 200000 values \(got \d+ by alias \*[a-j]\)\. Write the values out, or use fewer levels of aliases\.$/],
    ['a 50 MB file', () => Buffer.alloc(50 * 1024 * 1024, '#'), /^error import\/too-large compose\.yaml: the file is larger than the 10 MiB the import reads \(got more than 10485760 bytes\)\. Split the file, or leave out what it does not need\.$/],
  ])('GIVEN %s WHEN lading import with a 300 MB heap THEN one line, exit 1, nothing written, and the load ends within 2 s', (_name, make, expected) => {
    const content = make();
    if (typeof content === 'string') expect(Buffer.byteLength(content)).toBeLessThan(500);
    const dir = project({ 'compose.yaml': content });
    const before = fs.readdirSync(dir);
    const r = runLading(['import', 'compose.yaml'], dir, { NODE_OPTIONS: '--max-old-space-size=300' });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toHaveLength(2);
    expect(lines(r.stderr)[0]).toMatch(expected);
    expect(fs.readdirSync(dir)).toEqual(before);
    const start = process.hrtime.bigint();
    expect(() => loadCompose({ file: path.join(dir, 'compose.yaml'), projectRoot: dir, env: {} })).toThrow(/aliases expand|larger than the 10 MiB/);
    expect(Number(process.hrtime.bigint() - start) / 1e9).toBeLessThan(2);
  });

  test('GIVEN a file with a byte that is not UTF-8 WHEN lading import THEN one line names its offset, exit 1', () => {
    const dir = project({ 'compose.yaml': Buffer.concat([Buffer.from('services:\n  web:\n    image: "nginx:1.27'), Buffer.from([0xff]), Buffer.from('"\n')]) });
    const r = runLading(['import', 'compose.yaml'], dir);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[0]).toBe('error import/not-utf8 compose.yaml: the file is not UTF-8 text (got byte 0xff at offset 39). Save the file as UTF-8.');
    expect(fs.existsSync(path.join(dir, 'apps'))).toBe(false);
  });

  test.each([
    [[0x61, 0xc3, 0xa9, 0x62], 4],
    [[0x61, 0xc0, 0x80], 1],
    [[0xe2, 0x82], 0],
    [[0xed, 0xa0, 0x80], 0],
    [[0xf0, 0x9f, 0x98, 0x80, 0xf5], 4],
  ])('GIVEN the bytes %j WHEN checked THEN the first byte that is not UTF-8 is at %d', (bytes, offset) => {
    const { firstInvalidUtf8 } = jest.requireActual('../../lib/import/compose/read-input') as typeof import('../../lib/import/compose/read-input');
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(offset);
  });
});

describe('smaller items of the importer', () => {
  test('GIVEN --out naming a folder WHEN lading import --force THEN one line says it cannot write there, exit 1, no stack', () => {
    const dir = project({ 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n', 'apps/keep.txt': 'mine' });
    const before = everything(dir);
    const r = runLading(['import', 'compose.yaml', '--out', 'apps', '--force'], dir);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual(['error apps: cannot write there (got EISDIR: it is a folder, not a file). Pass --out with the path of a file to write; nothing was written.']);
    expect(everything(dir)).toEqual(before);
  });


  test('GIVEN restart: sometimes WHEN lading import THEN one error line names the valid values, exit 1', () => {
    const dir = project({ 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    restart: sometimes\n' });
    const r = runLading(['import', 'compose.yaml'], dir);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[0]).toBe('error import/invalid-file compose.yaml:4 services.web.restart: restart must be no, always, unless-stopped or on-failure[:N] (got "sometimes").');
    expect(fs.existsSync(path.join(dir, 'apps'))).toBe(false);
  });

  test('GIVEN extends.file with its own extends chain in another folder WHEN imported THEN it is followed and its paths are rebased', () => {
    const dir = project({
      'compose.yaml': 'services:\n  web:\n    extends:\n      file: common/base.yaml\n      service: api\n    restart: always\n    environment:\n      MODE: prod\n',
      'common/base.yaml': 'services:\n  root:\n    image: example/api:1.0\n    environment:\n      MODE: dev\n      LEVEL: info\n  api:\n    extends: root\n    build: ./api\n    volumes: ["./data:/data"]\n',
    });
    const imported = loadCompose({ file: path.join(dir, 'compose.yaml'), projectRoot: dir, env: {} });
    expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const web = imported.system?.toSpec().services.find((s) => s.name === 'web');
    expect(web?.main.env).toEqual({ LEVEL: 'info', MODE: 'prod' });
    expect(web?.main.image).toMatchObject({ kind: 'build', context: 'common/api' });
    // common/data is absent from the project: a data folder, whose volume lives at the rebased path
    expect(web?.main.mounts).toEqual([expect.objectContaining({ kind: 'volume', volume: 'data', target: '/data' })]);
    expect(imported.system?.toSpec().volumes).toEqual([expect.objectContaining({ name: 'data', hostPath: './common/data' })]);
  });

  test.each([
    [{ 'compose.yaml': 'services:\n  web:\n    extends: { file: a.yaml, service: a }\n', 'a.yaml': 'services:\n  a:\n    extends: { file: b.yaml, service: b }\n  c:\n    image: nginx:1.27\n', 'b.yaml': 'services:\n  b:\n    extends: { file: a.yaml, service: a }\n' }, 'b.yaml:3 services.b.extends: extends forms a cycle: web -> a.yaml#a -> b.yaml#b -> a.yaml#a'],
    [{ 'compose.yaml': 'services:\n  web:\n    extends: { file: a.yaml, service: nope }\n', 'a.yaml': 'services:\n  a:\n    image: nginx:1.27\n' }, 'compose.yaml:3 services.web.extends: extends service "nope", which is not defined in a.yaml'],
    [{ 'compose.yaml': 'services:\n  web:\n    extends: { file: ../outside.env, service: a }\n' }, 'compose.yaml:3 services.web.extends.file: extends file ../outside.env is outside the folder of the Compose file'],
    [{ 'compose.yaml': 'services:\n  web:\n    extends: { file: missing.yaml, service: a }\n' }, 'compose.yaml:3 services.web.extends.file: cannot read extends file missing.yaml (no such file, relative to the folder of the Compose file)'],
  ])('GIVEN a broken extends.file WHEN imported THEN one error line (%#)', (files, message) => {
    const dir = project(files);
    const r = runLading(['import', 'compose.yaml'], dir);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[0]).toContain(message);
    expect(lines(r.stderr)).toHaveLength(2);
  });

  test('GIVEN a Compose file that does not exist WHEN imported THEN the line says so in words', () => {
    const r = runLading(['import', 'nothere.yaml'], project({ 'README.md': 'x' }));
    expect([r.code, lines(r.stderr)[0]]).toEqual([1, 'error import/invalid-file nothere.yaml: cannot read the file (no such file).']);
  });
});
