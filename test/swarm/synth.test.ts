import * as path from 'node:path';
import { MODEL, projectWithApps, readTree, runLading } from '../support/run-cli';
import { stackConfigErrors } from '../support/swarm-validators';

const APP = `
import { Image, Port, Service, System } from ${MODEL};
const app = new System('good');
new Service(app, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80).publish(8080)], resources: { memory: '64m', cpus: 0.25 } });
export default app;
`;

const PRIVILEGED = `
import { Image, Service, System } from ${MODEL};
const app = new System('probe');
new Service(app, 'probe', { image: Image.of('busybox:1.36'), privileged: true });
export default app;
`;

// the docker target's guard: the process fails if it loads a library of another target
const FORBID = path.join(__dirname, '..', 'docker', 'forbid-cloud-libraries.js');

describe('lading synth --target swarm', () => {
  test('GIVEN an app WHEN synth --target swarm THEN it writes dist/swarm/<app>/stack.yaml, loading neither cdk8s nor aws-cdk-lib', () => {
    // GIVEN
    const dir = projectWithApps({ 'good.ts': APP });
    // WHEN
    const r = runLading(['synth', '--target', 'swarm', '--quiet'], dir, { NODE_OPTIONS: `--require ${FORBID}` });
    // THEN
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1 app, 1 target, 1 file; 0 errors, /);
    const tree = readTree(path.join(dir, 'dist'));
    const file = path.join('swarm', 'good', 'stack.yaml');
    expect(Object.keys(tree)).toEqual([file]);
    expect(tree[file]).toContain('    ports:\n      - mode: ingress\n        protocol: tcp\n        published: 8080\n        target: 80\n');
    expect(stackConfigErrors(tree[file])).toEqual([]);
  });

  test('GIVEN a privileged container WHEN synth --target swarm THEN the located error, exit 1, nothing written', () => {
    const dir = projectWithApps({ 'probe.ts': PRIVILEGED });
    const r = runLading(['synth', '--target', 'swarm'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'error [swarm] swarm/privileged probe/probe privileged: Swarm cannot run probe privileged: `docker stack deploy` ignores privileged, and the container would run without the access it asks for.',
    );
    expect(Object.keys(readTree(path.join(dir, 'dist')))).toEqual([]);
  });

  test('GIVEN synth --help WHEN printed THEN swarm is one of the --target choices', () => {
    const r = runLading(['synth', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/choices: .*"swarm"/s);
  });
});
