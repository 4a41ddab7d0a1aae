import { ApiObject, JsonPatch } from 'cdk8s';

/**
 * cdk8s-plus-27 writes opinions the model never expressed: resource requests and limits, runAsNonRoot,
 * readOnlyRootFilesystem, allowPrivilegeEscalation, imagePullPolicy Always, a token automount, rollout and
 * CronJob tuning. Overrides put back what the model says: each one is a pure function of the object's JSON,
 * turned into JSON patches so that `cdk8s synth` and the target render the same manifest.
 *
 * Patches apply to the props of cdk8s's generated API objects, before they are mapped to Kubernetes JSON: so
 * field names are the props' (`setHostnameAsFqdn`), and a quantity is written `{ value: '512Mi' }` (see `quantity`).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Requests and limits as Kubernetes quantities: `{ limits: { memory: '512Mi' } }`. */
export type ResourceQuantities = { readonly limits?: Record<string, string>; readonly requests?: Record<string, string> };

/** What the model says about one container: exactly these, nothing else. */
export interface ContainerIntent {
  readonly resources?: ResourceQuantities;
  readonly securityContext?: JsonObject;
}

/** A Kubernetes quantity in the props form of cdk8s's generated objects. */
export function quantity(text: string): JsonObject {
  return { value: text };
}

/** What the model says about a pod template beyond what cdk8s-plus rendered from props. */
export interface PodIntent {
  /** By container name, init containers included. */
  readonly containers: Readonly<Record<string, ContainerIntent>>;
  /** Pod template labels, replacing cdk8s-plus's address label. */
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** emptyDir size limits by pod volume name. */
  readonly emptyDirSizeLimits: Readonly<Record<string, string>>;
  readonly imagePullSecrets: readonly string[];
  readonly hostNetwork: boolean;
  /** Deployments leave restartPolicy to its default (Always); Jobs keep theirs. */
  readonly keepRestartPolicy: boolean;
}

const POD_DEFAULTS = ['automountServiceAccountToken', 'dnsPolicy', 'securityContext', 'setHostnameAsFqdn', 'terminationGracePeriodSeconds'];

/** Rewrites a pod template (`{metadata, spec}`) to say what the model says. */
export function overridePodTemplate(template: JsonObject, intent: PodIntent): void {
  const metadata = asObject(template.metadata);
  metadata.labels = { ...intent.labels };
  if (Object.keys(intent.annotations).length > 0) metadata.annotations = { ...intent.annotations };
  template.metadata = metadata;
  const spec = asObject(template.spec);
  for (const key of POD_DEFAULTS) delete spec[key];
  if (intent.hostNetwork) spec.hostNetwork = true;
  else delete spec.hostNetwork;
  if (!intent.keepRestartPolicy) delete spec.restartPolicy;
  if (intent.imagePullSecrets.length > 0) spec.imagePullSecrets = intent.imagePullSecrets.map((name) => ({ name }));
  else delete spec.imagePullSecrets;
  for (const list of ['containers', 'initContainers']) {
    for (const c of asArray(spec[list])) overrideContainer(asObject(c), intent.containers[String(asObject(c).name)] ?? {});
  }
  for (const v of asArray(spec.volumes)) {
    const volume = asObject(v);
    const claim = volume.persistentVolumeClaim;
    if (isObject(claim) && claim.readOnly === false) delete claim.readOnly;
    const hostPath = volume.hostPath;
    if (isObject(hostPath) && hostPath.type === '') delete hostPath.type;
    const emptyDir = volume.emptyDir;
    if (isObject(emptyDir)) {
      const limit = intent.emptyDirSizeLimits[String(volume.name)];
      if (limit !== undefined) emptyDir.sizeLimit = quantity(limit);
      else delete emptyDir.sizeLimit;
    }
  }
}

function overrideContainer(container: JsonObject, intent: ContainerIntent): void {
  delete container.imagePullPolicy;
  for (const m of asArray(container.volumeMounts)) {
    if (isObject(m) && m.readOnly === false) delete m.readOnly;
  }
  const resources = intent.resources ?? {};
  if (Object.keys(resources).length > 0) {
    const out: JsonObject = {};
    for (const [group, values] of Object.entries(resources)) {
      const q: JsonObject = {};
      for (const [k, v] of Object.entries(values)) q[k] = quantity(v);
      out[group] = q;
    }
    container.resources = out;
  } else delete container.resources;
  if (intent.securityContext && Object.keys(intent.securityContext).length > 0) container.securityContext = intent.securityContext;
  else delete container.securityContext;
}

/** Top-level fields cdk8s-plus sets on each kind that the model never asked for. */
const KIND_DEFAULTS: Record<string, readonly string[]> = {
  Deployment: ['minReadySeconds', 'progressDeadlineSeconds', 'strategy'],
  CronJob: ['concurrencyPolicy', 'failedJobsHistoryLimit', 'startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'suspend'],
  PersistentVolumeClaim: ['volumeMode'],
};

/** Removes the kind's injected defaults from `spec`, and an empty `externalIPs` from a Service. */
export function overrideKindDefaults(json: JsonObject): void {
  const spec = json.spec;
  if (!isObject(spec)) return;
  for (const key of KIND_DEFAULTS[String(json.kind)] ?? []) delete spec[key];
  if (json.kind === 'Service' && Array.isArray(spec.externalIPs) && spec.externalIPs.length === 0) delete spec.externalIPs;
}

/**
 * Registers `transform` on an object: its JSON as cdk8s renders it is rewritten, and each top-level field that
 * changed is replaced by one JSON patch (keys sorted, as cdk8s sorts them).
 */
export function applyOverride(obj: ApiObject, transform: (json: JsonObject) => void): void {
  // the props as patches see them: ApiObject's own toJson, without the generated object's mapping
  const before = ApiObject.prototype.toJson.call(obj) as JsonObject;
  const after = JSON.parse(JSON.stringify(before)) as JsonObject;
  transform(after);
  for (const key of Object.keys(before)) {
    if (!(key in after)) obj.addJsonPatch(JsonPatch.remove(`/${key}`));
  }
  for (const key of Object.keys(after)) {
    if (!(key in before)) obj.addJsonPatch(JsonPatch.add(`/${key}`, sortKeys(after[key])));
    else if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) obj.addJsonPatch(JsonPatch.replace(`/${key}`, sortKeys(after[key])));
  }
}

export function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys(value[k]);
    return out;
  }
  return value;
}

export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asObject(v: Json | undefined): JsonObject {
  return isObject(v) ? v : {};
}

function asArray(v: Json | undefined): Json[] {
  return Array.isArray(v) ? v : [];
}
