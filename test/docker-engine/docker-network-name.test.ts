import { Image, Network, Service, System } from '../../lib/model';
import { renderCompose } from '../compose/compose-test-kit';
import { renderDocker } from '../docker/docker-test-kit';
import { synthEcs } from '../ecs/support/ecs-kit';
import { render as renderKubernetes } from '../kubernetes/render';
import { modelErrorOf } from '../model/helpers';
import { renderSwarm } from '../swarm/swarm-test-kit';

/** GIVEN a network that keeps the Docker network a Compose file named `ledger_net`. */
function shopWithDockerName(dockerName: string | undefined = 'ledger_net'): System {
  const sys = new System('shop');
  const backend = new Network(sys, 'backend', { internal: true, ...(dockerName !== undefined ? { dockerName } : {}) });
  new Service(sys, 'api', { image: Image.of('api:1.0'), networks: [backend] });
  new Service(sys, 'db', { image: Image.of('postgres:16.4'), networks: [backend] });
  return sys;
}

describe('Network dockerName', () => {
  test('GIVEN a Docker name WHEN the spec is made THEN the network keeps its DNS-safe name and carries the Docker name', () => {
    const network = shopWithDockerName().toSpec().networks[0];
    expect([network.name, network.dockerName, network.internal]).toEqual(['backend', 'ledger_net', true]);
  });

  test.each<[string, unknown]>([
    ['a name with a space', 'shop backend'],
    ['a name starting with -', '-backend'],
    ['a number', 5],
  ])('GIVEN %s WHEN the network is created THEN it fails with the exact message', (_given, dockerName) => {
    expect(modelErrorOf(() => new Network(new System('shop'), 'backend', { dockerName: dockerName as string }))).toBe(
      `shop/backend dockerName: must be a Docker network name: letters, digits, _ . and -, starting with a letter or digit (got ${JSON.stringify(dockerName)}). Write e.g. 'shop_backend'.`,
    );
  });

  test('GIVEN a Docker name WHEN rendered on Compose THEN the network key is the model name and `name:` the Docker name', () => {
    const out = renderCompose(shopWithDockerName());
    expect(out.doc.networks).toEqual({ backend: { internal: true, name: 'ledger_net' } });
    expect(out.doc.services.api.networks).toEqual(['backend']);
  });

  test('GIVEN a Docker name WHEN rendered on Swarm THEN the overlay network has that name', () => {
    const out = renderSwarm(shopWithDockerName());
    expect(out.doc.networks).toEqual({ backend: { driver: 'overlay', internal: true, name: 'ledger_net' } });
  });

  test('GIVEN a Docker name WHEN rendered as a docker script THEN the network created and joined is the Docker name', () => {
    const out = renderDocker(shopWithDockerName());
    expect(out.script).toContain('docker network create --internal --label lading.app=shop ledger_net >/dev/null');
    expect(out.script).toContain('--network ledger_net');
    expect(out.script).not.toContain('shop-backend');
  });

  test('GIVEN a Docker name WHEN rendered on Kubernetes and ECS THEN the output and the diagnostics are those without it: their networks are no Docker networks', () => {
    const [named, plain] = [renderKubernetes(shopWithDockerName()), renderKubernetes(shopWithDockerName(undefined))];
    expect([named.yaml, named.codes]).toEqual([plain.yaml, plain.codes]);
    const [ecsNamed, ecsPlain] = [synthEcs(shopWithDockerName().toSpec()), synthEcs(shopWithDockerName(undefined).toSpec())];
    expect(ecsNamed.template?.toJSON()).toEqual(ecsPlain.template?.toJSON());
    expect(ecsNamed.diagnostics.map((d) => d.code)).toEqual(ecsPlain.diagnostics.map((d) => d.code));
    expect(JSON.stringify(ecsNamed.template?.toJSON())).not.toContain('ledger_net');
  });
});
