import * as fs from 'fs';
import * as path from 'path';
import { System, SystemSpec } from '../../lib/model';
import { EXAMPLE_FILES, EXAMPLES_DIR as APPS_DIR } from '../support/examples';
import { resolveStage } from '../../lib/synth/resolve-stage';

const appFiles = [...EXAMPLE_FILES];

function specOf(file: string): SystemSpec {
  return ((resolveStage(require(path.join(APPS_DIR, file))) as { default: System }).default).toSpec();
}

describe('the example apps', () => {
  it('GIVEN the apps folder WHEN listed THEN it holds the seven examples, and may hold apps of one\'s own beside them', () => {
    expect(appFiles).toEqual(['cats-and-dogs.ts', 'devbox.ts', 'echo-server.ts', 'hello.ts', 'registry.ts', 'shared-data.ts', 'webapp.ts']);
    expect(fs.readdirSync(APPS_DIR)).toEqual(expect.arrayContaining(appFiles));
  });

  it.each(appFiles)('GIVEN %s WHEN its default export is specified THEN it is a System named after the file and toSpec succeeds', (file) => {
    const mod = resolveStage(require(path.join(APPS_DIR, file))) as { default: unknown };
    expect(System.isSystem(mod.default)).toBe(true);
    const spec = (mod.default as System).toSpec();
    expect(spec.name).toBe(path.basename(file, '.ts'));
  });

  it.each<[string, { services: string[]; jobs: string[]; networks: string[]; volumes: string[]; secrets: string[] }]>([
    ['cats-and-dogs.ts', { services: ['catnip', 'catserver', 'dogserver'], jobs: [], networks: ['catsonly', 'learning'], volumes: [], secrets: [] }],
    ['devbox.ts', { services: ['devbox'], jobs: [], networks: ['default'], volumes: [], secrets: [] }],
    ['echo-server.ts', { services: ['echo'], jobs: [], networks: ['default'], volumes: [], secrets: [] }],
    ['hello.ts', { services: [], jobs: ['hello'], networks: ['default'], volumes: [], secrets: [] }],
    ['registry.ts', { services: ['registry'], jobs: [], networks: ['default'], volumes: ['registry-data'], secrets: [] }],
    ['shared-data.ts', { services: ['writer'], jobs: [], networks: ['default'], volumes: ['shared'], secrets: [] }],
    ['webapp.ts', { services: ['api', 'cache', 'db', 'web'], jobs: [], networks: ['backend', 'frontend'], volumes: ['pgdata'], secrets: ['db-password'] }],
  ])('GIVEN %s WHEN specified THEN its workloads, networks, volumes and secrets have the expected names', (file, names) => {
    const spec = specOf(file);
    expect({
      services: spec.services.map((s) => s.name),
      jobs: spec.jobs.map((j) => j.name),
      networks: spec.networks.map((n) => n.name),
      volumes: spec.volumes.map((v) => v.name),
      secrets: spec.secrets.map((s) => s.name),
    }).toEqual(names);
  });

  it('GIVEN cats-and-dogs WHEN specified THEN dogserver shares no network with catnip', () => {
    const members = Object.fromEntries(specOf('cats-and-dogs.ts').networks.map((n) => [n.name, n.members]));
    expect(members).toEqual({ catsonly: ['catnip', 'catserver'], learning: ['catserver', 'dogserver'] });
  });

  it('GIVEN echo-server WHEN specified THEN two tcp ports are on fixed host ports and udp 1234 on a dynamic one', () => {
    expect(specOf('echo-server.ts').services[0].main.ports.map((p) => [p.name, p.publish, p.hostPort])).toEqual([
      ['tcp-45678', 'fixed', 45678],
      ['tcp-45679', 'fixed', 45679],
      ['udp-1234', 'dynamic', undefined],
    ]);
  });

  it('GIVEN shared-data WHEN specified THEN the reader mounts the writer\'s volumes (volumes-from)', () => {
    const writer = specOf('shared-data.ts').services[0];
    expect(writer.sidecars.map((s) => [s.name, s.volumesFrom, s.mounts.map((m) => m.target)])).toEqual([['reader', true, ['/data', '/scratch']]]);
  });

  it('GIVEN webapp WHEN its spec is searched THEN no key named value or password holds a literal, and secret env only names secrets', () => {
    const spec = specOf('webapp.ts');
    const literals: string[] = [];
    const visit = (value: unknown, at: string): void => {
      if (value === null || typeof value !== 'object') return;
      for (const [k, v] of Object.entries(value)) {
        if (/^value$|password/i.test(k) && typeof v === 'string') literals.push(`${at}.${k}`);
        visit(v, `${at}.${k}`);
      }
    };
    visit(spec, 'spec');
    expect(literals).toEqual([]);
    const secretEnv = [...spec.services, ...spec.jobs].flatMap((w) => [w.main, ...w.sidecars]).flatMap((c) => c.secretEnv);
    expect(secretEnv).toEqual([
      { name: 'DATABASE_PASSWORD', secret: 'db-password' },
      { name: 'POSTGRES_PASSWORD', secret: 'db-password' },
    ]);
  });
});
