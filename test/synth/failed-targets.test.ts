import type { Diagnostic } from '../../lib/diagnostics/diagnostic';
import { failedTargetsHint } from '../../lib/synth/failed-targets';

const finding = (severity: Diagnostic['severity'], target?: Diagnostic['target']): Diagnostic =>
  ({ severity, code: target ? `${target}/x` : 'model/x', path: 'shop/web', message: 'm', ...(target ? { target } : {}) }) as Diagnostic;

describe('which targets failed a synth', () => {
  const all = ['compose', 'kubernetes', 'ecs', 'docker', 'swarm'];

  test('GIVEN errors of Swarm only WHEN the failure is told THEN it names Swarm and the --target that renders the others', () => {
    expect(failedTargetsHint([finding('error', 'swarm'), finding('warning', 'kubernetes')], all)).toBe(
      ' Only swarm reported errors: `--target compose kubernetes ecs docker` renders the others.',
    );
  });

  test('GIVEN an error of the model, or errors of every target WHEN the failure is told THEN there is no hint', () => {
    expect(failedTargetsHint([finding('error', 'swarm'), finding('error')], all)).toBe('');
    expect(failedTargetsHint([finding('error', 'swarm'), finding('error', 'compose')], ['swarm', 'compose'])).toBe('');
  });
});
