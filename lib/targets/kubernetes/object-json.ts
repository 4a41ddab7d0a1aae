import { ApiObject, ApiObjectMetadataDefinition, App, ImplicitTokenResolver, JsonPatch, Lazy, LazyResolver, NumberStringUnionResolver } from 'cdk8s';

/**
 * `ApiObject.toJson` and `ApiObjectMetadataDefinition.toJson` of cdk8s in one walk: the same JSON, the same
 * errors. cdk8s resolves an object's props (`resolve`: Lazy values produced, values with a `resolve` method
 * resolved, number-or-string unions unwrapped) and then copies the result again to drop empty values and sort
 * keys (`sanitizeValue`), looking the app's resolvers up for every value on the way: a third of rendering a
 * chart. Here each value is resolved and sanitized at once, the resolvers' tests made inline. An app with
 * resolvers of its own is rendered by cdk8s.
 */
const cdk8sObjectJson = ApiObject.prototype.toJson;
const cdk8sMetadataJson = ApiObjectMetadataDefinition.prototype.toJson;

function objectJson(this: ApiObject): any {
  if (!onlyBuiltInResolvers(App.of(this))) return cdk8sObjectJson.call(this);
  const internals = this as unknown as { readonly props: object; readonly patches: JsonPatch[] };
  try {
    const data = { ...internals.props, metadata: this.metadata.toJson() };
    const json = resolved(data, !process.env.CDK8S_DISABLE_SORT, false);
    const patched = internals.patches.length > 0 ? JsonPatch.apply(json, ...internals.patches) : json;
    const result: Record<string, unknown> = {};
    for (const key of ['apiVersion', 'kind', 'metadata', ...Object.keys(patched)]) {
      if (key in patched) result[key] = patched[key];
    }
    return result;
  } catch (e) {
    throw new Error(`Failed serializing construct at path '${this.node.path}' with name '${this.name}': ${e}`);
  }
}

/** The fields of cdk8s's `ApiObjectMetadataDefinition` that its `toJson` renders. */
interface MetadataFields {
  readonly apiObject: ApiObject;
  readonly _additionalAttributes: object;
  readonly name?: string;
  readonly namespace?: string;
  readonly annotations: object;
  readonly finalizers: string[];
  readonly ownerReferences: object[];
  readonly labels: object;
}

function metadataJson(this: ApiObjectMetadataDefinition): any {
  const fields = this as unknown as MetadataFields;
  if (!onlyBuiltInResolvers(App.of(fields.apiObject))) return cdk8sMetadataJson.call(this);
  const data = {
    ...fields._additionalAttributes,
    name: fields.name,
    namespace: fields.namespace,
    annotations: fields.annotations,
    finalizers: fields.finalizers,
    ownerReferences: fields.ownerReferences,
    labels: fields.labels,
  };
  // sorted whatever CDK8S_DISABLE_SORT says, empty lists and mappings dropped, as cdk8s renders metadata
  return resolved(data, true, true);
}

/**
 * Runs `render` with every ApiObject rendered by `objectJson` and every metadata by `metadataJson`: cdk8s's
 * `Chart.toJson` (which orders the objects and calls each one's `toJson`, the generated classes' conversion to
 * Kubernetes field names included) then renders each in one walk. cdk8s's own functions are back once it returns.
 */
export function withObjectJson<T>(render: () => T): T {
  const objects = ApiObject.prototype as { toJson: () => any };
  const metadata = ApiObjectMetadataDefinition.prototype as { toJson: () => any };
  if (objects.toJson === objectJson) return render();
  objects.toJson = objectJson;
  metadata.toJson = metadataJson;
  try {
    return render();
  } finally {
    objects.toJson = cdk8sObjectJson;
    metadata.toJson = cdk8sMetadataJson;
  }
}

function onlyBuiltInResolvers(app: App): boolean {
  const resolvers = app.resolvers;
  return (
    resolvers.length === 3 &&
    resolvers[0] instanceof LazyResolver &&
    resolvers[1] instanceof ImplicitTokenResolver &&
    resolvers[2] instanceof NumberStringUnionResolver
  );
}

/**
 * `sanitizeValue(resolve([], value, obj), { sortKeys, filterEmptyArrays: dropEmpty, filterEmptyObjects: dropEmpty })`
 * of cdk8s with its built-in resolvers.
 */
function resolved(value: any, sortKeys: boolean, dropEmpty: boolean): any {
  if (value == null) return undefined;
  // no resolver applies to a string, number or boolean
  if (typeof value !== 'object' && typeof value !== 'function') return value;
  // the built-in resolvers, in cdk8s's order
  if (value instanceof Lazy) return resolved(value.produce(), sortKeys, dropEmpty);
  if (typeof value.resolve === 'function') return resolved(value.resolve(), sortKeys, dropEmpty);
  if (value.constructor !== Object && (typeof value.value === 'number' || typeof value.value === 'string')) {
    return resolved({ value: value.value }, sortKeys, dropEmpty);
  }
  if (Array.isArray(value)) {
    if (dropEmpty && value.length === 0) return undefined;
    return value.map((item) => resolved(item, sortKeys, dropEmpty));
  }
  // eslint-disable-next-line eqeqeq -- cdk8s's test of a dictionary
  if (value.constructor == Object) {
    // resolved in the order of the keys, as cdk8s does (a Lazy may have effects), then sorted
    const out: Record<string, unknown> = {};
    let kept = 0;
    for (const key of Object.keys(value)) {
      const item = resolved(value[key], sortKeys, dropEmpty);
      if (item != null) {
        out[key] = item;
        kept++;
      }
    }
    if (dropEmpty && kept === 0) return undefined;
    if (!sortKeys) return out;
    const keys = Object.keys(out);
    if (inOrder(keys)) return out;
    const sorted: Record<string, unknown> = {};
    for (const key of keys.sort()) sorted[key] = out[key];
    return sorted;
  }
  return sanitized(value, sortKeys, dropEmpty);
}

function inOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (!(keys[i - 1] < keys[i])) return false;
  return true;
}

/** cdk8s's `sanitizeValue`, for what its `resolve` leaves as it is. */
function sanitized(value: any, sortKeys: boolean, dropEmpty: boolean): any {
  if (value == null) return undefined;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (dropEmpty && value.length === 0) return undefined;
    return value.map((item) => sanitized(item, sortKeys, dropEmpty));
  }
  if (value.constructor.name !== 'Object') throw new Error(`can't render non-simple object of type '${value.constructor.name}'`);
  const out: Record<string, unknown> = {};
  for (const key of sortKeys ? Object.keys(value).sort() : Object.keys(value)) {
    const item = sanitized(value[key], sortKeys, dropEmpty);
    if (item != null) out[key] = item;
  }
  return dropEmpty && Object.keys(out).length === 0 ? undefined : out;
}
