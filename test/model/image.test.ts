import { Image, Secret, Service } from '../../lib/model';
import { modelErrorOf, shop } from './helpers';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const REF_FIX = "Write [registry/]repository[:tag][@sha256:digest] in lowercase, e.g. 'nginx:1.27' or 'ghcr.io/org/app:1.0'.";

function imageSpecOf(image: Image) {
  return new Service(shop(), 'web', { image })._main.image;
}

describe('Image.of', () => {
  it.each<[string, { repository: string; tag?: string; digest?: string }]>([
    ['nginx:1.27', { repository: 'nginx', tag: '1.27' }],
    ['nginx', { repository: 'nginx' }],
    ['library/nginx:1.27-alpine', { repository: 'library/nginx', tag: '1.27-alpine' }],
    ['ghcr.io/org/app:1.0', { repository: 'ghcr.io/org/app', tag: '1.0' }],
    ['localhost:5000/app:dev', { repository: 'localhost:5000/app', tag: 'dev' }],
    [`ghcr.io/org/app@${DIGEST}`, { repository: 'ghcr.io/org/app', digest: DIGEST }],
    [`postgres:16.4@${DIGEST}`, { repository: 'postgres', tag: '16.4', digest: DIGEST }],
    ['Registry.Example.com/team/app:V1', { repository: 'Registry.Example.com/team/app', tag: 'V1' }],
  ])('GIVEN the reference %p WHEN resolved THEN repository, tag and digest are split out', (ref, parts) => {
    expect(imageSpecOf(Image.of(ref))).toEqual({ kind: 'registry', ref, tag: undefined, digest: undefined, credentials: undefined, ...parts });
  });

  it.each<[string, string]>([
    ['uppercase repository', 'Nginx:1.27'],
    ['uppercase organisation without a registry host', 'MyOrg/app:1.0'],
    ['a space', 'nginx :1.27'],
    ['an empty tag', 'nginx:'],
    ['a tag with a slash', 'nginx:1.27/x'],
    ['a short digest', 'nginx@sha256:abc'],
    ['an empty reference', ''],
    ['a URL scheme', 'https://ghcr.io/org/app:1.0'],
    ['a reference past 255 characters', `${'a'.repeat(250)}:1.0.0`],
  ])('GIVEN %s WHEN a service uses it THEN the constructor fails with the exact message', (_given, ref) => {
    expect(modelErrorOf(() => imageSpecOf(Image.of(ref)))).toBe(`shop/web image: not a valid image reference (got ${JSON.stringify(ref)}). ${REF_FIX}`);
  });

  it('GIVEN registry credentials WHEN resolved THEN the spec names the secret and holds no value', () => {
    const sys = shop();
    const creds = new Secret(sys, 'ghcr-login');
    const service = new Service(sys, 'web', { image: Image.of('ghcr.io/org/app:1.0', { credentials: creds }) });
    expect(service._main.image.credentials).toBe('ghcr-login');
  });

  it('GIVEN credentials that are not a Secret WHEN resolved THEN it fails with the exact message', () => {
    const image = Image.of('ghcr.io/org/app:1.0', { credentials: 'token' as unknown as Secret });
    expect(modelErrorOf(() => imageSpecOf(image))).toBe('shop/web image.credentials: must be a Secret (got "token"). Pass a Secret construct of the same System.');
  });

  it('GIVEN an image WHEN its ref is read THEN it is the reference as written', () => {
    expect(Image.of('nginx:1.27').ref).toBe('nginx:1.27');
    expect(Image.build({ context: 'apps/devbox', tag: 'shop/devbox:dev' }).ref).toBe('shop/devbox:dev');
  });
});

describe('Image.build', () => {
  it('GIVEN a build with defaults WHEN resolved THEN the Dockerfile defaults and the context is normalised', () => {
    const spec = imageSpecOf(Image.build({ context: 'apps\\devbox/', tag: 'shop/devbox:dev' }));
    expect(spec).toEqual({
      kind: 'build',
      ref: 'shop/devbox:dev',
      repository: 'shop/devbox',
      tag: 'dev',
      context: 'apps/devbox',
      dockerfile: 'Dockerfile',
      args: {},
      credentials: undefined,
    });
  });

  it('GIVEN build args in any order WHEN resolved THEN they are kept, sorted by name', () => {
    const spec = imageSpecOf(Image.build({ context: 'apps/devbox', dockerfile: 'Dockerfile.dev', args: { ZED: '1', ALPHA: '2' }, tag: 'shop/devbox:dev' }));
    expect(spec.kind === 'build' && Object.keys(spec.args)).toEqual(['ALPHA', 'ZED']);
    expect(spec.kind === 'build' && spec.dockerfile).toBe('Dockerfile.dev');
  });

  it.each<[string, Parameters<typeof Image.build>[0], string]>([
    [
      'a tag with a digest',
      { context: 'apps/devbox', tag: `shop/devbox@${DIGEST}` },
      `shop/web image.tag: a built image cannot carry a digest (got "shop/devbox@${DIGEST}"). Give a tag such as 'shop/devbox:dev'.`,
    ],
    ['an invalid tag', { context: 'apps/devbox', tag: 'Shop/Devbox' }, `shop/web image.tag: not a valid image reference (got "Shop/Devbox"). ${REF_FIX}`],
    [
      'an absolute context',
      { context: '/home/me/devbox', tag: 'shop/devbox:dev' },
      "shop/web image.context: build context must be a folder relative to the project root (got \"/home/me/devbox\"). Write e.g. 'apps/devbox'.",
    ],
    [
      'a remote context',
      { context: 'https://github.com/org/repo.git', tag: 'shop/devbox:dev' },
      "shop/web image.context: build context must be a folder relative to the project root (got \"https://github.com/org/repo.git\"). Write e.g. 'apps/devbox'.",
    ],
    [
      'an empty context',
      { context: ' ', tag: 'shop/devbox:dev' },
      "shop/web image.context: build context must be a folder relative to the project root (got \" \"). Write e.g. 'apps/devbox'.",
    ],
    [
      'an empty Dockerfile name',
      { context: 'apps/devbox', dockerfile: '', tag: 'shop/devbox:dev' },
      "shop/web image.dockerfile: must be a file name relative to the context (got \"\"). Write e.g. 'Dockerfile.dev'.",
    ],
    [
      'a build arg with a dash in its name',
      { context: 'apps/devbox', args: { 'node-version': '20' }, tag: 'shop/devbox:dev' },
      'shop/web image.args.node-version: build args need a name of letters, digits and _ and a string value (got "20"). Write { NAME: "value" }.',
    ],
    [
      'a build arg with a number value',
      { context: 'apps/devbox', args: { NODE_VERSION: 20 as unknown as string }, tag: 'shop/devbox:dev' },
      'shop/web image.args.NODE_VERSION: build args need a name of letters, digits and _ and a string value (got 20). Write { NAME: "value" }.',
    ],
  ])('GIVEN %s WHEN a service uses the build THEN the constructor fails with the exact message', (_given, props, message) => {
    expect(modelErrorOf(() => imageSpecOf(Image.build(props)))).toBe(message);
  });
});
