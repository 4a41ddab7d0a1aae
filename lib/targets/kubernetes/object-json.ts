import { ApiObject, App, ImplicitTokenResolver, JsonPatch, Lazy, LazyResolver, NumberStringUnionResolver } from 'cdk8s';

/**
 * `ApiObject.toJson` of cdk8s in one walk: the same JSON, the same errors. cdk8s resolves an object's props
 * (`resolve`: Lazy values produced, values with a `resolve` method resolved, number-or-string unions unwrapped)
 * and then copies the result again to drop empty values and sort keys (`sanitizeValue`), looking the app's
 * resolvers up for every value on the way: a third of rendering a chart. Here each value is resolved and
 * sanitized at once, the resolvers' tests made inline. An app with resolvers of its own is rendered by cdk8s.
 */
const cdk8sObjectJson = ApiObject.prototype.toJson;

function objectJson(this: ApiObject): any {
  if (!onlyBuiltInResolvers(App.of(this))) return cdk8sObjectJson.call(this);
  const internals = this as unknown as { readonly props: object; readonly patches: JsonPatch[] };
  try {
    const data = { ...internals.props, metadata: this.metadata.toJson() };
    const json = resolved(data, !process.env.CDK8S_DISABLE_SORT);
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

/**
 * Runs `render` with every ApiObject rendered by `objectJson`: cdk8s's `Chart.toJson` (which orders the objects
 * and calls each one's `toJson`, the generated classes' conversion to Kubernetes field names included) then
 * renders each in one walk.
 */
export function withObjectJson<T>(render: () => T): T {
  const prototype = ApiObject.prototype as { toJson: () => any };
  if (prototype.toJson === objectJson) return render();
  prototype.toJson = objectJson;
  try {
    return render();
  } finally {
    prototype.toJson = cdk8sObjectJson;
  }
}

function onlyBuiltInResolvers(app: App): boolean {
  const [lazy, implicit, union, ...more] = app.resolvers;
  return more.length === 0 && lazy instanceof LazyResolver && implicit instanceof ImplicitTokenResolver && union instanceof NumberStringUnionResolver;
}

/** `sanitizeValue(resolve([], value, obj), { sortKeys })` of cdk8s with its built-in resolvers. */
function resolved(value: any, sortKeys: boolean): any {
  if (value == null) return undefined;
  // the built-in resolvers, in cdk8s's order
  if (value instanceof Lazy) return resolved(value.produce(), sortKeys);
  if (typeof value.resolve === 'function') return resolved(value.resolve(), sortKeys);
  if (value.constructor !== Object && (typeof value.value === 'number' || typeof value.value === 'string')) {
    return resolved({ value: value.value }, sortKeys);
  }
  if (Array.isArray(value)) return value.map((item) => resolved(item, sortKeys));
  // eslint-disable-next-line eqeqeq -- cdk8s's test of a dictionary
  if (value.constructor == Object) {
    // resolved in the order of the keys, as cdk8s does (a Lazy may have effects), then sorted
    const keys = Object.keys(value);
    const values = keys.map((key) => resolved(value[key], sortKeys));
    const order = sortKeys ? keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0)) : keys.map((_, i) => i);
    const out: Record<string, unknown> = {};
    for (const i of order) {
      if (values[i] != null) out[keys[i]] = values[i];
    }
    return out;
  }
  return sanitized(value, sortKeys);
}

/** cdk8s's `sanitizeValue`, for what its `resolve` leaves as it is. */
function sanitized(value: any, sortKeys: boolean): any {
  if (value == null) return undefined;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => sanitized(item, sortKeys));
  if (value.constructor.name !== 'Object') throw new Error(`can't render non-simple object of type '${value.constructor.name}'`);
  const out: Record<string, unknown> = {};
  for (const key of sortKeys ? Object.keys(value).sort() : Object.keys(value)) {
    const item = sanitized(value[key], sortKeys);
    if (item != null) out[key] = item;
  }
  return out;
}
