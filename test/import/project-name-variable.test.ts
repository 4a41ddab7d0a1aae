import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCompose } from '../../lib/import/compose';

const COMPOSE = ['name: My_Shop', 'services:', '  web:', '    image: nginx:1.27', '    restart: always', '    environment:', '      STACK: ${COMPOSE_PROJECT_NAME}-web', ''].join('\n');

function load(env: Record<string, string>, name?: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-project-name-'));
  try {
    fs.writeFileSync(path.join(dir, 'compose.yaml'), COMPOSE);
    const r = loadCompose({ file: path.join(dir, 'compose.yaml'), projectRoot: dir, env, allowHostVariables: Object.keys(env), ...(name ? { name } : {}) });
    return { env: r.system?.toSpec().services[0].main.env, codes: r.diagnostics.map((d) => d.code) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('COMPOSE_PROJECT_NAME: the project name, exposed to interpolation as Compose exposes it', () => {
  test('GIVEN ${COMPOSE_PROJECT_NAME} and a name: WHEN imported THEN it is the name as Compose normalizes it, not unset', () => {
    const { env, codes } = load({});
    expect(env).toEqual({ STACK: 'my_shop-web' });
    expect(codes).not.toContain('import/unset-variable');
  });

  test('GIVEN the variable set, or --name WHEN imported THEN that name is used', () => {
    expect(load({ COMPOSE_PROJECT_NAME: 'prod' }).env).toEqual({ STACK: 'prod-web' });
    expect(load({}, 'Other').env).toEqual({ STACK: 'other-web' });
  });
});
