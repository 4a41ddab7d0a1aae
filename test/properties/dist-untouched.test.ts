import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { MODEL, projectWithApps, runLading } from '../support/run-cli';

/** sha256 of every file below a folder, by path: what "exactly as it was" means. */
function checksums(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory() || (e.isSymbolicLink() && fs.statSync(p).isDirectory())) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const app = (body: string) => `
import { Image, Mount, Port, Service, System } from ${MODEL};
const app = new System('shop');
const base = { resources: { memory: '64m', cpus: 0.25 }, logging: { maxSize: '1m', maxFiles: 1 } };
${body}
export default app;
`;

const GOOD = app(`new Service(app, 'web', { ...base, image: Image.of('nginx:1.27'), ports: [Port.tcp(80).publish(8080)] });`);

/** One change per target that only that target (or the Compose lint rule) refuses. */
const BREAKS: ReadonlyArray<[string, string, string]> = [
  [
    'compose',
    'compose/service-name-collision',
    `new Service(app, 'a', { ...base, image: Image.of('nginx:1.27') }).addSidecar('b-c', { ...base, image: Image.of('busybox:1.36') });
new Service(app, 'a-b', { ...base, image: Image.of('nginx:1.27') }).addSidecar('c', { ...base, image: Image.of('busybox:1.36') });`,
  ],
  [
    'kubernetes',
    'kubernetes/object-name',
    `new Service(app, 'web', { ...base, image: Image.of('nginx:1.27'), ports: [Port.tcp(80).publish(8080)] });
new Service(app, 'web-lb', { ...base, image: Image.of('haproxy:2.9'), ports: [Port.tcp(80)] });`,
  ],
  ['ecs', 'ecs/bind-mount-fargate', `new Service(app, 'web', { ...base, image: Image.of('nginx:1.27'), mounts: [Mount.bind('/srv/site', '/usr/share/nginx/html')] });`],
  [
    'docker',
    'docker/container-name-collision',
    `new Service(app, 'web', { ...base, image: Image.of('nginx:1.27'), replicas: 2 });
new Service(app, 'web-2', { ...base, image: Image.of('nginx:1.27') });`,
  ],
  ['lint', 'lint/fixed-port-replicas', `new Service(app, 'web', { ...base, image: Image.of('nginx:1.27'), replicas: 2, ports: [Port.tcp(80).publish(8080)] });`],
];

describe('a failed synth leaves dist/ exactly as it was', () => {
  const dir = projectWithApps({ 'shop.ts': GOOD });
  let before: Record<string, string>;

  beforeAll(() => {
    const first = runLading(['synth'], dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    before = checksums(path.join(dir, 'dist'));
    expect(Object.keys(before).length).toBeGreaterThan(5);
  });

  test.each(BREAKS)('GIVEN a change that only %s refuses (%s) WHEN synth renders every target THEN exit 1 and every file keeps its checksum', (_where, code, body) => {
    fs.writeFileSync(path.join(dir, 'apps', 'shop.ts'), app(body));
    const r = runLading(['synth'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(code);
    expect(r.stderr).toContain('synth failed: errors above; dist/ was left as it was');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(checksums(path.join(dir, 'dist'))).toEqual(before);
  });
});
