import { spawnSync } from 'child_process';
import { parseAllDocuments } from 'yaml';

/**
 * Checks Kubernetes manifests with tools we did not write, object by object:
 * - types and required fields: the Kubernetes 1.27 OpenAPI schemas as compiled by kubernetes-models 4.5
 *   (CommonJS, loads in jest);
 * - unknown fields: kubernetes-models accepts them, so each object goes through the typed models of
 *   @kubernetes/client-node (deserialize, serialize), which drop what they do not know; what the round trip
 *   lost is unknown. client-node is ESM and its index pulls an HTTP client that needs a newer Node, so its
 *   ObjectSerializer runs in a child Node process;
 * - names: RFC 1123 object, container, volume and port names, label keys and values, annotation keys.
 */

export type K8sObject = Record<string, unknown> & { apiVersion?: string; kind?: string; metadata?: { name?: string } };

export interface ManifestProblem {
  /** `Deployment/web`. */
  readonly object: string;
  /** JSON pointer inside the object. */
  readonly path: string;
  readonly check: 'schema' | 'unknown-field' | 'name';
  readonly message: string;
}

export function parseManifest(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map((d) => {
      if (d.errors.length > 0) throw new Error(`not YAML: ${d.errors[0].message}`);
      return d.toJSON() as K8sObject | null;
    })
    .filter((o): o is K8sObject => o !== null && typeof o === 'object');
}

/** Every problem of every object; empty when the manifest passes the schema, unknown-field and name checks. */
export function validateManifest(text: string): ManifestProblem[] {
  return validateObjects(parseManifest(text));
}

export function validateObjects(objects: readonly K8sObject[]): ManifestProblem[] {
  return [...objects.flatMap(schemaProblems), ...unknownFieldProblems(objects), ...objects.flatMap(nameProblems)];
}

export function describe(o: K8sObject): string {
  return `${o.kind ?? '?'}/${o.metadata?.name ?? '?'}`;
}

// ---------------------------------------------------------------------------------------------------------
// schema: kubernetes-models (Kubernetes 1.27)

function schemaProblems(o: K8sObject): ManifestProblem[] {
  const object = describe(o);
  if (typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') {
    return [{ object, path: '', check: 'schema', message: 'apiVersion and kind are required' }];
  }
  let Model: new (data: unknown) => { validate(): void };
  try {
    const mod = require(`kubernetes-models/${o.apiVersion}/${o.kind}`) as Record<string, typeof Model>;
    Model = mod[o.kind];
    if (!Model) throw new Error('no such model');
  } catch {
    return [{ object, path: '', check: 'schema', message: `no Kubernetes 1.27 API ${o.apiVersion} ${o.kind}` }];
  }
  try {
    new Model(o).validate();
    return [];
  } catch (e) {
    const errors = (e as { errors?: { instancePath?: string; message?: string; params?: unknown }[] }).errors;
    if (!errors) throw e;
    return errors.map((err) => ({
      object,
      path: err.instancePath ?? '',
      check: 'schema' as const,
      message: `${err.message ?? 'invalid'}${err.params ? ` ${JSON.stringify(err.params)}` : ''}`,
    }));
  }
}

// ---------------------------------------------------------------------------------------------------------
// unknown fields: round trip through @kubernetes/client-node's typed models

const ROUND_TRIP = `
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const models = await import('@kubernetes/client-node/dist/gen/models/ObjectSerializer.js');
  const { ObjectSerializer } = models;
  const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const out = input.map(({ type, object }) => {
    if (typeof models[type] !== 'function') return { error: 'no typed model ' + type };
    try {
      return { object: ObjectSerializer.serialize(ObjectSerializer.deserialize(object, type), type) };
    } catch (e) {
      return { error: String(e && e.message || e) };
    }
  });
  process.stdout.write(JSON.stringify(out));
});
`;

/** The client-node model of a kind: `V1Deployment`. */
function typeName(o: K8sObject): string {
  const version = String(o.apiVersion).split('/').pop() ?? '';
  return `${version.charAt(0).toUpperCase()}${version.slice(1)}${o.kind}`;
}

function unknownFieldProblems(objects: readonly K8sObject[]): ManifestProblem[] {
  if (objects.length === 0) return [];
  const input = objects.map((object) => ({ type: typeName(object), object }));
  const run = spawnSync(process.execPath, ['-e', ROUND_TRIP], {
    input: JSON.stringify(input),
    cwd: __dirname,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    throw new Error(
      `the @kubernetes/client-node round trip failed (is it installed? npm ci): ${run.error?.message ?? ''}${run.stderr}`,
    );
  }
  const results = JSON.parse(run.stdout) as { object?: unknown; error?: string }[];
  return objects.flatMap((o, i) => {
    const r = results[i];
    if (r.error) return [{ object: describe(o), path: '', check: 'unknown-field' as const, message: `client-node: ${r.error}` }];
    return lost(o, r.object, '').map((path) => ({
      object: describe(o),
      path,
      check: 'unknown-field' as const,
      message: `unknown field ${path.split('/').pop()}`,
    }));
  });
}

/** Paths that are in `before` and not in `after`. */
function lost(before: unknown, after: unknown, path: string): string[] {
  if (Array.isArray(before)) {
    if (!Array.isArray(after)) return [path];
    return before.flatMap((v, i) => lost(v, after[i], `${path}/${i}`));
  }
  if (before !== null && typeof before === 'object') {
    if (after === null || typeof after !== 'object') return [path];
    const a = after as Record<string, unknown>;
    return Object.entries(before as Record<string, unknown>).flatMap(([k, v]) =>
      k in a && a[k] !== undefined ? lost(v, a[k], `${path}/${escape(k)}`) : [`${path}/${escape(k)}`],
    );
  }
  return [];
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

// ---------------------------------------------------------------------------------------------------------
// names (RFC 1123 and the label syntax)

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

const isLabel = (s: unknown) => typeof s === 'string' && s.length <= 63 && DNS_LABEL.test(s);
const isSubdomain = (s: unknown) => typeof s === 'string' && s.length <= 253 && DNS_SUBDOMAIN.test(s);

function isQualifiedKey(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1];
  return name.length <= 63 && QUALIFIED.test(name) && (parts.length === 1 || isSubdomain(parts[0]));
}

function isLabelValue(v: unknown): boolean {
  return typeof v === 'string' && (v === '' || (v.length <= 63 && QUALIFIED.test(v)));
}

function isPortName(s: unknown): boolean {
  return typeof s === 'string' && s.length <= 15 && IANA_SVC_NAME.test(s) && !s.includes('--') && /[a-z]/.test(s);
}

/** Kinds whose name is a DNS-1035 label; the others take a DNS-1123 subdomain. */
const LABEL_NAMED: Record<string, (s: unknown) => boolean> = {
  Service: (s) => typeof s === 'string' && s.length <= 63 && DNS_1035_LABEL.test(s),
  Namespace: isLabel,
  CronJob: (s) => isSubdomain(s) && String(s).length <= 52,
  Job: (s) => isSubdomain(s) && String(s).length <= 63,
};

function nameProblems(o: K8sObject): ManifestProblem[] {
  const object = describe(o);
  const out: ManifestProblem[] = [];
  const bad = (path: string, message: string) => out.push({ object, path, check: 'name', message });
  const metadata = (o.metadata ?? {}) as Record<string, unknown>;
  const nameOk = LABEL_NAMED[String(o.kind)] ?? isSubdomain;
  if (!nameOk(metadata.name)) bad('/metadata/name', `invalid ${o.kind} name ${JSON.stringify(metadata.name)}`);
  if (metadata.namespace !== undefined && !isLabel(metadata.namespace)) bad('/metadata/namespace', `invalid namespace ${JSON.stringify(metadata.namespace)}`);
  walk(o, '', (value, path, key) => {
    if ((key === 'labels' || key === 'matchLabels' || (key === 'selector' && o.kind === 'Service' && path === '/spec/selector')) && isRecord(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (!isQualifiedKey(k)) bad(`${path}/${escape(k)}`, `invalid label key ${JSON.stringify(k)}`);
        if (!isLabelValue(v)) bad(`${path}/${escape(k)}`, `invalid label value ${JSON.stringify(v)}`);
      }
    }
    if (key === 'annotations' && isRecord(value)) {
      for (const k of Object.keys(value)) if (!isQualifiedKey(k)) bad(`${path}/${escape(k)}`, `invalid annotation key ${JSON.stringify(k)}`);
    }
    if (key === 'spec' && isRecord(value) && Array.isArray(value.containers)) podSpecNames(value, path, bad);
    if (o.kind === 'Service' && path === '/spec/ports' && Array.isArray(value)) {
      value.forEach((p, i) => {
        if (isRecord(p) && p.name !== undefined && !isLabel(p.name)) bad(`${path}/${i}/name`, `invalid Service port name ${JSON.stringify(p.name)}`);
      });
    }
  });
  return out;
}

function podSpecNames(spec: Record<string, unknown>, path: string, bad: (path: string, message: string) => void): void {
  const volumes = new Set<string>();
  (Array.isArray(spec.volumes) ? spec.volumes : []).forEach((v, i) => {
    const name = isRecord(v) ? v.name : undefined;
    if (!isLabel(name)) bad(`${path}/volumes/${i}/name`, `invalid volume name ${JSON.stringify(name)}`);
    if (typeof name === 'string') {
      if (volumes.has(name)) bad(`${path}/volumes/${i}/name`, `duplicate volume name ${name}`);
      volumes.add(name);
    }
  });
  const containerNames = new Set<string>();
  for (const list of ['initContainers', 'containers']) {
    (Array.isArray(spec[list]) ? (spec[list] as unknown[]) : []).forEach((c, i) => {
      if (!isRecord(c)) return;
      const at = `${path}/${list}/${i}`;
      if (!isLabel(c.name)) bad(`${at}/name`, `invalid container name ${JSON.stringify(c.name)}`);
      if (typeof c.name === 'string') {
        if (containerNames.has(c.name)) bad(`${at}/name`, `duplicate container name ${c.name}`);
        containerNames.add(c.name);
      }
      (Array.isArray(c.ports) ? c.ports : []).forEach((p, j) => {
        if (isRecord(p) && p.name !== undefined && !isPortName(p.name)) bad(`${at}/ports/${j}/name`, `invalid port name ${JSON.stringify(p.name)}`);
      });
      (Array.isArray(c.volumeMounts) ? c.volumeMounts : []).forEach((m, j) => {
        if (isRecord(m) && !volumes.has(String(m.name))) bad(`${at}/volumeMounts/${j}/name`, `mounts undeclared volume ${JSON.stringify(m.name)}`);
      });
    });
  }
  (Array.isArray(spec.imagePullSecrets) ? spec.imagePullSecrets : []).forEach((s, i) => {
    if (!isRecord(s) || !isSubdomain(s.name)) bad(`${path}/imagePullSecrets/${i}/name`, 'invalid Secret name');
  });
}

function walk(value: unknown, path: string, visit: (value: unknown, path: string, key: string) => void, key = ''): void {
  visit(value, path, key);
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}/${i}`, visit, key));
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) walk(v, `${path}/${escape(k)}`, visit, k);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
