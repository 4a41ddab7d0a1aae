import * as path from 'node:path';
import { Image, Mount, Service, System } from '../../lib/model';
import { composeTarget } from '../../lib/targets/compose';
import type { TargetResult } from '../../lib/targets/target';
import { expectValidCompose } from '../support/compose-validators';
import { CONTEXT, PROJECT_ROOT, renderCompose, serviceBlock } from './compose-test-kit';

function shop(): System {
  const sys = new System('shop');
  new Service(sys, 'web', { image: Image.of('nginx:1.27') });
  return sys;
}

describe('compose target', () => {
  test('GIVEN an app name WHEN asked for its outputs THEN it owns <app>/compose.yaml', () => {
    expect(composeTarget.name).toBe('compose');
    expect(composeTarget.outputsOf('shop')).toEqual(['shop/compose.yaml']);
  });

  test('GIVEN a system WHEN rendered THEN one file <system>/compose.yaml starts with the project name and has no version key', () => {
    const out = renderCompose(shop());
    expect(out.result.files.map((f) => f.path)).toEqual(['shop/compose.yaml']);
    expect(out.yaml.startsWith('name: shop\n')).toBe(true);
    expect(out.yaml).not.toMatch(/^version:/m);
    expect(Object.keys(out.doc)).toEqual(['name', 'networks', 'services']);
  });

  test('GIVEN the same system WHEN rendered twice THEN the output is byte for byte the same, with sorted keys', () => {
    const a = composeTarget.render(shop().toSpec(), CONTEXT);
    const b = composeTarget.render(shop().toSpec(), CONTEXT);
    expect(a).toEqual(b);
    const out = renderCompose(shop());
    const keys = Object.keys(out.doc.services.web);
    expect(keys).toEqual([...keys].sort());
  });

  test('GIVEN literals with $ in env, command and labels WHEN rendered THEN every $ is escaped as $$ so Compose interpolates nothing', () => {
    const sys = new System('shop');
    new Service(sys, 'web', {
      image: Image.of('nginx:1.27'),
      env: { GREETING: 'costs $5 or ${PRICE}' },
      command: ['sh', '-c', 'echo $HOME'],
      labels: { note: '$x' },
    });
    const out = renderCompose(sys);
    expect(serviceBlock(out, 'web')).toContain('      - echo $$HOME\n');
    expect(out.doc.services.web.environment).toEqual({ GREETING: 'costs $$5 or $${PRICE}' });
    expect(out.doc.services.web.labels).toEqual({ note: '$$x' });
  });

  test('GIVEN strings that YAML 1.1 reads as booleans or numbers WHEN rendered THEN they are quoted', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), env: { A: 'yes', B: 'off', C: '1:20', D: '0777', E: '8080' } });
    const out = renderCompose(sys);
    expect(serviceBlock(out, 'web')).toContain('      A: "yes"\n      B: "off"\n      C: "1:20"\n      D: "0777"\n      E: "8080"\n');
  });

  test('GIVEN an output folder one level deeper than dist (build/out) WHEN rendered THEN build contexts and bind mounts climb from the compose file to the project root', () => {
    const sys = new System('devbox');
    new Service(sys, 'devbox', {
      image: Image.build({ context: 'apps/devbox', tag: 'devbox/devbox:dev' }),
      mounts: [Mount.bind('./apps/devbox/src', '/src')],
    });
    // synth writes to build/out/compose/devbox/compose.yaml: the target folder build/out/compose is three levels down.
    const result = composeTarget.render(sys.toSpec(), { projectRoot: PROJECT_ROOT, projectRootFromTargetDir: '../../..' }) as TargetResult;
    const content = result.files[0].content;
    expect(content).toContain('      context: ../../../../apps/devbox\n');
    expect(content).toContain('      - ../../../../apps/devbox/src:/src\n');
    expectValidCompose(content, path.join(PROJECT_ROOT, 'build', 'out', 'compose', 'devbox'));
  });
});
