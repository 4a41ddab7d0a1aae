import { Image, Mount, Service, System } from '../../lib/model';
import { renderCompose } from '../compose/compose-test-kit';
import { renderDocker } from '../docker/docker-test-kit';
import { modelErrorOf, web } from './helpers';

const built = Image.build({ context: 'apps/devbox', tag: 'shop/devbox:dev' });

describe('Mount.bind inImage: a development bind of files the built image already carries', () => {
  test('GIVEN inImage: true on a built image WHEN resolved THEN the spec says so; without it, false', () => {
    const service = web({ image: built, mounts: [Mount.bind('./apps/devbox', '/workspace', { inImage: true }), Mount.bind('./logs', '/logs')] });
    expect(service._main.mounts).toEqual([
      { kind: 'bind', source: './apps/devbox', target: '/workspace', readOnly: false, inImage: true },
      { kind: 'bind', source: './logs', target: '/logs', readOnly: false, inImage: false },
    ]);
  });

  test('GIVEN inImage: true on an image pulled from a registry WHEN resolved THEN a located model error', () => {
    expect(modelErrorOf(() => web({ mounts: [Mount.bind('./src', '/app', { inImage: true })] }))).toBe(
      'shop/web mounts[0].inImage: the image nginx:1.27 is pulled from a registry, so nothing proves it carries ./src at /app (got true). Build the image in the project (Image.build), or leave inImage out.',
    );
  });

  test('GIVEN a misspelt or ill-typed inImage WHEN resolved THEN refused like every unknown prop', () => {
    expect(modelErrorOf(() => web({ image: built, mounts: [Mount.bind('./src', '/app', { inImag: true } as never)] }))).toBe(
      "shop/web mounts[0]: unknown prop 'inImag' (did you mean 'inImage'?)",
    );
    expect(modelErrorOf(() => web({ image: built, mounts: [Mount.bind('./src', '/app', { inImage: 'yes' } as never)] }))).toBe(
      'shop/web mounts[0].inImage: must be true or false (got "yes"). Write inImage: true, or leave it out.',
    );
    expect(modelErrorOf(() => web({ image: built, mounts: [Mount.ephemeral('/app', { inImage: true } as never)] }))).toContain("unknown prop 'inImage'");
  });

  test('GIVEN a bind marked inImage WHEN rendered on Compose and docker THEN it is bound as any bind, with no note', () => {
    const sys = new System('shop');
    new Service(sys, 'dev', { image: built, mounts: [Mount.bind('./apps/devbox', '/workspace', { inImage: true })] });
    const compose = renderCompose(sys);
    expect(compose.doc.services.dev.volumes).toEqual(['../../../apps/devbox:/workspace']);
    expect(compose.codes.filter((c) => c.includes('bind'))).toEqual([]);
    const docker = renderDocker(sys);
    expect(docker.script).toContain(`-v "$root"/apps/devbox:/workspace`);
    expect(docker.codes.filter((c) => c.includes('bind'))).toEqual([]);
  });
});
