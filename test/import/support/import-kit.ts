import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCompose, type ComposeImport, type LoadComposeOptions } from '../../../lib/import/compose';
import type { SystemSpec } from '../../../lib/model/spec';
import { composeTarget } from '../../../lib/targets/compose';
import type { TargetResult } from '../../../lib/targets/target';

/** The repository root: relative build contexts and bind mounts start here. */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The Compose files the import is tried on. */
export const CORPUS = path.join(ROOT, 'test', 'import', 'corpus');
/** The Compose files written for the import's tests, one folder each (real/ and stacks/ hold files from elsewhere). */
export function syntheticCorpusNames(): string[] {
  return fs.readdirSync(CORPUS).filter((n) => n !== 'real' && n !== 'stacks').sort();
}
/** Where synth writes each target: the project root is two folders up. */
export const CONTEXT = { projectRoot: ROOT, projectRootFromTargetDir: '../..' } as const;

/** The compose file the Compose target writes for a spec. */
export function composeText(spec: SystemSpec): string {
  const result = composeTarget.render(spec, CONTEXT) as TargetResult;
  const file = result.files.find((f) => f.path === `${spec.name}/compose.yaml`);
  if (!file) throw new Error(`no compose file for ${spec.name}: ${JSON.stringify(result.diagnostics)}`);
  return file.content;
}

/** Imports a compose file as if it were at dist/compose/<app>/compose.yaml of this project, with no variables set. */
export function importRendered(content: string, app: string): ComposeImport {
  return loadCompose({ file: path.join(ROOT, 'dist', 'compose', app, 'compose.yaml'), content, projectRoot: ROOT, env: {} });
}

/** Imports `test/import/corpus/<name>/compose.yaml` with that folder as the project root and no variables set. */
export function importCorpus(name: string, options: Partial<LoadComposeOptions> = {}): ComposeImport {
  const dir = path.join(CORPUS, name);
  return loadCompose({ file: path.join(dir, 'compose.yaml'), projectRoot: dir, env: {}, ...options });
}

/** Imports a compose text written inline in a test, from a file in an empty folder. */
export function importText(content: string, options: Partial<LoadComposeOptions> = {}): ComposeImport {
  const dir = path.join(ROOT, 'test', 'import', 'support', 'inline'); // does not exist: no .env or env_file is found
  return loadCompose({ file: path.join(dir, 'compose.yaml'), content, projectRoot: dir, env: {}, name: 'inline', ...options });
}

/** `code keyPath` of every diagnostic, to compare a whole import at a glance. */
export function findings(imported: ComposeImport): string[] {
  return imported.diagnostics.map((d) => `${d.code} ${d.keyPath}`);
}

type Json = any;

/**
 * The spec that survives a trip through a compose file: what the compose-spec has no key for is set to the model's
 * default. Volume sizes and storage classes, the variable of a secret kept in a file, size limits of non-tmpfs
 * ephemeral volumes, the http marking of a port no http health check probes, job schedules, existing secret names
 * and keys, registry credentials, lint suppressions, and the Swarm, Kubernetes and ECS options, except two the
 * import chooses: the ECS launch type (EC2 for a system with bind mounts, privileged containers or host
 * networking, which Fargate cannot run) and the Swarm secrets (`env` for secret env the file reads from variables).
 */
export function whatComposeKeeps(spec: SystemSpec): SystemSpec {
  const s: Json = JSON.parse(JSON.stringify(spec));
  for (const v of s.volumes) {
    v.sizeBytes = 1024 ** 3;
    delete v.storageClass;
  }
  for (const secret of s.secrets) {
    delete secret.existingName;
    secret.key = 'value';
    // a secrets file carries no variable name
    if (s.options.compose.secrets === 'files') secret.envName = secret.name.toUpperCase().replace(/-/g, '_');
  }
  s.options.kubernetes = { networkPolicies: true, fixedPortServiceType: 'LoadBalancer' };
  const workloads: Json[] = [...s.services, ...s.jobs];
  const needsHost = workloads.some(
    (w) => w.hostNetwork || [w.main, ...w.sidecars].some((c: Json) => c.privileged || c.mounts.some((m: Json) => m.kind === 'bind')),
  );
  s.options.ecs = { launchType: needsHost ? 'ec2' : 'fargate', logRetentionDays: 30, containerInsights: false, vpcFlowLogs: false };
  // secret env that the file reads from variables stays variables on Swarm, as the import sets it
  const readsVariables = s.options.compose.secrets === 'env' && workloads.some((w) => [w.main, ...w.sidecars].some((c: Json) => c.secretEnv.length > 0));
  s.options.swarm = { secrets: readsVariables ? 'env' : 'files' };
  for (const w of [...s.services, ...s.jobs]) {
    delete w.schedule;
    w.suppressions = [];
    for (const c of [w.main, ...w.sidecars]) {
      delete c.image.credentials;
      for (const m of c.mounts) if (m.kind === 'ephemeral' && !m.tmpfs) delete m.sizeLimitBytes;
    }
    const health = w.main.health;
    w.main.ports = w.main.ports.map((p: Json) => {
      if (p.appProtocol !== 'http' || (health?.kind === 'http' && health.port === p.containerPort)) return p;
      const { appProtocol: _, ...rest } = p;
      return { ...rest, name: `${p.protocol}-${p.containerPort}` };
    });
    w.main.ports = [...w.main.ports.filter((p: Json) => p.publish !== 'none'), ...w.main.ports.filter((p: Json) => p.publish === 'none')];
  }
  return s;
}
