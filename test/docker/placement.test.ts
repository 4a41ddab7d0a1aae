import { Image, Job, Placement, System } from '../../lib/model';
import { renderDocker } from './docker-test-kit';

describe('placement with docker: one host', () => {
  test('GIVEN a job with a placement WHEN rendered THEN docker/placement says the script does not apply it, and no flag is written', () => {
    const sys = new System('shop');
    new Job(sys, 'migrate', { image: Image.of('shop/migrate:1.0'), placement: { constraints: [Placement.hostname('db-1')] } });
    const r = renderDocker(sys);
    const d = r.diagnostics.find((x) => x.code === 'docker/placement');
    expect([d?.severity, d?.path, d?.message]).toEqual(['info', 'shop/migrate placement', 'A docker script runs every container on this one host: the placement of migrate (node.hostname == db-1) is not applied.']);
    expect(r.script).not.toContain('db-1');
  });
});
