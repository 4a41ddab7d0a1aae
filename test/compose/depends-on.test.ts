import { Dependency, HealthCheck, Image, Job, Service, System } from '../../lib/model';
import { renderCompose, serviceBlock } from './compose-test-kit';

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
});
