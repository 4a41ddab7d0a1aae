import { ApiObject, Chart } from 'cdk8s';
import { objectsWithoutDependencies } from './chart-objects';
import { withObjectJson } from './object-json';

/**
 * cdk8s-plus-27 writes opinions the model never expressed: resource requests and limits, runAsNonRoot,
 * readOnlyRootFilesystem, allowPrivilegeEscalation, imagePullPolicy Always, a token automount, rollout and
 * CronJob tuning. Overrides put back what the model says: each one is a function that rewrites an object's
 * Kubernetes JSON (field names and quantities as the API writes them: `setHostnameAsFQDN`, `'512Mi'`), applied
 * by `OverridingChart` as cdk8s renders the chart, so that `cdk8s synth` and the target write the same manifest.
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

const POD_DEFAULTS = ['automountServiceAccountToken', 'dnsPolicy', 'securityContext', 'setHostnameAsFQDN', 'terminationGracePeriodSeconds'];

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
      if (limit !== undefined) emptyDir.sizeLimit = limit;
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
    for (const [group, values] of Object.entries(resources)) out[group] = { ...values };
    container.resources = out;
  } else delete container.resources;
  if (intent.securityContext && Object.keys(intent.securityContext).length > 0) container.securityContext = intent.securityContext;
  else delete container.securityContext;
}

/** Top-level fields cdk8s-plus sets on each kind that the model never asked for. */
const KIND_DEFAULTS: Record<string, readonly string[]> = {
  Deployment: ['minReadySeconds', 'progressDeadlineSeconds', 'strategy'],
  DaemonSet: ['minReadySeconds'],
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

type Transform = (json: JsonObject) => void;

/**
 * A chart that rewrites the Kubernetes JSON of the objects registered with `applyOverride` as it renders them.
 * Whatever renders the chart goes through `Chart.toJson`: the target and bin/kubernetes.ts (`cdk8s synth`) through
 * manifest.ts, and cdk8s's own `app.synth()` and `app.synthYaml()` too, so all write the same manifest, and cdk8s
 * resolves each object once. A rewritten object's keys are sorted, as cdk8s sorts them (`apiVersion`, `kind` and
 * `metadata` first).
 */
export class OverridingChart extends Chart {
  private readonly transforms = new Map<string, Transform>();

  /** Registers `transform` for `obj`: one per object; kind and name identify it in the rendered chart. */
  override(obj: ApiObject, transform: Transform): void {
    const key = objectKey(obj.kind, obj.name);
    if (this.transforms.has(key)) throw new Error(`an override for ${obj.kind} ${obj.name} is already registered`);
    this.transforms.set(key, transform);
  }

  public override toJson(): any[] {
    return this.renderedObjects().map((json: JsonObject) => this.rewrite(json));
  }

  /**
   * The chart's objects as `toJson` renders them, for a manifest: a rewritten object has its top-level keys in
   * order, and the keys of the mappings below are left for the writer to sort (`sortBelowRoot`, block-yaml.ts),
   * which reads them anyway: one walk over each object instead of two.
   */
  manifestDocuments(): ManifestDocument[] {
    return this.renderedObjects().map((json: JsonObject) => {
      const rewritten = this.transformed(json);
      return rewritten ? { json: rewritten, sortBelowRoot: true } : { json, sortBelowRoot: false };
    });
  }

  /**
   * The chart's objects in the order `toJson` renders them, unresolved: cdk8s's own order (`Chart.toJson`, which
   * prepares the app and sorts the chart's objects by their dependencies), tree order where nothing depends on
   * anything (chart-objects.ts), else got by letting cdk8s render each object as itself.
   */
  objectsInOrder(): ApiObject[] {
    const inTreeOrder = objectsWithoutDependencies(this);
    if (inTreeOrder) return inTreeOrder;
    const objects = this.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
    for (const obj of objects) Object.defineProperty(obj, 'toJson', { value: () => obj, configurable: true, writable: true });
    try {
      return super.toJson() as ApiObject[];
    } finally {
      for (const obj of objects) delete (obj as Partial<ApiObject>).toJson;
    }
  }

  /** One object's Kubernetes JSON as `toJson` renders it (objects from `objectsInOrder`, in any order). */
  objectJson(obj: ApiObject): JsonObject {
    return this.rewrite(withObjectJson(() => obj.toJson()));
  }

  /**
   * The chart's objects as cdk8s's `Chart.toJson` renders them, each rendered in one walk (object-json.ts), in
   * cdk8s's order (chart-objects.ts where nothing depends on anything).
   */
  private renderedObjects(): JsonObject[] {
    return withObjectJson(() => {
      const objects = objectsWithoutDependencies(this);
      return objects ? objects.map((obj) => obj.toJson()) : super.toJson();
    });
  }

  private rewrite(json: JsonObject): JsonObject {
    const rewritten = this.transformed(json);
    if (!rewritten) return json;
    for (const key of Object.keys(rewritten)) rewritten[key] = sortKeys(rewritten[key]);
    return rewritten;
  }

  /**
   * The object rewritten by its transform, `apiVersion`, `kind` and `metadata` first and the other top-level keys
   * sorted; the mappings below as the transform left them. Undefined when no transform is registered for it.
   */
  private transformed(json: JsonObject): JsonObject | undefined {
    const metadata = json.metadata;
    const transform = this.transforms.get(objectKey(String(json.kind), isObject(metadata) ? String(metadata.name) : ''));
    if (!transform) return undefined;
    transform(json);
    const { apiVersion, kind, metadata: rewritten, ...rest } = json;
    const out: JsonObject = { apiVersion, kind, metadata: rewritten };
    for (const key of Object.keys(rest).sort()) out[key] = rest[key];
    return out;
  }
}

/** One object of a manifest, and whether the keys of its mappings below the top level are to be sorted. */
export interface ManifestDocument {
  readonly json: JsonObject;
  readonly sortBelowRoot: boolean;
}

function objectKey(kind: string, name: string): string {
  return `${kind}\u0000${name}`;
}

/** Registers `transform` on an object of an `OverridingChart`: its Kubernetes JSON is rewritten when rendered. */
export function applyOverride(obj: ApiObject, transform: Transform): void {
  // not `instanceof`: Chart answers it for every chart
  const chart = Chart.of(obj) as Partial<OverridingChart>;
  if (typeof chart.override !== 'function') throw new Error(`${obj.node.path} is not in an OverridingChart`);
  chart.override(obj, transform);
}

/** `value` with the keys of every mapping in it sorted; what is sorted already is kept, not copied. */
function sortKeys(value: Json): Json {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let out: Json[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const sorted = sortKeys(value[i]);
      if (sorted !== value[i]) (out ??= value.slice())[i] = sorted;
    }
    return out ?? value;
  }
  // the entries, once one is out of order or rewritten: the mapping is then copied
  let entries: [string, Json][] | undefined;
  let previous: string | undefined;
  for (const key in value) {
    const sorted = sortKeys(value[key]);
    if (!entries && (sorted !== value[key] || (previous !== undefined && !(previous < key)))) {
      entries = [];
      for (const before in value) {
        if (before === key) break;
        entries.push([before, value[before]]);
      }
    }
    entries?.push([key, sorted]);
    previous = key;
  }
  if (!entries) return value;
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out: JsonObject = {};
  for (const [key, sorted] of entries) out[key] = sorted;
  return out;
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
