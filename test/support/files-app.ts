import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigFile, Image, Mount, Secret, Service, System, type SystemProps } from '../../lib/model';

/** The project files the files app ships, relative to the project root (the repository). */
export const FIXTURE = 'test/fixtures/files';

/** The bytes of a fixture file, read by the test itself. */
export function fixtureBytes(rel: string): Buffer {
  return fs.readFileSync(path.resolve(__dirname, '../..', FIXTURE, rel));
}

/**
 * GIVEN an app with a config file, a folder of config files (one nested), a binary file and a secret file:
 * - `/etc/nginx/nginx.conf` <- test/fixtures/files/nginx.conf, mode 0o440
 * - `/etc/logstash/pipeline/input.conf` and `.../extra/output.conf` <- the pipeline folder
 * - `/usr/share/web/logo.bin` <- test/fixtures/files/logo.bin (not UTF-8)
 * - `/run/secrets/db-password` <- secret db-password, also used as env
 */
export function filesApp(props: SystemProps = {}): System {
  const sys = new System('files', props);
  const nginx = new ConfigFile(sys, 'nginx-conf', { file: `${FIXTURE}/nginx.conf` });
  const pipeline = new ConfigFile(sys, 'pipeline', { file: `${FIXTURE}/pipeline` });
  const logo = new ConfigFile(sys, 'logo', { file: `${FIXTURE}/logo.bin` });
  const pw = new Secret(sys, 'db-password');
  new Service(sys, 'web', {
    image: Image.of('nginx:1.27'),
    secretEnv: { DB_PASSWORD: pw },
    mounts: [
      Mount.config(nginx, '/etc/nginx/nginx.conf', { mode: 0o440 }),
      Mount.config(pipeline, '/etc/logstash/pipeline'),
      Mount.config(logo, '/usr/share/web/logo.bin'),
      Mount.secret(pw, '/run/secrets/db-password'),
    ],
  });
  return sys;
}

/** What each file of the files app must hold in the container: path -> bytes and mode. */
export function expectedFiles(): Map<string, { bytes: Buffer; mode: number }> {
  return new Map([
    ['/etc/nginx/nginx.conf', { bytes: fixtureBytes('nginx.conf'), mode: 0o440 }],
    ['/etc/logstash/pipeline/input.conf', { bytes: fixtureBytes('pipeline/input.conf'), mode: 0o444 }],
    ['/etc/logstash/pipeline/extra/output.conf', { bytes: fixtureBytes('pipeline/extra/output.conf'), mode: 0o444 }],
    ['/usr/share/web/logo.bin', { bytes: fixtureBytes('logo.bin'), mode: 0o444 }],
  ]);
}

/** An app with one inline config file. */
export function contentApp(): System {
  const sys = new System('inline');
  const conf = new ConfigFile(sys, 'app-conf', { content: 'level = debug\n' });
  new Service(sys, 'app', { image: Image.of('busybox:1.36'), mounts: [Mount.config(conf, '/etc/app.conf')] });
  return sys;
}
