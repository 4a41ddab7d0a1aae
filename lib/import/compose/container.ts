import { asBoolean, asString, asStringOrList, at, entry, fail, type ImportContext } from './context';
import { environmentOf, labelsOf } from './environment';
import { healthOf } from './health';
import { markBindsInImage } from './bind-in-image';
import { imageOf } from './image';
import type { LocatedMap } from './located';
import { loggingOf } from './logging';
import { mountsOf, type VolumeResolver } from './mounts';
import type { ContainerPlan, MountPlan, ResourcesPlan } from './plan';
import type { SecretRegistry } from './secrets';
import { secretFileMount, serviceTexts } from './secret-files';
import { SECURITY_KEYS, securityOf } from './security';
import { splitShellWords } from './shell-words';

/** The service keys a container reads; the workload reads the others. */
export const CONTAINER_KEYS = [
  'image', 'build', 'command', 'entrypoint', 'working_dir', 'environment', 'env_file', 'secrets', 'configs', 'volumes', 'tmpfs', 'shm_size',
  'healthcheck', 'labels', 'logging', 'privileged', ...SECURITY_KEYS,
];

/** A command or entrypoint: a list as written, a string split into words as Compose splits it. */
function words(ctx: ImportContext, service: LocatedMap, key: string, keyPath: string): string[] | undefined {
  const e = entry(service, key);
  if (!e) return undefined;
  const value = asStringOrList(ctx, e.value, `${keyPath}.${key}`);
  if (Array.isArray(value)) return value;
  const split = splitShellWords(value);
  if (!split) fail(ctx, `${keyPath}.${key}`, e.line, `unclosed quote in ${JSON.stringify(value)}`);
  return split;
}

/** Compose `secrets` of a service as secret environment: the file /run/secrets/<target> becomes variable <target>. */
function serviceSecrets(
  ctx: ImportContext,
  service: LocatedMap,
  keyPath: string,
  secrets: SecretRegistry,
  files: MountPlan[],
  env: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const e = entry(service, 'secrets');
  if (!e) return out;
  const texts = serviceTexts(service, env);
  const p = `${keyPath}.secrets`;
  if (e.value.kind !== 'seq') fail(ctx, p, e.line, 'must be a list');
  e.value.items.forEach((item, i) => {
    const ip = `${p}[${i}]`;
    let source: string;
    let target: string | undefined;
    let mode: string | undefined;
    if (item.kind === 'map') {
      const s = entry(item, 'source');
      if (!s) fail(ctx, ip, item.line, 'a secret in the long syntax needs a source');
      source = asString(ctx, s.value, `${ip}.source`);
      const t = entry(item, 'target');
      if (t) target = asString(ctx, t.value, `${ip}.target`);
      const m = entry(item, 'mode');
      if (m) mode = asString(ctx, m.value, `${ip}.mode`);
      for (const [k, v] of item.entries) {
        if (!['source', 'target', 'mode'].includes(k)) ctx.reporter.report('import/unsupported-key', at(ctx, `${ip}.${k}`, v.line), `secret ${k} has no equivalent: the file keeps the target's defaults.`);
      }
    } else source = asString(ctx, item, ip);
    const id = secrets.composeSecret(source, ip, item.line);
    if (!id) return;
    const file = (target ?? source).replace(/^\/run\/secrets\//, '');
    const asFile = secretFileMount(ctx, id, file, mode, `${ip}.mode`, item.line, texts);
    if (asFile) {
      files.push(asFile);
      return;
    }
    out[file] = id;
  });
  return out;
}

export interface ContainerInputs {
  readonly volumes: VolumeResolver;
  readonly secrets: SecretRegistry;
  readonly resources: ResourcesPlan;
  readonly composeName: string;
}

/** The container of a service: image, process, environment, secrets, mounts, health, labels, logging. */
export function containerOf(ctx: ImportContext, service: LocatedMap, keyPath: string, inputs: ContainerInputs): ContainerPlan {
  const { env, secretEnv } = environmentOf(ctx, service, keyPath, inputs.secrets);
  const secretFiles: MountPlan[] = [];
  for (const [name, id] of Object.entries(serviceSecrets(ctx, service, keyPath, inputs.secrets, secretFiles, env))) {
    if (name in env) {
      ctx.reporter.report(
        'import/unsupported-value',
        at(ctx, `${keyPath}.environment.${name}`, entry(service, 'environment')?.line ?? service.line),
        `${name} is also a secret of the service: the secret is kept.`,
      );
      delete env[name];
    }
    secretEnv[name] = id;
  }
  const command = words(ctx, service, 'command', keyPath);
  const entrypoint = words(ctx, service, 'entrypoint', keyPath);
  const workingDir = entry(service, 'working_dir');
  const security = securityOf(ctx, service, keyPath);
  const health = entry(service, 'healthcheck');
  const labels = entry(service, 'labels');
  const logging = entry(service, 'logging');
  const privileged = entry(service, 'privileged');
  const healthPlan = health ? healthOf(ctx, health.value, `${keyPath}.healthcheck`) : undefined;
  const loggingPlan = logging ? loggingOf(ctx, logging.value, `${keyPath}.logging`) : undefined;
  const image = imageOf(ctx, service, keyPath, inputs.composeName);
  return {
    image,
    ...(command ? { command } : {}),
    ...(entrypoint ? { entrypoint } : {}),
    ...(workingDir ? { workingDir: asString(ctx, workingDir.value, `${keyPath}.working_dir`) } : {}),
    ...(security ? { security } : {}),
    env,
    secretEnv,
    resources: inputs.resources,
    mounts: [...inputs.volumes.settle(markBindsInImage(ctx, image, mountsOf(ctx, service, keyPath, inputs.volumes))), ...secretFiles],
    ...(healthPlan ? { health: healthPlan } : {}),
    labels: labels ? labelsOf(ctx, labels.value, `${keyPath}.labels`) : {},
    ...(loggingPlan ? { logging: loggingPlan } : {}),
    privileged: privileged ? asBoolean(ctx, privileged.value, `${keyPath}.privileged`) : false,
  };
}
