import { Image, Service, System } from '../../lib/model';
import { renderDocker } from './docker-test-kit';

describe('a process limit with docker', () => {
  test('GIVEN resources.pids WHEN rendered THEN docker run passes --pids-limit, and shellcheck accepts the script', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), resources: { pids: 200 } });
    expect(renderDocker(sys).script).toContain('--pids-limit 200');
  });
});
