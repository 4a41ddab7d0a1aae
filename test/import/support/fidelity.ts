import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, TargetName } from '../../../lib/diagnostics/diagnostic';
import { loadCompose, type ComposeImport } from '../../../lib/import/compose';
import type { JobSpec, ServiceSpec, SystemSpec } from '../../../lib/model/spec';
import { diagnoseApp } from '../../../lib/synth/diagnose';
import { loadTarget } from '../../../lib/synth/targets';
import type { TargetResult } from '../../../lib/targets/target';
import { CORPUS } from './import-kit';

/** Real-world Compose files, each in its own folder with its licence and SOURCE.md. */
export const REAL_CORPUS = path.join(CORPUS, 'real');

/** Every target a system renders to. */
export const ALL_TARGETS: readonly TargetName[] = ['compose', 'kubernetes', 'ecs', 'docker', 'swarm'];

/** Who answers for a loss: this importer and the model's concepts, or the concept of another issue. */
export type LossOwner = 'import' | 'secret-files' | 'project-binds';

/**
 * The warnings and infos that say a value of the Compose file is dropped, or changed into another one, on the
 * way to a target: the import's own, and each target's. A lint rule (advice about a value that is kept), a note
 * that a value is carried in another form (a restart policy a Deployment cannot honour, an image to push), and a
 * warning about what a host path means on a cluster are not losses.
 */
export const LOSS_CODES: ReadonlySet<string> = new Set([
  'import/unsupported-key',
  'import/unsupported-value',
  'import/external',
  'import/sidecar-key',
  'import/duration-rounded',
  'import/undeclared-ports',
  'import/secret-mode',
  'import/renamed',
  'import/network-driver',
  'import/network-option',
  'import/volume-driver',
  'compose/secret-file',
  'swarm/secret-file',
  'kubernetes/depends-on-no-port',
  'kubernetes/job-retries',
  'kubernetes/user-name',
  'kubernetes/relative-bind',
  'ecs/bind-mount-relative',
  'swarm/bind-relative',
  'kubernetes/stop-signal',
  'kubernetes/hostname-domain',
  'kubernetes/container-name',
  'kubernetes/alias-without-ports',
  'ecs/alias-without-ports',
  'ecs/alias-in-job',
  'ecs/stop-signal',
  'ecs/stop-timeout',
  'ecs/hostname',
  'kubernetes/placement',
  'kubernetes/max-replicas-per-node',
  'ecs/placement',
  'ecs/max-replicas-per-node',
  'ecs/global-service',
  'kubernetes/host-aliases',
  'ecs/extra-hosts',
  'kubernetes/ulimits',
  'ecs/ulimits-fargate',
  'swarm/devices',
  'kubernetes/device-by-path',
  'ecs/devices-fargate',
  'swarm/gpu-capabilities',
  'kubernetes/gpu-capabilities',
  'ecs/gpu-capabilities',
  'swarm/host-pid',
  'ecs/host-pid-fargate',
  'swarm/groups',
  'kubernetes/group-name',
  'ecs/groups',
  'ecs/dns-servers-awsvpc',
  'ecs/dns-search-awsvpc',
  'ecs/dns-options',
  'swarm/dns-options',
  'kubernetes/pids-limit',
  'ecs/pids-limit',
  'swarm/health-start-interval',
  'ecs/health-start-interval',
]);

/**
 * Losses that another concept answers for: secret files at the path the file names (`Mount.secret`) and project
 * files bound into a container (`ConfigFile`, `Mount.config`), which are not the import's to carry.
 */
export function ownerOf(code: string, keyPath: string): LossOwner {
  if (code === 'compose/secret-file' || code === 'swarm/secret-file') return 'secret-files';
  if (code === 'import/unsupported-value' && /(?:^secrets\.[^.]+\.file$|\.secrets\[\d+\]$)/.test(keyPath)) return 'secret-files';
  if (code === 'kubernetes/relative-bind' || code === 'ecs/bind-mount-relative' || code === 'swarm/bind-relative') return 'project-binds';
  return 'import';
}

/** One loss: its code, where, what, and who answers for it. */
export interface Loss {
  readonly code: string;
  readonly where: string;
  readonly message: string;
  readonly owner: LossOwner;
}

/** One corpus file imported and rendered on every target. */
export interface FidelityResult {
  readonly name: string;
  readonly imported: ComposeImport;
  readonly spec?: SystemSpec;
  readonly outputs: Partial<Record<TargetName, TargetResult>>;
  /** Every diagnostic that drops or changes a value, in the order found. */
  readonly losses: readonly Loss[];
  /** Errors of the import or of a target: a file that does not come through at all. */
  readonly errors: readonly string[];
}

/** The names of the real-world corpus folders, sorted. */
export function realCorpusNames(): string[] {
  return fs.readdirSync(REAL_CORPUS).filter((n) => fs.existsSync(path.join(REAL_CORPUS, n, 'compose.yaml'))).sort();
}

function isLoss(d: { readonly code: string; readonly severity: string }): boolean {
  return d.severity !== 'error' && LOSS_CODES.has(d.code);
}

/**
 * Swarm stack files (for `docker stack deploy`), each in its own folder with its licence and SOURCE.md: not in the
 * real corpus's count, because `docker compose up` and docker scripts cannot run them as written (replicas that
 * share one published port through Swarm's routing mesh).
 */
export const STACK_CORPUS = path.join(CORPUS, 'stacks');

/** Imports `<corpus>/<name>/compose.yaml` (that folder is the project root, no variables set) and renders every target. */
export async function fidelityOf(name: string, corpus = REAL_CORPUS): Promise<FidelityResult> {
  const dir = path.join(corpus, name);
  const imported = loadCompose({ file: path.join(dir, 'compose.yaml'), projectRoot: dir, env: {} });
  const losses: Loss[] = imported.diagnostics.filter(isLoss).map((d) => ({ code: d.code, where: d.keyPath, message: d.message, owner: ownerOf(d.code, d.keyPath) }));
  const errors: string[] = imported.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.keyPath}: ${d.message}`);
  const outputs: Partial<Record<TargetName, TargetResult>> = {};
  if (!imported.system) return { name, imported, outputs, losses, errors };
  const spec = imported.system.toSpec();
  const context = { projectRoot: dir, projectRootFromTargetDir: '../..' };
  const found: Diagnostic[] = [];
  for (const target of ALL_TARGETS) {
    const result = (await loadTarget(target).render(spec, context)) as TargetResult;
    outputs[target] = result;
    found.push(...result.diagnostics);
  }
  const kept = diagnoseApp(spec, ALL_TARGETS, found).kept;
  for (const d of kept) {
    if (d.severity === 'error') errors.push(`${d.code} ${d.path}: ${d.message}`);
    else if (isLoss(d)) losses.push({ code: d.code, where: d.path, message: d.message, owner: ownerOf(d.code, d.path) });
  }
  return { name, imported, spec, outputs, losses, errors };
}

/** The main file a target wrote for a corpus file: the Compose or stack file, the docker script, the Kubernetes manifest, the ECS template. */
export function outputText(r: FidelityResult, target: TargetName): string {
  return r.outputs[target]?.files.find((f) => !f.path.endsWith('manifest.json') && (target !== 'ecs' || f.path.endsWith('.template.json')))?.content ?? '';
}

/** The service or job `id` of a corpus file's spec. */
export function workloadOf(r: FidelityResult, id: string): ServiceSpec | JobSpec {
  const w = [...(r.spec?.services ?? []), ...(r.spec?.jobs ?? [])].find((x) => x.name === id);
  if (!w) throw new Error(`no service or job ${id} in ${r.name}`);
  return w;
}

/** The code of every diagnostic of the import and of every target, in the order found. */
export function codesOf(r: FidelityResult): string[] {
  return [...r.imported.diagnostics.map((d) => d.code), ...ALL_TARGETS.flatMap((t) => (r.outputs[t]?.diagnostics ?? []).map((d) => d.code))];
}
