import { Image, Mount, Secret, Service, System } from '../../lib/model';
import { render } from './render';

describe('Kubernetes: secrets and images', () => {
  test('secret env is a secretKeyRef to the Secret named after the model Secret, key from the model; no Secret is written', () => {
    // GIVEN two secrets, one with an existing name and its own key
    const sys = new System('shop');
    const pw = new Secret(sys, 'db-password');
    const token = new Secret(sys, 'api-token', { existingName: 'shop-api-token', key: 'token' });
    new Service(sys, 'api', { image: Image.of('api:1.0'), env: { A: '1' }, secretEnv: { DB_PASSWORD: pw, TOKEN: token } });
    // WHEN rendered
    const r = render(sys);
    // THEN references only
    expect(r.container('api').env).toEqual([
      { name: 'A', value: '1' },
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { key: 'value', name: 'db-password' } } },
      { name: 'TOKEN', valueFrom: { secretKeyRef: { key: 'token', name: 'shop-api-token' } } },
    ]);
    expect(r.objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    expect(r.yaml).not.toMatch(/stringData|^data:/m);
  });

  test('a secret with a Kubernetes name of its own is referenced by it, in secretKeyRef and in a secret volume, with no error', () => {
    // GIVEN Swarm-style existing names, one with a Kubernetes name, one valid as it is
    const sys = new System('shop');
    const users = new Secret(sys, 'traefik-users', { existingName: { default: 'traefik_users', kubernetes: 'traefik-users', ecs: 'prod/traefik-users' } });
    const cert = new Secret(sys, 'cert', { existingName: { default: 'proxy-cert', ecs: 'prod/proxy-cert' } });
    new Service(sys, 'proxy', { image: Image.of('traefik:3.1'), secretEnv: { USERS: users }, mounts: [Mount.secret(users, '/etc/traefik/users'), Mount.secret(cert, '/etc/traefik/cert')] });
    // WHEN rendered
    const r = render(sys);
    // THEN the Kubernetes name, else the default; no kubernetes/secret-name
    expect(r.container('proxy').env).toEqual([{ name: 'USERS', valueFrom: { secretKeyRef: { key: 'value', name: 'traefik-users' } } }]);
    const volumes = JSON.stringify(r.pod('proxy').spec.volumes);
    expect(volumes).toContain('"secretName":"traefik-users"');
    expect(volumes).toContain('"secretName":"proxy-cert"');
    expect(volumes).not.toContain('traefik_users');
    expect(r.codes).not.toContain('kubernetes/secret-name');
  });

  test('registry credentials become imagePullSecrets', () => {
    // GIVEN a private image pulled with credentials
    const sys = new System('shop');
    const creds = new Secret(sys, 'ghcr-login');
    new Service(sys, 'api', { image: Image.of('ghcr.io/org/api:1.0', { credentials: creds }) });
    // WHEN rendered
    const r = render(sys);
    // THEN the pod names the Secret
    expect(r.pod('api').spec.imagePullSecrets).toEqual([{ name: 'ghcr-login' }]);
    expect(r.codes).toContain('kubernetes/registry-credentials');
  });

  test('an image built from a Dockerfile is used by its tag', () => {
    const sys = new System('dev');
    new Service(sys, 'box', { image: Image.build({ context: 'apps/devbox', tag: 'devbox/devbox:dev' }) });
    const r = render(sys);
    expect(r.container('box').image).toBe('devbox/devbox:dev');
    expect(r.codes).toContain('kubernetes/build-image');
  });

  test('an explicit imagePullPolicy: IfNotPresent for a tag, Always for latest or no tag, as docker run pulls', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27') });
    new Service(sys, 'edge', { image: Image.of('nginx:latest') });
    new Service(sys, 'bare', { image: Image.of('nginx') });
    const r = render(sys);
    expect(['web', 'edge', 'bare'].map((w) => r.container(w).imagePullPolicy)).toEqual(['IfNotPresent', 'Always', 'Always']);
  });
});
