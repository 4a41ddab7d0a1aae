import { isDockerName } from '../../model/docker-name';
import { type ExistingSecretName, isKubernetesSecretName, kubernetesSecretName } from '../../model/secret-names';
import { asBoolean, asMap, asString, at, entry, reportUnhandled, type ImportContext } from './context';
import { legacyExternalName } from './legacy-external';
import { networkDriverKeys } from './network-drivers';
import { volumeDriverOf } from './volume-drivers';
import type { LocatedMap } from './located';
import type { NameTable } from './names';
import { hostPath } from './paths';
import type { SecretRegistry } from './secrets';
import type { VolumeNames } from './volume-names';

export interface DeclaredNetwork {
  readonly id: string;
  readonly internal: boolean;
  /** The Docker network's `name:`, which the Docker-engine targets keep. */
  readonly dockerName?: string;
  readonly line: number;
}

const RESOURCE_HINTS: Record<string, string> = {
  name: 'Only a network or volume that lading creates keeps its name: the default network, and a volume that binds a host path, have none of their own.',
  labels: 'The model has no labels on networks and volumes.',
};

const SECRET_HINTS: Record<string, string> = {
  labels: 'The model has no labels on secrets.',
  driver: 'Each target keeps secrets in its own store.',
  template_driver: 'The model has no secret templates.',
};

/** An `external: true` network or volume: created by lading like any other, with a diagnostic. */
function external(ctx: ImportContext, map: LocatedMap, keyPath: string, what: string, name: string): boolean {
  const e = entry(map, 'external');
  const legacy = legacyExternalName(ctx, map, keyPath);
  if (!e || (legacy === undefined && e.value.kind === 'map') || (legacy === undefined && !asBoolean(ctx, e.value, `${keyPath}.external`))) return false;
  const n = entry(map, 'name');
  const existing = legacy ?? (n ? asString(ctx, n.value, `${keyPath}.name`) : name);
  ctx.reporter.report(
    'import/external',
    at(ctx, `${keyPath}.external`, e.line),
    `the existing ${what} ${existing} is not reused: the imported system creates its own ${what} ${name}.`,
    `Keep using the existing ${what} by editing the rendered output, or move its data into the new one.`,
  );
  return true;
}

/** `ipam` of a network: its subnets, which no target takes, each assigning addresses from a range of its own. */
function reportIpam(ctx: ImportContext, map: LocatedMap, keyPath: string, name: string): void {
  const e = entry(map, 'ipam');
  if (!e) return;
  const config = e.value.kind === 'map' ? entry(e.value, 'config')?.value : undefined;
  const listed = (config?.kind === 'seq' ? config.items : []).flatMap((c, i) => {
    const subnet = c.kind === 'map' ? entry(c, 'subnet')?.value : undefined;
    return subnet?.kind === 'scalar' ? [asString(ctx, subnet, `${keyPath}.ipam.config[${i}].subnet`)] : [];
  });
  const range = listed.length > 0 ? listed.join(', ') : 'the range it names';
  ctx.reporter.report(
    'import/unsupported-key',
    at(ctx, `${keyPath}.ipam`, e.line),
    `ipam is left out: each target assigns the addresses of network ${name} from a range of its own (Docker's pool, the cluster's pod network, the VPC's subnets), not from ${range}, so a peer or a rule that relies on an address in ${range} fails.`,
    'Reach services by name (or an alias), not by address.',
  );
}

const NAME_EXAMPLES = { network: 'shop_backend', volume: 'shop_db_data' } as const;

/** `name:` of a network or volume that lading creates: its name on the Docker engine, kept where Docker accepts it. */
function dockerNameOf(ctx: ImportContext, map: LocatedMap, keyPath: string, kind: 'network' | 'volume', name: string): string | undefined {
  const n = entry(map, 'name');
  if (!n) return undefined;
  const value = asString(ctx, n.value, `${keyPath}.name`);
  if (isDockerName(value)) return value;
  const kept = kind === 'network' ? 'the name each target gives it' : 'the name each target gives it without name:';
  ctx.reporter.report(
    'import/unsupported-value',
    at(ctx, `${keyPath}.name`, n.line),
    `${JSON.stringify(value)} is not a Docker ${kind} name (letters, digits, _ . and -, starting with a letter or digit): ${kind} ${name} keeps ${kept}.`,
    `Write a name Docker accepts, e.g. name: ${NAME_EXAMPLES[kind]}.`,
  );
  return undefined;
}

/** The top-level `networks`, by their name in the file. `default` is left to the caller. */
export function declareNetworks(ctx: ImportContext, top: LocatedMap | undefined, names: NameTable): Map<string, DeclaredNetwork> {
  const out = new Map<string, DeclaredNetwork>();
  if (!top) return out;
  for (const [name, e] of top.entries) {
    const p = `networks.${name}`;
    let internal = false;
    let dockerName: string | undefined;
    if (!(e.value.kind === 'scalar' && e.value.value === null)) {
      const map = asMap(ctx, e.value, p);
      const isExternal = external(ctx, map, p, 'network', name);
      reportIpam(ctx, map, p, name);
      // the default network is the model's implicit one, which has no name of its own
      const named = isExternal || name !== 'default';
      reportUnhandled(ctx, map, p, new Set(['internal', 'external', 'ipam', ...(named ? ['name'] : []), ...networkDriverKeys(ctx, map, p, name)]), RESOURCE_HINTS);
      const i = entry(map, 'internal');
      if (i) internal = asBoolean(ctx, i.value, `${p}.internal`);
      if (!isExternal && name !== 'default') dockerName = dockerNameOf(ctx, map, p, 'network', name);
    }
    if (name === 'default') {
      out.set(name, { id: 'default', internal, line: e.line });
      continue;
    }
    out.set(name, { id: names.claim('network', name, p, e.line), internal, ...(dockerName !== undefined ? { dockerName } : {}), line: e.line });
  }
  return out;
}

/** A named volume of the file: a volume of the model (its id), or a host path it binds. */
export type DeclaredVolume = string | { readonly bind: string };

/** The top-level `volumes`, by their name in the file: model id, or the host path a local bind volume names. */
export function declareVolumes(ctx: ImportContext, top: LocatedMap | undefined, names: VolumeNames): Map<string, DeclaredVolume> {
  const out = new Map<string, DeclaredVolume>();
  if (!top) return out;
  for (const [name, e] of top.entries) {
    const p = `volumes.${name}`;
    let dockerName: string | undefined;
    let isExternal = false;
    if (!(e.value.kind === 'scalar' && e.value.value === null)) {
      const map = asMap(ctx, e.value, p);
      isExternal = external(ctx, map, p, 'volume', name);
      const driver = volumeDriverOf(ctx, map, p, name);
      const binds = driver.bind !== undefined && !isExternal;
      // a volume that binds a host path is that bind in every service: no Docker volume carries the name
      reportUnhandled(ctx, map, p, new Set(['external', ...(binds ? [] : ['name']), ...driver.read]), RESOURCE_HINTS);
      if (binds) {
        out.set(name, { bind: driver.bind! });
        continue;
      }
      if (!isExternal) dockerName = dockerNameOf(ctx, map, p, 'volume', name);
    }
    out.set(name, names.claim(name, p, e.line, { ...(dockerName !== undefined ? { named: dockerName } : {}), external: isExternal }));
  }
  return out;
}

/**
 * The top-level `secrets`: an external one becomes a Secret with an existing name; one read from a file of the
 * project keeps that file; one read from a file outside it is read from `secrets/<id>`, which a diagnostic says.
 */
export function declareSecrets(ctx: ImportContext, top: LocatedMap | undefined, secrets: SecretRegistry): void {
  if (!top) return;
  for (const [name, e] of top.entries) {
    const p = `secrets.${name}`;
    const map = asMap(ctx, e.value, p);
    reportUnhandled(ctx, map, p, new Set(['file', 'environment', 'external', 'name']), SECRET_HINTS);
    const ext = entry(map, 'external');
    const nameEntry = entry(map, 'name');
    const written = nameEntry ? asString(ctx, nameEntry.value, `${p}.name`) : undefined;
    // Swarm's older form: `external: { name: x }`
    const legacy = legacyExternalName(ctx, map, p);
    if (ext && (ext.value.kind === 'map' || asBoolean(ctx, ext.value, `${p}.external`))) {
      const legacyEntry = ext.value.kind === 'map' ? entry(ext.value, 'name') : undefined;
      const where = legacy !== undefined ? { keyPath: `${p}.external.name`, line: legacyEntry?.line ?? ext.line } : { keyPath: nameEntry ? `${p}.name` : p, line: nameEntry?.line ?? ext.line };
      secrets.declare(name, { existingName: existingSecretName(ctx, legacy ?? written ?? name, where.keyPath, where.line) }, p, e.line);
      continue;
    }
    if (written !== undefined) {
      ctx.reporter.report(
        'import/unsupported-key',
        at(ctx, `${p}.name`, nameEntry?.line ?? e.line),
        'the name of a secret that lading creates is its id: this name is left out.',
      );
    }
    const envEntry = entry(map, 'environment');
    const variable = envEntry ? asString(ctx, envEntry.value, `${p}.environment`) : undefined;
    const fileEntry = entry(map, 'file');
    const file = fileEntry ? hostPath(ctx, asString(ctx, fileEntry.value, `${p}.file`)) : undefined;
    // a file inside the project is the secret's own; Compose, Swarm and docker read it where the system runs
    const ownFile = file?.startsWith('./') ? file.slice(2) : undefined;
    const id = secrets.declare(name, variable && variable !== name.toUpperCase().replace(/-/g, '_') ? { envName: variable } : {}, p, e.line);
    const expected = `./secrets/${id}`;
    // `secrets/<id>` is where the Compose output reads a secret without a file of its own
    if (ownFile !== undefined && file !== expected) secrets.readFrom(id, ownFile);
    if (fileEntry && file !== undefined) {
      if (ownFile === undefined && file !== expected) {
        ctx.reporter.report(
          'import/unsupported-value',
          at(ctx, `${p}.file`, fileEntry.line),
          `the value of secret ${id} is read from ${expected.slice(2)} (relative to the project root), not ${file}.`,
          `Move the file to ${expected.slice(2)}.`,
        );
      }
    } else if (variable !== undefined) {
      ctx.reporter.report(
        'import/unsupported-value',
        at(ctx, `${p}.environment`, envEntry?.line ?? e.line),
        `the Compose output reads secret ${id} from the file ${expected.slice(2)}, not from ${variable}.`,
        `Write the value of ${variable} to ${expected.slice(2)}.`,
      );
    }
  }
}

/**
 * The existing name of an external secret: the one written, and where it cannot name a Kubernetes Secret
 * (`traefik_users`, `db_password.v2`), a Kubernetes name close to it, which a warning says must exist.
 */
function existingSecretName(ctx: ImportContext, existing: string, keyPath: string, line: number): ExistingSecretName {
  if (isKubernetesSecretName(existing)) return existing;
  const kubernetes = kubernetesSecretName(existing);
  ctx.reporter.report(
    'import/secret-name',
    at(ctx, keyPath, line),
    `the external secret ${existing} cannot name a Kubernetes Secret: on Kubernetes the Secret must exist as ${kubernetes}.`,
    `Create it there as ${kubernetes}, or change existingName.kubernetes to the name it has in the cluster.`,
  );
  return { default: existing, kubernetes };
}
