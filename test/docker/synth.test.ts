import * as path from 'node:path';
import { MODEL, projectWithApps, readTree, runLading } from '../support/run-cli';
import { scriptProblems } from '../support/docker-validators';

const APP = `
import { Image, Port, Service, System } from ${MODEL};
const app = new System('good');
new Service(app, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80).publish(8080)] });
export default app;
`;

describe('lading synth --target docker', () => {
  test('GIVEN an app WHEN synth --target docker THEN it writes dist/docker/<app>.sh, loading neither cdk8s nor aws-cdk-lib', () => {
    // GIVEN
    const dir = projectWithApps({ 'good.ts': APP });
    // WHEN
    const r = runLading(['synth', '--target', 'docker', '--quiet'], dir, { NODE_OPTIONS: `--require ${path.join(__dirname, 'forbid-cloud-libraries.js')}` });
    // THEN
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1 app, 1 target, 1 file; 0 errors, /);
    const tree = readTree(path.join(dir, 'dist'));
    expect(Object.keys(tree)).toEqual([path.join('docker', 'good.sh')]);
    expect(tree[path.join('docker', 'good.sh')]).toContain('docker run -d --name good-web \\\n');
    expect(scriptProblems(tree[path.join('docker', 'good.sh')])).toEqual([]);
  });

  test('GIVEN synth --help WHEN printed THEN docker is one of the --target choices', () => {
    const r = runLading(['synth', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/choices: .*"docker"/s);
  });
});
