import { composeReachability, stackReachability } from '../support/reachability';
import { stackConfig, stackConfigErrors } from '../support/swarm-validators';

describe('the judges of a stack file', () => {
  test('GIVEN a Compose file with cpu_shares WHEN docker stack config reads it THEN it is rejected as a forbidden property', () => {
    const problems = stackConfigErrors('version: "3.9"\nservices:\n  web:\n    image: nginx:1.27\n    cpu_shares: 512\n');
    expect(problems).toEqual(['docker stack config exited 1', 'Configuration contains forbidden properties']);
  });

  test('GIVEN no docker client on the PATH WHEN a stack file is checked THEN it fails with the way to install one, never a skip', () => {
    expect(() => stackConfig('version: "3.9"\nservices: {}\n', '/nonexistent')).toThrow(
      "docker is needed to check docker scripts, and it is not usable here (spawnSync docker ENOENT). Install the Docker client (Debian's `apt-get install -y docker.io`; no engine is needed).",
    );
  });

  test('GIVEN a top-level name WHEN docker stack config reads it THEN it is rejected', () => {
    expect(stackConfig('name: shop\nversion: "3.9"\nservices:\n  web:\n    image: nginx:1.27\n').status).not.toBe(0);
  });

  test('GIVEN keys that docker stack deploy ignores WHEN checked THEN they count as a complaint, though stack config accepts them', () => {
    const file = 'version: "3.9"\nservices:\n  web:\n    image: nginx:1.27\n    privileged: true\n    depends_on: [db]\n  db:\n    image: postgres:16.4\n';
    expect(stackConfig(file).status).toBe(0);
    expect(stackConfigErrors(file)).toEqual(['service web: docker stack deploy ignores privileged, depends_on']);
  });

  test('GIVEN a Compose file and a stack file that differ in one network and one port WHEN judged THEN the difference shows', () => {
    const compose = {
      services: { a: { networks: ['x'], ports: ['8080:80/tcp'] }, b: { networks: ['x'] }, c: { network_mode: 'service:a' } },
      networks: { x: {} },
    };
    const same = {
      services: { a: { networks: ['x'], ports: [{ target: 80, published: 8080, protocol: 'tcp', mode: 'ingress' }] }, b: { networks: ['x'] }, c: { networks: ['x'] } },
      networks: { x: { driver: 'overlay' } },
    };
    expect(composeReachability(compose)).toEqual({
      networks: { a: ['x'], b: ['x'], c: ['x'] },
      peers: ['a <-> b', 'a <-> c', 'b <-> c'],
      published: ['a 80/tcp <- 8080'],
    });
    expect(stackReachability(same)).toEqual(composeReachability(compose));
    const apart = { ...same, services: { ...same.services, b: { networks: ['y'] } }, networks: { x: {}, y: { internal: true } } };
    expect(stackReachability(apart).peers).toEqual(['a <-> c']);
    expect(stackReachability(apart).networks.b).toEqual(['y (internal)']);
    const dynamic = { ...same, services: { ...same.services, a: { networks: ['x'], ports: [{ target: 80, protocol: 'tcp', mode: 'ingress' }] } } };
    expect(stackReachability(dynamic).published).toEqual(['a 80/tcp <- *']);
  });
});
