import { Image, Secret, Service, System } from '../../lib/model';
import { renderCompose, serviceBlock, withCode } from './compose-test-kit';

describe('compose images', () => {
  test('GIVEN an image by tag and one by digest WHEN rendered THEN image is the reference as written', () => {
    const sys = new System('shop');
    const digest = 'ghcr.io/example/api@sha256:' + 'a'.repeat(64);
    new Service(sys, 'web', { image: Image.of('nginx:1.27') });
    new Service(sys, 'api', { image: Image.of(digest) });
    const out = renderCompose(sys);
    expect(serviceBlock(out, 'web')).toContain('    image: nginx:1.27\n');
    expect(serviceBlock(out, 'api')).toContain(`    image: ${digest}\n`);
  });

  test('GIVEN an image built from a Dockerfile WHEN rendered THEN build with the context from the project root, dockerfile, args, and the tag as image', () => {
    const sys = new System('devbox');
    new Service(sys, 'devbox', {
      image: Image.build({ context: 'apps/devbox', dockerfile: 'Dockerfile', args: { NODE_VERSION: '20', A: 'b' }, tag: 'devbox/devbox:dev' }),
    });
    const out = renderCompose(sys);
    expect(serviceBlock(out, 'devbox')).toContain(
      '    build:\n      args:\n        A: b\n        NODE_VERSION: "20"\n      context: ../../../apps/devbox\n      dockerfile: Dockerfile\n',
    );
    expect(out.doc.services.devbox.image).toBe('devbox/devbox:dev');
    expect(withCode(out, 'compose/build-not-pushed')).toEqual([
      expect.objectContaining({
        severity: 'info',
        path: 'devbox/devbox image',
        message: '`docker compose up` builds devbox/devbox:dev from apps/devbox; a swarm builds nothing and pulls it from a registry.',
        fix: 'For a swarm, use `lading synth --target swarm`, which says how to build and push the image before deploying.',
      }),
    ]);
  });

  test('GIVEN registry credentials WHEN rendered THEN the image is kept and compose/registry-credentials says to docker login', () => {
    const sys = new System('shop');
    const creds = new Secret(sys, 'ghcr-token');
    new Service(sys, 'api', { image: Image.of('ghcr.io/example/api:1.0', { credentials: creds }) });
    const out = renderCompose(sys);
    expect(out.doc.services.api.image).toBe('ghcr.io/example/api:1.0');
    expect(out.yaml).not.toContain('ghcr-token');
    expect(withCode(out, 'compose/registry-credentials')).toEqual([
      {
        code: 'compose/registry-credentials',
        severity: 'warning',
        path: 'shop/api image',
        target: 'compose',
        message: 'Compose cannot carry the registry credentials of ghcr.io/example/api:1.0 (secret ghcr-token).',
        fix: 'Run `docker login ghcr.io` on the deploying host before `docker compose pull` or `up`.',
      },
    ]);
  });
});
