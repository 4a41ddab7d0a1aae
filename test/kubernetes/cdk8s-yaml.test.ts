import { spawnSync } from 'child_process';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');

/** Runs `script` in a process of its own that compiles lading's sources as bin/lading.js does; its JSON output. */
function run(script: string): any {
  const result = spawnSync(process.execPath, ['-r', './bin/register.js', '-e', script], { cwd: root, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
}

const LOADED = `() => Object.keys(require.cache).filter((k) => /cdk8s[\\\\/]node_modules[\\\\/]yaml[\\\\/]dist[\\\\/](?!index)/.test(k)).length > 0`;

describe("cdk8s's YAML library", () => {
  test('GIVEN the Kubernetes target WHEN a system is rendered THEN the library is not loaded, and cdk8s loads it when it writes YAML itself', () => {
    const out = run(`
      const loaded = ${LOADED};
      const { renderKubernetes } = require('./lib/targets/kubernetes');
      const { Image, Port, System, Service } = require('./lib');
      const system = new System('shop');
      new Service(system, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80)] });
      const rendered = renderKubernetes(system.toSpec());
      const afterRender = loaded();
      const { App, Chart, ApiObject } = require('cdk8s');
      const app = new App();
      new ApiObject(new Chart(app, 'c'), 'o', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'o' }, data: { a: 'yes' } });
      const yaml = app.synthYaml();
      process.stdout.write(JSON.stringify({ files: rendered.files.length, afterRender, yaml, afterSynth: loaded() }));
    `);
    expect(out.files).toBe(1);
    expect(out.afterRender).toBe(false);
    expect(out.yaml).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: o\ndata:\n  a: "yes"\n');
    expect(out.afterSynth).toBe(true);
  });

  test('GIVEN cdk8s loaded first WHEN the target loads THEN cdk8s keeps the library it loaded', () => {
    const out = run(`
      const loaded = ${LOADED};
      require('cdk8s');
      const before = loaded();
      require('./lib/targets/kubernetes');
      process.stdout.write(JSON.stringify({ before, after: loaded() }));
    `);
    expect(out).toEqual({ before: true, after: true });
  });
});
