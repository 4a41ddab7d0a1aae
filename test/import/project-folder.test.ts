import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCompose } from '../../lib/import/compose';

const COMPOSE = [
  'services:',
  '  db:',
  '    image: mongo:7.0',
  '    volumes:',
  '      - "${DATA_DIR:-${PWD}/data}:/data/db"',
  '      - "${PWD}/configs:/etc/mongo"',
  '',
].join('\n');

function load(files: Record<string, string>, options: { env?: Record<string, string>; allow?: string[] } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-pwd-'));
  try {
    for (const [f, text] of Object.entries({ 'compose.yaml': COMPOSE, ...files })) fs.writeFileSync(path.join(dir, f), text);
    fs.mkdirSync(path.join(dir, 'configs'));
    fs.writeFileSync(path.join(dir, 'configs', 'mongod.conf'), 'net: {}\n');
    const r = loadCompose({ file: path.join(dir, 'compose.yaml'), projectRoot: dir, env: options.env ?? {}, allowHostVariables: options.allow, name: 'shop' });
    const spec = r.system?.toSpec();
    // a folder of the project becomes a volume with that folder as its hostPath; another folder stays a bind mount
    const mounts = spec?.services[0].main.mounts.map((m) =>
      m.kind === 'volume' ? `volume ${spec.volumes.find((v) => v.name === m.volume)?.hostPath}` : m.kind === 'bind' ? `bind ${m.source}` : m.kind,
    );
    return { r, mounts, codes: r.diagnostics.map((d) => `${d.severity} ${d.code}`) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('${PWD}: the folder docker compose runs in, the project', () => {
  test('GIVEN ${PWD} in bind sources and the host sets PWD WHEN imported THEN they bind the project folder, with one info', () => {
    const { mounts, codes, r } = load({}, { env: { PWD: '/home/someone/elsewhere' } });
    expect(codes).not.toContain('error import/host-variable');
    expect(codes.filter((c) => c.endsWith('import/project-folder'))).toEqual(['info import/project-folder']);
    expect(JSON.stringify(r.plan)).not.toContain('/home/someone');
    // the project's configs folder, which holds a file, becomes a config of the project's files
    expect(mounts).toEqual(['volume ./data']);
    expect(r.system?.toSpec().services[0].main.files).toEqual([expect.objectContaining({ kind: 'config', source: 'configs', target: '/etc/mongo' })]);
  });

  test('GIVEN PWD set in .env WHEN imported THEN .env decides, and no info', () => {
    const { codes, mounts } = load({ '.env': 'PWD=/srv/mongo\n' });
    expect(codes).not.toContain('info import/project-folder');
    expect(mounts).toEqual(['bind /srv/mongo/data', 'bind /srv/mongo/configs']);
  });

  test('GIVEN --allow-host-variable PWD WHEN imported THEN the host folder is written', () => {
    const { codes, mounts } = load({}, { env: { PWD: '/home/someone/proj' }, allow: ['PWD'] });
    expect(codes).not.toContain('info import/project-folder');
    expect(mounts).toEqual(['bind /home/someone/proj/data', 'bind /home/someone/proj/configs']);
  });
});
