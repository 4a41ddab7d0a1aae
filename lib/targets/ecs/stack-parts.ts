import { createHash } from 'crypto';
import { Reporter } from '../../diagnostics/reporter';
import type { SystemSpec } from '../../model/spec';
import { partDiagnostics, workloadsPerPart, type PartJoiner } from '../../synth/parts';
import type { TargetFile, TargetPart, TargetResult } from '../target';
import { ECS_CODES } from './codes';
import { stackNameOf } from './names';
import { checkStackLimits, measureTemplate } from './stack-limits';
import { bucketStackName, planStacks } from './stack-plan';

/**
 * A split system (stack-plan.ts) rendered in parts, one per thread: each part builds the main stack whole and the
 * workload stacks of a contiguous run of buckets, and the parts are joined into the cloud assembly of a serial
 * render, byte for byte. This module loads no aws-cdk-lib: the thread that joins renders nothing.
 */

/**
 * How many parts a system renders in on `threads` threads: one per thread, at most one per bucket and one per
 * workloadsPerPart() services and jobs (lib/synth/parts.ts); 1 unless split.
 */
function partsOf(spec: SystemSpec, threads: number): number {
  const plan = planStacks(spec);
  const bySize = Math.floor((spec.services.length + spec.jobs.length) / workloadsPerPart());
  return plan.split && plan.buckets.length >= 2 ? Math.max(1, Math.min(threads, plan.buckets.length, bySize)) : 1;
}

/** The buckets of each of `count` parts: contiguous runs in plan order, about as many workloads in each. */
export function partBuckets(spec: SystemSpec, count: number): string[][] {
  const plan = planStacks(spec);
  const sizes = new Map<string, number>(plan.buckets.map((key) => [key, 0]));
  for (const key of plan.bucketOf.values()) sizes.set(key, sizes.get(key)! + 1);
  const out: string[][] = [];
  let at = 0;
  let left = plan.bucketOf.size;
  for (let part = 0; part < count; part++) {
    const partsLeft = count - part;
    const share = left / partsLeft;
    const run: string[] = [];
    let size = 0;
    // a bucket joins the run while its middle is within the part's share, leaving a bucket for each later part
    while (at < plan.buckets.length && (run.length === 0 || partsLeft === 1 || (plan.buckets.length - at >= partsLeft && size + sizes.get(plan.buckets[at])! / 2 <= share))) {
      const key = plan.buckets[at++];
      run.push(key);
      size += sizes.get(key)!;
    }
    left -= size;
    out.push(run);
  }
  return out;
}

type Json = Record<string, unknown>;

/**
 * `into`'s entries with those of `from` that it lacks, placed after the last entry of `into` that is `inSection`:
 * what aws-cdk-lib adds for the stacks of a later part (the main stack's exports, the workload stacks' artifacts)
 * it adds after what it adds for those of earlier parts, as the consumers come later in the construct tree.
 */
function mergeAfter(into: Json, from: Json, inSection: (key: string) => boolean, what: string): Json {
  const added = Object.keys(from).filter((key) => !(key in into));
  if (added.length === 0) return into;
  const keys = Object.keys(into);
  const last = keys.reduce((at, key, i) => (inSection(key) ? i : at), -1);
  const stray = added.find((key) => !inSection(key));
  if (last < 0 || stray !== undefined) throw new Error(`the parts of ${what} do not join: ${stray ?? added[0]} has no place`);
  const order = [...keys.slice(0, last + 1), ...added, ...keys.slice(last + 1)];
  return Object.fromEntries(order.map((key) => [key, key in into ? into[key] : from[key]]));
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The main stack's template asset renamed after its joined content, as aws-cdk-lib's DefaultStackSynthesizer names
 * it: the SHA-256 of the template file, and each destination keyed by the first 8 hex digits of the SHA-256 of its
 * JSON. Returns the asset manifest and the old and new hash.
 */
function renameTemplateAsset(assets: Json, templateFile: string, template: string): { assets: Json; from: string; to: string } {
  const files = assets.files as Record<string, { source: { path?: string }; destinations: Record<string, { objectKey: string }> }>;
  const from = Object.keys(files).find((hash) => files[hash].source.path === templateFile);
  if (from === undefined) throw new Error(`no asset holds ${templateFile}`);
  const to = sha256(template);
  const asset = files[from];
  const destinations = Object.fromEntries(
    Object.entries(asset.destinations).map(([key, dest]) => {
      const renamed = { ...dest, objectKey: dest.objectKey.replace(from, to) };
      return [`${key.replace(/-[0-9a-f]{8}$/, '')}-${sha256(JSON.stringify(renamed)).slice(0, 8)}`, renamed];
    }),
  );
  const renamedFiles = Object.fromEntries(Object.entries(files).map(([hash, a]) => (hash === from ? [to, { ...asset, destinations }] : [hash, a])));
  return { assets: { ...assets, files: renamedFiles }, from, to };
}

/**
 * Joins the parts: the workload stacks' files as their parts made them; the main stack's template, metadata and
 * asset manifest, and the assembly's manifest, from the first part with what the later parts added (exports, their
 * stacks' artifacts), the template asset renamed after the joined template; and the main stack, whose exports are
 * now all known, measured against CloudFormation's limits.
 */
function join(spec: SystemSpec, parts: readonly TargetPart[]): TargetResult {
  const found = partDiagnostics(parts);
  if (found.some((d) => d.severity === 'error')) return { files: [], diagnostics: found };
  const main = stackNameOf(spec.name);
  const at = (name: string) => `${spec.name}/${name}`;
  const files = new Map<string, string>();
  for (const part of parts) for (const f of part.files) if (!files.has(f.path)) files.set(f.path, f.content);
  const fileOf = (part: TargetPart, name: string): Json => JSON.parse(part.files.find((f) => f.path === at(name))!.content) as Json;
  const templateFile = `${main}.template.json`;
  const metadataFile = `${main}.metadata.json`;
  const isExport = (key: string) => key.startsWith('ExportsOutput');
  const isExportPath = (key: string) => key.startsWith(`/${main}/Exports/`);
  const isWorkloadArtifact = (key: string) => key.startsWith(bucketStackName(main, ''));
  let template = fileOf(parts[0], templateFile);
  let metadata = fileOf(parts[0], metadataFile);
  let manifest = fileOf(parts[0], 'manifest.json');
  for (const part of parts.slice(1)) {
    template = { ...template, Outputs: mergeAfter(template.Outputs as Json, fileOf(part, templateFile).Outputs as Json, isExport, `${main}'s outputs`) };
    metadata = mergeAfter(metadata, fileOf(part, metadataFile), isExportPath, `${main}'s metadata`);
    manifest = { ...manifest, artifacts: mergeAfter(manifest.artifacts as Json, fileOf(part, 'manifest.json').artifacts as Json, isWorkloadArtifact, 'the manifest') };
  }
  const templateText = JSON.stringify(template, undefined, 1);
  const renamed = renameTemplateAsset(fileOf(parts[0], `${main}.assets.json`), templateFile, templateText);
  const artifacts = manifest.artifacts as Record<string, { properties: { stackTemplateAssetObjectUrl: string } }>;
  const mainArtifact = artifacts[main];
  const url = mainArtifact.properties.stackTemplateAssetObjectUrl.replace(renamed.from, renamed.to);
  manifest = { ...manifest, artifacts: { ...artifacts, [main]: { ...mainArtifact, properties: { ...mainArtifact.properties, stackTemplateAssetObjectUrl: url } } } };
  files.set(at(templateFile), templateText);
  files.set(at(metadataFile), JSON.stringify(metadata, undefined, 2));
  files.set(at(`${main}.assets.json`), JSON.stringify(renamed.assets, undefined, 2));
  files.set(at('manifest.json'), JSON.stringify(manifest, undefined, 2));
  const d = new Reporter(ECS_CODES, 'ecs');
  checkStackLimits(spec.name, [{ ...measureTemplate(main, templateText), contents: { kind: 'shared', spec } }], d);
  const diagnostics = partDiagnostics([{ files: [], diagnostics: found }, { files: [], diagnostics: d.diagnostics }]);
  if (d.hasErrors) return { files: [], diagnostics };
  const out: TargetFile[] = [...files].map(([path, content]) => ({ path, content }));
  return { files: out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), diagnostics };
}

export const ecsJoiner: PartJoiner = {
  partsOf,
  join: (spec, _context, parts) => join(spec, parts),
};
