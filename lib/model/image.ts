import { ModelError } from './errors';
import { checkKnownProps, propNames } from './known-props';
import { buildTarget } from './build-target';
import { Secret } from './secret';
import type { ImageSpec } from './spec';

export interface ImageOptions {
  /**
   * Credentials for a private registry: a Secret holding `{"username": ..., "password": ...}` (ECS
   * `repositoryCredentials`) or a docker-registry Secret (Kubernetes `imagePullSecrets`). Compose relies on
   * `docker login` (a diagnostic says so).
   * @default - a public registry, no credentials
   */
  readonly credentials?: Secret;
}

export interface ImageBuildProps extends ImageOptions {
  /** The build context, relative to the project root: `apps/devbox`. */
  readonly context: string;
  /**
   * The Dockerfile, relative to the context.
   * @default 'Dockerfile'
   */
  readonly dockerfile?: string;
  /**
   * Build arguments (`docker build --build-arg`).
   * @default - none
   */
  readonly args?: Record<string, string>;
  /** The tag the built image carries, which Kubernetes pulls: `shop/devbox:dev`. */
  readonly tag: string;
  /**
   * The stage of a multi-stage Dockerfile to build (`docker build --target builder`).
   * @default - the last stage
   */
  readonly target?: string;
}

// Docker's reference grammar, simplified: [host[:port]/]path[:tag][@digest]
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const HOST = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?|\\[[0-9a-fA-F:]+\\](?::[0-9]+)?)';
const REFERENCE = new RegExp(
  `^((?:${HOST}/)?${COMPONENT}(?:/${COMPONENT})*)(?::([\\w][\\w.-]{0,127}))?(?:@(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128}))?$`,
);

const FIRST_COMPONENT = new RegExp(`^${COMPONENT}$`);

const IMAGE_OPTIONS = propNames<ImageOptions>({ credentials: true });
const IMAGE_BUILD_PROPS = propNames<ImageBuildProps>({ credentials: true, context: true, dockerfile: true, args: true, tag: true, target: true });

interface ParsedReference {
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

function parseReference(path: string, prop: string, ref: string): ParsedReference {
  const m = typeof ref === 'string' ? REFERENCE.exec(ref) : null;
  // a first component with a '.' or ':' or 'localhost' is a host; otherwise the whole path must be lowercase
  const first = m && m[1].includes('/') ? m[1].slice(0, m[1].indexOf('/')) : undefined;
  const badFirst = first !== undefined && !/[.:[]/.test(first) && first !== 'localhost' && !FIRST_COMPONENT.test(first);
  if (!m || badFirst || ref.length > 255) {
    throw new ModelError(
      path,
      prop,
      'not a valid image reference',
      ref,
      "Write [registry/]repository[:tag][@sha256:digest] in lowercase, e.g. 'nginx:1.27' or 'ghcr.io/org/app:1.0'",
    );
  }
  return { repository: m[1], tag: m[2], digest: m[3] };
}

/** A container image: pulled from a registry by tag or digest, or built from a Dockerfile. */
export class Image {
  /** An image in a registry: `nginx:1.27`, `ghcr.io/org/app@sha256:...`. */
  static of(ref: string, options: ImageOptions = {}): Image {
    return new Image({ kind: 'registry', ref, options });
  }

  /** An image built from a Dockerfile (`docker build -t TAG CONTEXT`). */
  static build(props: ImageBuildProps): Image {
    return new Image({ kind: 'build', ref: props.tag, options: props, build: props });
  }

  private constructor(private readonly def: { kind: 'registry' | 'build'; ref: string; options: ImageOptions; build?: ImageBuildProps }) {}

  /** The reference as written (the tag of a built image). */
  get ref(): string {
    return this.def.ref;
  }

  /** @internal Validates and resolves this image for the workload at `path`. */
  public _toSpec(path: string, prop: string): ImageSpec {
    const { kind, ref, options, build } = this.def;
    checkKnownProps(path, prop, options, kind === 'registry' ? IMAGE_OPTIONS : IMAGE_BUILD_PROPS);
    const credentials = options.credentials;
    if (credentials !== undefined && !Secret.isSecret(credentials)) {
      throw new ModelError(path, `${prop}.credentials`, 'must be a Secret', credentials, 'Pass a Secret construct of the same System');
    }
    if (kind === 'registry') {
      const parsed = parseReference(path, prop, ref);
      return { kind, ref, ...parsed, credentials: credentials?.name };
    }
    const b = build as ImageBuildProps;
    const parsed = parseReference(path, `${prop}.tag`, b.tag);
    if (parsed.digest) {
      throw new ModelError(path, `${prop}.tag`, 'a built image cannot carry a digest', b.tag, "Give a tag such as 'shop/devbox:dev'");
    }
    if (typeof b.context !== 'string' || b.context.trim() === '' || b.context.startsWith('/') || /^[a-zA-Z]+:\/\//.test(b.context)) {
      throw new ModelError(path, `${prop}.context`, 'build context must be a folder relative to the project root', b.context, "Write e.g. 'apps/devbox'");
    }
    const dockerfile = b.dockerfile ?? 'Dockerfile';
    if (typeof dockerfile !== 'string' || dockerfile.trim() === '') {
      throw new ModelError(path, `${prop}.dockerfile`, 'must be a file name relative to the context', b.dockerfile, "Write e.g. 'Dockerfile.dev'");
    }
    const args: Record<string, string> = {};
    for (const key of Object.keys(b.args ?? {}).sort()) {
      const value = (b.args as Record<string, unknown>)[key];
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) || typeof value !== 'string') {
        throw new ModelError(path, `${prop}.args.${key}`, 'build args need a name of letters, digits and _ and a string value', value, 'Write { NAME: "value" }');
      }
      args[key] = value;
    }
    const context = b.context.replace(/\\/g, '/').replace(/\/+$/, '');
    const target = buildTarget(path, `${prop}.target`, b.target);
    return { kind, ref: b.tag, repository: parsed.repository, tag: parsed.tag, context, dockerfile, args, ...(target ? { target } : {}), credentials: credentials?.name };
  }

  /** @internal The credentials secret, for whole-tree checks. */
  public get _credentials(): Secret | undefined {
    return this.def.options.credentials;
  }
}
