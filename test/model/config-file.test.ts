import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigFile, Image, Mount, Secret, Service, System } from '../../lib/model';
import { filesApp, fixtureBytes } from '../support/files-app';

/** Runs `f` with the working directory (the project root) in a fresh temporary folder holding `files`. */
function inProject<T>(files: Record<string, string>, f: () => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-config-'));
  const cwd = process.cwd();
  try {
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
    process.chdir(dir);
    return f();
  } finally {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('ConfigFile and file mounts', () => {
  test('GIVEN a file, a folder, a binary file and a secret file WHEN specified THEN the spec carries their bytes, hashes and paths', () => {
    const spec = filesApp().toSpec();
    expect(spec.configFiles.map((c) => [c.name, c.source, c.projectPath, c.users])).toEqual([
      ['logo', 'file', 'test/fixtures/files/logo.bin', ['web']],
      ['nginx-conf', 'file', 'test/fixtures/files/nginx.conf', ['web']],
      ['pipeline', 'folder', 'test/fixtures/files/pipeline', ['web']],
    ]);
    const logo = spec.configFiles[0].files[0];
    expect(logo).toEqual({
      name: 'logo.bin',
      base64: fixtureBytes('logo.bin').toString('base64'),
      sha256: createHash('sha256').update(fixtureBytes('logo.bin')).digest('hex'),
      sizeBytes: 12,
      text: false,
    });
    expect(spec.configFiles[2].files.map((f) => [f.name, f.text])).toEqual([
      ['extra/output.conf', true],
      ['input.conf', true],
    ]);
    expect(spec.services[0].main.files).toEqual([
      { kind: 'config', source: 'nginx-conf', target: '/etc/nginx/nginx.conf', mode: 0o440, index: 0 },
      { kind: 'config', source: 'pipeline', target: '/etc/logstash/pipeline', mode: 0o444, index: 1 },
      { kind: 'config', source: 'logo', target: '/usr/share/web/logo.bin', mode: 0o444, index: 2 },
      { kind: 'secret', source: 'db-password', target: '/run/secrets/db-password', mode: 0o444, index: 3 },
    ]);
    expect(spec.services[0].main.mounts).toEqual([]);
  });

  test('GIVEN inline content WHEN specified THEN one text file named after the config file', () => {
    const sys = new System('s');
    new ConfigFile(sys, 'app-conf', { content: 'a = 1\n' });
    expect(sys.toSpec().configFiles[0]).toEqual(
      expect.objectContaining({ name: 'app-conf', source: 'content', files: [expect.objectContaining({ name: 'app-conf', base64: Buffer.from('a = 1\n').toString('base64'), sizeBytes: 6, text: true })], users: [] }),
    );
    expect(sys.toSpec().configFiles[0].projectPath).toBeUndefined();
  });

  test.each([
    [{}, "s/c file: give exactly one of file and content (got {}). Write { file: 'apps/proxy/nginx.conf' } or { content: '...' }"],
    [{ file: 'a', content: 'b' }, 's/c file: give exactly one of file and content'],
    [{ content: 5 }, 's/c content: must be a string (got 5). Write the text of the file'],
    [{ file: 7 }, "s/c file: must be a path relative to the project root (got 7). Write e.g. 'apps/proxy/nginx.conf'"],
    [{ file: '/etc/passwd' }, `s/c file: must be a file or folder inside the project, relative to the project root (got "/etc/passwd")`],
    [{ file: '../outside.conf' }, `s/c file: must be a file or folder inside the project, relative to the project root (got "../outside.conf")`],
    [{ file: 'test/fixtures/files/missing.conf' }, "s/c file: no such file or folder in the project ("],
  ])('GIVEN ConfigFile props %j WHEN created THEN a located error', (props, message) => {
    expect(() => new ConfigFile(new System('s'), 'c', props as never)).toThrow(message);
  });

  test('GIVEN an empty folder or one with too many files WHEN created THEN a located error with the fix', () => {
    inProject({ 'empty/.keep-dir/x': '' }, () => {
      fs.rmSync('empty/.keep-dir/x');
      expect(() => new ConfigFile(new System('s'), 'c', { file: 'empty' })).toThrow(`s/c file: the folder holds no file (got "empty"). Add the files, or point it at a file`);
    });
    const many: Record<string, string> = {};
    for (let i = 0; i < 101; i++) many[`big/f${i}`] = 'x';
    inProject(many, () => {
      expect(() => new ConfigFile(new System('s'), 'c', { file: 'big' })).toThrow(
        `s/c file: a config folder holds at most 100 files (got 101 in big) (got "big"). Mount the folder with Mount.bind, or ship the files in the image`,
      );
    });
  });

  test.each([
    ['a bad mode', (c: ConfigFile) => Mount.config(c, '/etc/c', { mode: 0o1777 }), 's/a mounts[0].mode: must be permission bits from 0 to 0o777 (got 1023). Write them in octal, e.g. 0o444 or 0o440'],
    ['a non-ConfigFile', () => Mount.config('c' as never, '/etc/c'), `s/a mounts[0].configFile: must be a ConfigFile (got "c"). Create it with new ConfigFile(system, name, { file: 'apps/proxy/nginx.conf' })`],
    ['a non-Secret', () => Mount.secret('hunter2' as never, '/run/secrets/x'), 's/a mounts[0].secret: must be a Secret (the value is not shown). Create it with new Secret(system, name)'],
    ['an unknown option', (c: ConfigFile) => Mount.config(c, '/etc/c', { uid: 1 } as never), "s/a mounts[0]: unknown prop 'uid'. Use one of mode."],
  ])('GIVEN a file mount with %s WHEN the service is created THEN a located error', (_what, mount, message) => {
    const sys = new System('s');
    const c = new ConfigFile(sys, 'c', { content: 'x' });
    expect(() => new Service(sys, 'a', { image: Image.of('busybox:1.36'), mounts: [mount(c)] })).toThrow(message);
  });

  test('GIVEN a config file or secret of another System WHEN specified THEN a located error', () => {
    const other = new System('other');
    const c = new ConfigFile(other, 'c', { content: 'x' });
    const pw = new Secret(other, 'pw');
    const sys = new System('s');
    new Service(sys, 'a', { image: Image.of('busybox:1.36'), mounts: [Mount.config(c, '/etc/c'), Mount.secret(pw, '/run/secrets/pw')] });
    expect(() => sys.toSpec()).toThrow('s/a mounts[0].configFile: config file belongs to another System (got "other/c"). Create the config file in s');
    expect(() => sys.toSpec()).toThrow('s/a mounts[1].secret: secret belongs to another System (got "other/pw"). Create the secret in s');
  });

  test('GIVEN a file mount and a volume at one path WHEN specified THEN the mount target is refused as taken', () => {
    const sys = new System('s');
    const c = new ConfigFile(sys, 'c', { content: 'x' });
    expect(() => new Service(sys, 'a', { image: Image.of('busybox:1.36'), mounts: [Mount.ephemeral('/etc/c'), Mount.config(c, '/etc/c/')] })).toThrow(`s/a mounts[1].target: mount target already used by mounts[0] (got "/etc/c"). Mount each path once`);
  });
});
