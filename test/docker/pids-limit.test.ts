import { Image, Service, System } from '../../lib/model';
import { containerCall, flagValues, renderDocker, runScript } from './docker-test-kit';

describe('a process limit with docker', () => {
  test('GIVEN resources.pids WHEN run THEN docker run passes --pids-limit, which shellcheck and the docker client accept', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), resources: { pids: 200 } });
    const run = runScript(renderDocker(sys), [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    expect(flagValues(containerCall(run, 'shop-web'), '--pids-limit')).toEqual(['200']);
  });
});
