import { PLACEMENT_LABEL } from '../../model/placement';
import type { PlacementConstraintSpec } from '../../model/spec';
import { asMap, asNumber, asSeq, asString, at, entry, reportUnhandled, type ImportContext } from './context';
import type { LocatedMap } from './located';
import type { PlacementPlan } from './plan';

/** Swarm's attributes, by the model's kind; labels take the rest of the name. */
const ATTRIBUTES: ReadonlyArray<readonly [prefix: string, kind: PlacementConstraintSpec['kind']]> = [
  ['node.labels.', 'node-label'],
  ['engine.labels.', 'engine-label'],
  ['node.hostname', 'hostname'],
  ['node.id', 'node-id'],
  ['node.role', 'role'],
  ['node.platform.os', 'os'],
  ['node.platform.arch', 'arch'],
];

/** The values a node reports, by the model's: `uname -m` names the architectures. */
const VALUES: Partial<Record<PlacementConstraintSpec['kind'], Readonly<Record<string, string>>>> = {
  role: { manager: 'manager', worker: 'worker' },
  os: { linux: 'linux', windows: 'windows' },
  arch: { x86_64: 'amd64', amd64: 'amd64', aarch64: 'arm64', arm64: 'arm64' },
};

/** One Swarm rule (`node.labels.zone == eu-1`), or why the model cannot hold it. */
function constraintOf(text: string): PlacementConstraintSpec | string {
  const m = /^\s*([^\s=!]+)\s*(==|!=)\s*(.*?)\s*$/.exec(text);
  if (!m) return 'is not `<attribute> == <value>` or `<attribute> != <value>`';
  const [, attribute, operator, written] = m;
  const known = ATTRIBUTES.find(([prefix]) => (prefix.endsWith('.') ? attribute.startsWith(prefix) && attribute.length > prefix.length : attribute === prefix));
  if (!known) return `names ${attribute}, which is not an attribute Swarm places on (node.labels.*, engine.labels.*, node.hostname, node.id, node.role, node.platform.os, node.platform.arch)`;
  const [prefix, kind] = known;
  const label = prefix.endsWith('.') ? attribute.slice(prefix.length) : undefined;
  if (label !== undefined && !PLACEMENT_LABEL.test(label)) return `names the label ${label}, which is not letters, digits, ., _, / and -`;
  const choices = VALUES[kind];
  const value = choices ? choices[written.toLowerCase()] : written;
  if (value === undefined) return `compares ${attribute} with ${written}, which is not one of ${Object.keys(choices ?? {}).join(', ')}`;
  if (value === '' || /[=!]/.test(value)) return `compares ${attribute} with ${JSON.stringify(written)}, which is not a value the model holds`;
  return { kind, ...(label !== undefined ? { label } : {}), operator: operator as '==' | '!=', value };
}

/**
 * `deploy.placement`: the constraints, each as a typed rule; the spread preferences over node labels; the cap per
 * node. A rule the model cannot hold is left out with a warning that says the service may run on any node.
 */
export function placementOf(ctx: ImportContext, deploy: LocatedMap, deployPath: string): PlacementPlan | undefined {
  const e = entry(deploy, 'placement');
  if (!e) return undefined;
  const p = `${deployPath}.placement`;
  const map = asMap(ctx, e.value, p);
  reportUnhandled(ctx, map, p, new Set(['constraints', 'preferences', 'max_replicas_per_node']));
  const constraints: PlacementConstraintSpec[] = [];
  const c = entry(map, 'constraints');
  if (c) {
    asSeq(ctx, c.value, `${p}.constraints`).items.forEach((item, i) => {
      const keyPath = `${p}.constraints[${i}]`;
      const text = asString(ctx, item, keyPath);
      const rule = constraintOf(text);
      if (typeof rule === 'string') {
        ctx.reporter.report('import/unsupported-value', at(ctx, keyPath, item.line), `the constraint ${JSON.stringify(text)} ${rule}: it is left out, and the service may run on any node.`);
      } else constraints.push(rule);
    });
  }
  const spread: string[] = [];
  const prefs = entry(map, 'preferences');
  if (prefs) {
    asSeq(ctx, prefs.value, `${p}.preferences`).items.forEach((item, i) => {
      const keyPath = `${p}.preferences[${i}]`;
      const pref = asMap(ctx, item, keyPath);
      reportUnhandled(ctx, pref, keyPath, new Set(['spread']));
      const s = entry(pref, 'spread');
      if (!s) return;
      const text = asString(ctx, s.value, `${keyPath}.spread`).trim();
      const label = text.startsWith('node.labels.') ? text.slice('node.labels.'.length) : undefined;
      if (label === undefined || !PLACEMENT_LABEL.test(label)) {
        ctx.reporter.report('import/unsupported-value', at(ctx, `${keyPath}.spread`, s.line), `spread over ${text} is not a spread over a node label (node.labels.<name>): it is left out, and each target spreads the replicas its own way.`);
      } else if (!spread.includes(label)) spread.push(label);
    });
  }
  const max = entry(map, 'max_replicas_per_node');
  // 0 is Swarm's way of saying no limit
  const maxReplicasPerNode = max ? asNumber(ctx, max.value, `${p}.max_replicas_per_node`) || undefined : undefined;
  if (constraints.length === 0 && spread.length === 0 && maxReplicasPerNode === undefined) return undefined;
  return { constraints, spread, ...(maxReplicasPerNode !== undefined ? { maxReplicasPerNode } : {}) };
}

/** The factory of `Placement` that makes a rule, and its arguments, for the built system and the written app alike. */
export function placementFactory(c: PlacementConstraintSpec): { readonly name: 'nodeLabel' | 'engineLabel' | 'hostname' | 'nodeId' | 'role' | 'os' | 'arch'; readonly args: readonly string[] } {
  switch (c.kind) {
    case 'node-label':
      return { name: 'nodeLabel', args: [c.label as string, c.value] };
    case 'engine-label':
      return { name: 'engineLabel', args: [c.label as string, c.value] };
    case 'node-id':
      return { name: 'nodeId', args: [c.value] };
    default:
      return { name: c.kind, args: [c.value] };
  }
}
