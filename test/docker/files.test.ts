import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { contentApp, expectedFiles, filesApp } from '../support/files-app';
import { containerCall, flagValues, PROJECT_ROOT, renderDocker, runScript } from './docker-test-kit';

/** Runs `up` with a fake docker and a TMPDIR of the test's own, and reads every file bound into a container. */
function boundFiles(system: Parameters<typeof renderDocker>[0], container: string, env: Record<string, string> = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-files-'));
  try {
    const run = runScript(renderDocker(system), [], { env: { TMPDIR: tmp, ...env }, checkClient: true });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.rejected).toEqual([]);
    const seen = new Map<string, { bytes: Buffer; mode: number }>();
    const folders = fs.readdirSync(tmp);
    for (const v of flagValues(containerCall(run, container), '-v')) {
      const [source, target, ro] = v.split(':');
      if (source.startsWith(tmp)) {
        expect(fs.statSync(path.dirname(source)).mode & 0o777).toBe(0o700);
      }
      if (!source.startsWith(tmp) && !source.startsWith(run.root)) continue;
      expect(ro).toBe('ro');
      const file = source.startsWith(run.root) ? path.join(PROJECT_ROOT, path.relative(run.root, source)) : source;
      seen.set(target, { bytes: fs.readFileSync(file), mode: fs.statSync(file).mode & 0o777 });
    }
    return { seen, folders, run };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

describe('docker config files and secret files', () => {
  test('GIVEN a config file, a folder, a binary file and a secret file WHEN up runs with a fake docker THEN each is bound read-only at the model path with the project bytes', () => {
    const { seen, folders } = boundFiles(filesApp(), 'files-web', { DB_PASSWORD: 's3cret' });
    expect(folders).toHaveLength(1);
    expect(folders[0]).toMatch(/^files-files\.\w{6}$/);
    const expected = expectedFiles();
    for (const [target, want] of expected) {
      expect({ target, bytes: seen.get(target)?.bytes.toString('base64') }).toEqual({ target, bytes: want.bytes.toString('base64') });
    }
    expect(seen.get('/etc/nginx/nginx.conf')?.mode).toBe(0o440);
    expect(seen.get('/run/secrets/db-password')).toEqual({ bytes: Buffer.from('s3cret'), mode: 0o444 });
  });

  test('GIVEN a project config file with the default mode WHEN rendered THEN it is bound from the project by absolute path, and the secret never appears in the script', () => {
    const out = renderDocker(filesApp());
    expect(out.script).toContain('-v "$root"/test/fixtures/files/logo.bin:/usr/share/web/logo.bin:ro');
    expect(out.script).toContain(`(umask 0377 && printf '%s' "$DB_PASSWORD" >"$lading_files"/web-3)`);
    expect(out.script).toContain(': "${DB_PASSWORD:?set DB_PASSWORD to the value of secret db-password}"');
  });

  test('GIVEN an app with written files WHEN down runs THEN the private folders of earlier runs are removed', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-files-down-'));
    try {
      fs.mkdirSync(path.join(tmp, 'files-files.abc123'));
      fs.mkdirSync(path.join(tmp, 'other'));
      const run = runScript(renderDocker(filesApp()), ['down'], { env: { TMPDIR: tmp } });
      expect(run.code).toBe(0);
      expect(fs.readdirSync(tmp)).toEqual(['other']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  test('GIVEN inline content WHEN up runs THEN the text is written to the private folder and bound', () => {
    const { seen } = boundFiles(contentApp(), 'inline-app');
    expect(seen.get('/etc/app.conf')).toEqual({ bytes: Buffer.from('level = debug\n'), mode: 0o444 });
  });
});
