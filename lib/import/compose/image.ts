import { asMap, asSeq, asString, at, entry, fail, passedThrough, reportUnhandled, type ImportContext } from './context';
import type { LocatedMap } from './located';
import { contextPath } from './paths';
import type { ImagePlan } from './plan';

const BUILD_HINTS: Record<string, string> = {
  cache_from: 'Caching is a concern of the build, not of the system.',
  dockerfile_inline: 'Write the Dockerfile to a file and name it with dockerfile.',
};

/** `image`, and `build` (string or mapping) with its tag: the `image` named beside it, or Compose's `<project>-<service>`. */
export function imageOf(ctx: ImportContext, service: LocatedMap, keyPath: string, composeName: string): ImagePlan {
  const imageEntry = entry(service, 'image');
  const image = imageEntry ? asString(ctx, imageEntry.value, `${keyPath}.image`) : undefined;
  const buildEntry = entry(service, 'build');
  if (!buildEntry) {
    if (image === undefined) fail(
        ctx,
        keyPath,
        service.line,
        'a service needs an image or a build: add image: or build:, or, where this file only overrides another (docker-compose.override.yml), import that other file',
      );
    return { kind: 'registry', ref: image };
  }
  const p = `${keyPath}.build`;
  let context = '.';
  let dockerfile: string | undefined;
  let target: string | undefined;
  const args: Record<string, string> = {};
  if (buildEntry.value.kind === 'map') {
    const build = asMap(ctx, buildEntry.value, p);
    reportUnhandled(ctx, build, p, new Set(['context', 'dockerfile', 'args', 'target']), BUILD_HINTS);
    const c = entry(build, 'context');
    if (c) context = asString(ctx, c.value, `${p}.context`);
    const d = entry(build, 'dockerfile');
    if (d) dockerfile = asString(ctx, d.value, `${p}.dockerfile`);
    const t = entry(build, 'target');
    if (t) target = asString(ctx, t.value, `${p}.target`);
    const a = entry(build, 'args');
    if (a) {
      const ap = `${p}.args`;
      if (a.value.kind === 'seq') {
        asSeq(ctx, a.value, ap).items.forEach((item, i) => {
          const s = asString(ctx, item, `${ap}[${i}]`);
          const eq = s.indexOf('=');
          const value = eq < 0 ? passedThrough(ctx, s, `${ap}[${i}]`, item.line) : s.slice(eq + 1);
          if (value !== undefined) args[eq < 0 ? s : s.slice(0, eq)] = value;
        });
      } else {
        for (const [k, e] of asMap(ctx, a.value, ap).entries) {
          const value = e.value.kind === 'scalar' && e.value.value === null ? passedThrough(ctx, k, `${ap}.${k}`, e.line) : asString(ctx, e.value, `${ap}.${k}`);
          if (value !== undefined) args[k] = value;
        }
      }
    }
  } else context = asString(ctx, buildEntry.value, p);
  if (/^[a-z]+:\/\/|^git@/.test(context)) {
    ctx.reporter.report(
      'import/unsupported-value',
      at(ctx, p, buildEntry.line),
      `a remote build context (${context}) has no equivalent: the model builds from a folder of the project.`,
      'Clone the repository into the project and build from that folder.',
    );
    return { kind: 'registry', ref: image ?? `${ctx.projectName}-${composeName}` };
  }
  let tag = image;
  if (tag === undefined) {
    tag = `${ctx.projectName}-${composeName}`;
    ctx.reporter.report(
      'import/build-tag',
      at(ctx, p, buildEntry.line),
      `the built image is tagged ${tag}, as Compose names it.`,
      'Name it with image: beside build, e.g. registry.example.com/team/app:1.0, so Kubernetes and ECS can pull it.',
    );
  }
  return {
    kind: 'build',
    context: contextPath(ctx, context),
    ...(dockerfile !== undefined && dockerfile !== 'Dockerfile' ? { dockerfile } : {}),
    ...(Object.keys(args).length > 0 ? { args } : {}),
    ...(target !== undefined ? { target } : {}),
    tag,
  };
}
