import { Dependency, HealthCheck, Image, Job, Service, System } from '../../lib/model';
import { renderCompose, serviceBlock, specWith, withCode } from './compose-test-kit';

const image = Image.of('busybox:1.36');

describe('compose depends_on', () => {
  test('GIVEN started, healthy and completed dependencies WHEN rendered THEN depends_on with the matching conditions', () => {
    const sys = new System('shop');
    const db = new Service(sys, 'db', { image, health: HealthCheck.command(['true']) });
    const cache = new Service(sys, 'cache', { image });
    const migrate = new Job(sys, 'migrate', { image });
    new Service(sys, 'api', { image, dependsOn: [Dependency.healthy(db), Dependency.started(cache), Dependency.completed(migrate)] });
    const out = renderCompose(sys);
    expect(serviceBlock(out, 'api')).toContain(
      '    depends_on:\n      cache:\n        condition: service_started\n      db:\n        condition: service_healthy\n      migrate:\n        condition: service_completed_successfully\n',
    );
    expect(out.codes).toEqual([]);
  });

  test('GIVEN a spec with a healthy dependency on a service without a health check (the model refuses it) WHEN rendered THEN compose/dependency-without-health', () => {
    const sys = new System('shop');
    const db = new Service(sys, 'db', { image });
    new Service(sys, 'api', { image, dependsOn: [Dependency.started(db)] });
    const spec = specWith(sys, 'api', (w) => {
      w.dependsOn = [{ name: 'db', kind: 'service', condition: 'healthy' }];
    });
    const out = renderCompose(spec);
    expect(out.doc.services.api.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    expect(withCode(out, 'compose/dependency-without-health')).toEqual([
      {
        code: 'compose/dependency-without-health',
        severity: 'warning',
        path: 'shop/api dependsOn[0]',
        target: 'compose',
        message: 'api waits for db to be healthy, but db has no health check: Compose refuses to start api unless the image of db has a HEALTHCHECK.',
        fix: 'Give db a health check, or depend on it with Dependency.started.',
      },
    ]);
  });
});
