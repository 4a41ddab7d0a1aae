import * as fs from 'fs';
import * as path from 'path';
import { ModelError, type System } from '../../model';
import { Reporter } from '../../diagnostics/reporter';
import { buildSystem } from './build-system';
import { IMPORT_CODES } from './codes';
import { asMap, asString, at, entry, fail, located, type ImportContext, type ImportDiagnostic } from './context';
import { parseDotenv } from './dotenv';
import { resolveExtends } from './extends';
import { inferPorts, reportPortless } from './inferred-ports';
import type { LocatedMap } from './located';
import { NameTable } from './names';
import { rewriteRenamedHosts } from './renamed-hosts';
import { parseComposeText } from './parse';
import type { ConfigFilePlan, ImportPlan, SourceRef, WorkloadPlan } from './plan';
import { planWorkloads } from './plan-workloads';
import { inActiveProfiles, reportNoActiveService } from './profiles';
import { MAX_INPUT_BYTES, readInput } from './read-input';
import { SecretRegistry } from './secrets';
import { bindsToConfigFiles, type BindLocator } from './config-files';
import { declareConfigs, withServiceConfigs } from './configs';
import { DataFolders } from './data-folders';
import { declareNetworks, declareSecrets, declareVolumes, type DeclaredVolume } from './top-level';
import { shareVolumesFrom } from './volumes-from';
import { VolumeNames } from './volume-names';
import type { VolumeResolver } from './mounts';
import { awaitedServices } from './awaited-services';
import { convertService, sidecarTarget, type ConvertedService, type ServiceInput } from './workload';
import { refuseVersionOne } from './version-one';
import { withProjectFolder } from './working-directory';
import { composeProjectName, PROJECT_NAME_VARIABLE } from './project-name';

export interface LoadComposeOptions {
  /** The compose file. */
  readonly file: string;
  /** Its content; read from `file` when omitted. */
  readonly content?: string;
  /** Variables for interpolation, before those of `.env` beside the file. @default {} */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where the model's relative paths start. @default process.cwd() */
  readonly projectRoot?: string;
  /** The System's name. @default COMPOSE_PROJECT_NAME, else the file's `name`, else its folder's name */
  readonly name?: string;
  /** Profiles to include; `*` for all. @default COMPOSE_PROFILES from `env`, else none */
  readonly profiles?: readonly string[];
  /**
   * Variables of `env` whose value may be written into the outputs as it is. Any other variable of `env` that the
   * file reads becomes a Secret (an environment value) or is refused (anywhere else).
   * @default - none
   */
  readonly allowHostVariables?: readonly string[];
  /** Whether `env_file` and `extends.file` may name files outside the folder of the Compose file. @default false */
  readonly allowOutsideFiles?: boolean;
}

export interface ComposeImport {
  /** The imported system; its `toSpec()` is what every target renders. Undefined when an error stopped the import. */
  readonly system?: System;
  /** What `lading import` writes as TypeScript. */
  readonly plan: ImportPlan;
  readonly diagnostics: readonly ImportDiagnostic[];
}

const TOP_HINTS: Record<string, string> = {
  include: 'Merge the files first with `docker compose config` and import the result.',
};

/**
 * Loads a compose-spec file into the model: a plan of constructs, the System built from it, and a diagnostic for
 * every key or value the model cannot hold. Throws ComposeFileError when the file cannot be read at all.
 */
export function loadCompose(options: LoadComposeOptions): ComposeImport {
  const file = options.file;
  const display = path.relative(process.cwd(), path.resolve(file)) || file;
  const fileDir = path.dirname(path.resolve(file));
  const self = { display: 'the file', keyPath: '', line: 0 };
  const content = options.content === undefined ? readInput({ file: display }, file, self) : checkedContent(display, options.content);
  const dotenvFile = path.join(fileDir, '.env');
  const env = options.env ?? {};
  const allowed = new Set(options.allowHostVariables ?? []);
  // a host variable enters a .env value only when allowed, as it enters the file's own values
  const dotenv = fs.existsSync(dotenvFile) ? parseDotenv(readInput({ file: display }, dotenvFile, { display: '.env', keyPath: '', line: 0 }), (n) => (allowed.has(n) ? env[n] : undefined)).values : {};
  const variables = withProjectFolder(env, dotenv, allowed);
  // Compose exposes the project name to interpolation as COMPOSE_PROJECT_NAME once it is known
  let projectVariable: string | undefined;
  const lookup = (name: string): string | undefined => variables.lookup(name) ?? (name === PROJECT_NAME_VARIABLE ? projectVariable : undefined);
  const ctx: ImportContext = {
    file: display,
    fileDir,
    projectRoot: path.resolve(options.projectRoot ?? process.cwd()),
    projectName: '',
    lookup,
    fromHost: variables.fromHost,
    projectFolder: variables.projectFolder,
    allowOutsideFiles: options.allowOutsideFiles ?? false,
    reporter: new Reporter(IMPORT_CODES),
    unset: new Set(),
  };
  const top = parseComposeText(ctx, content);
  const names = new NameTable(ctx);
  const version = top.entries.get('version');
  if (version) {
    ctx.reporter.report(
      'import/obsolete-version',
      at(ctx, 'version', version.line),
      'version is obsolete in the compose-spec: it has no effect and is left out.',
    );
  }
  refuseVersionOne(ctx, top);
  for (const [key, e] of top.entries) {
    if (!['version', 'name', 'services', 'networks', 'volumes', 'secrets', 'configs'].includes(key) && !key.startsWith('x-')) {
      ctx.reporter.report('import/unsupported-key', at(ctx, key, e.line), `${key} has no equivalent in the model: it is left out.`, TOP_HINTS[key]);
    }
  }
  const nameEntry = entry(top, 'name');
  // Compose's order: the option, COMPOSE_PROJECT_NAME, the file's name, the folder's name
  const rawName = options.name ?? lookup(PROJECT_NAME_VARIABLE) ?? (nameEntry ? asString(ctx, nameEntry.value, 'name') : path.basename(fileDir));
  projectVariable = composeProjectName(rawName);
  const projectName = names.claim('system', rawName, 'name', nameEntry?.line ?? 0);
  ctx.projectName = projectName;

  const servicesEntry = entry(top, 'services');
  if (!servicesEntry) fail(ctx, 'services', 0, 'a compose file needs services');
  const rawServices = asMap(ctx, servicesEntry.value, 'services');
  const serviceMaps = new Map<string, LocatedMap>();
  for (const [name, e] of rawServices.entries) serviceMaps.set(name, { ...asMap(ctx, e.value, `services.${name}`), line: e.line });
  const resolved = resolveExtends(ctx, serviceMaps);
  const active = new Set(options.profiles ?? (lookup('COMPOSE_PROFILES') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''));
  const inputs: ServiceInput[] = [];
  for (const [name, map] of resolved) {
    if (!inActiveProfiles(ctx, name, map, active)) continue;
    const keyPath = `services.${name}`;
    const sidecarOf = sidecarTarget(ctx, map, keyPath);
    inputs.push({ composeName: name, keyPath, map, ...(sidecarOf !== undefined ? { sidecarOf } : {}) });
  }
  reportNoActiveService(ctx, resolved, inputs.length, servicesEntry.line);
  const skipped = new Set([...resolved.keys()].filter((n) => !inputs.some((i) => i.composeName === n)));
  for (const input of inputs) if (input.sidecarOf === undefined) names.claim('service', input.composeName, input.keyPath, input.map.line);

  const topNetworks = entry(top, 'networks');
  const declaredNetworks = declareNetworks(ctx, topNetworks ? asMap(ctx, topNetworks.value, 'networks') : undefined, names);
  const topVolumes = entry(top, 'volumes');
  const volumeNames = new VolumeNames(ctx, names, rawName);
  const declaredVolumes = declareVolumes(ctx, topVolumes ? asMap(ctx, topVolumes.value, 'volumes') : undefined, volumeNames);
  const secrets = new SecretRegistry(ctx, names);
  const topSecrets = entry(top, 'secrets');
  declareSecrets(ctx, topSecrets ? asMap(ctx, topSecrets.value, 'secrets') : undefined, secrets);
  const dataFolders = new DataFolders(ctx, names);
  const volumes: VolumeResolver = {
    named: (composeName, keyPath, line): DeclaredVolume => {
      const known = declaredVolumes.get(composeName);
      if (known) return known;
      const id = volumeNames.claim(composeName, keyPath, line);
      declaredVolumes.set(composeName, id);
      ctx.reporter.report(
        'import/undeclared-volume',
        at(ctx, keyPath, line),
        `volume ${composeName} is not declared under the top-level volumes: it is imported as a persistent volume.`,
        `Declare it: volumes: { ${composeName}: {} }.`,
      );
      return id;
    },
    bind: (mount, keyPath, line) => dataFolders.note(mount, keyPath, line),
    settle: (mounts) => dataFolders.settle(mounts),
  };

  const awaited = awaitedServices(inputs);
  const read: ConvertedService[] = inputs
    .map((input) => convertService(ctx, input, volumes, secrets, awaited))
    .map((c) => ({ ...c, container: { ...c.container, mounts: dataFolders.shareReadOnly(c.container.mounts) } }));
  inferPorts(ctx, read);
  reportPortless(ctx, read);
  const withShared = shareVolumesFrom(ctx, rewriteRenamedHosts(ctx, read, names), skipped);
  const topConfigs = entry(top, 'configs');
  const declaredConfigs = declareConfigs(ctx, topConfigs ? asMap(ctx, topConfigs.value, 'configs') : undefined, names);
  const serviceByPath = new Map(inputs.map((i) => [i.keyPath, i.map]));
  const { configFiles, ...planned } = withConfigFiles(ctx, planWorkloads(ctx, withShared, { declaredNetworks, skipped, names }), names, (m) => dataFolders.writtenAt(m));
  planned.workloads = withServiceConfigs(ctx, planned.workloads, serviceByPath, declaredConfigs);
  configFiles.push(...declaredConfigs.values());
  configFiles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ec2 = needsEc2(planned.workloads);
  if (ec2) {
    ctx.reporter.report(
      'import/ecs-ec2',
      at(ctx, ec2.source.keyPath, ec2.source.line),
      `${ec2.what} runs on ECS only with the EC2 launch type: the system chooses it (targetOptions.ecs.launchType 'ec2').`,
      ec2.fix,
    );
  }
  const plan: ImportPlan = {
    name: projectName,
    ...(secrets.usesFiles ? { composeSecrets: 'files' as const } : {}),
    ...(secrets.readsVariables ? { swarmSecrets: 'env' as const } : {}),
    ...(ec2 ? { ecsLaunchType: 'ec2' as const } : {}),
    ...planned,
    volumes: [...volumeNames.plans([...declaredVolumes.values()].filter((v): v is string => typeof v === 'string')), ...dataFolders.plans()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    secrets: secrets.all(),
    ...(configFiles.length > 0 ? { configFiles } : {}),
  };
  if (secrets.usesFiles && secrets.firstVariableUse) {
    const use = secrets.firstVariableUse;
    ctx.reporter.report(
      'import/secret-mode',
      at(ctx, use.keyPath, use.line),
      'this system also uses Compose secrets, so on Compose this secret becomes a file under /run/secrets too, not an environment variable.',
      'Make the program read the file, or use one kind of secret.',
    );
  }
  if (ctx.reporter.hasErrors) return { plan, diagnostics: sorted(ctx) };
  const { system, errors } = buildSystem(plan, ctx.projectRoot);
  for (const e of errors) ctx.reporter.report('import/model-error', at(ctx, e.source.keyPath, e.source.line), e.message);
  if (errors.length === 0) {
    try {
      system.toSpec();
    } catch (e) {
      if (!ModelError.is(e)) throw e;
      for (const line of (e as Error).message.split('\n')) {
        const w = plan.workloads.find((x) => line.startsWith(`${projectName}/${x.id}`) && /[ /:]/.test(line.charAt(projectName.length + 1 + x.id.length)));
        ctx.reporter.report('import/model-error', at(ctx, w?.source.keyPath ?? 'services', w?.source.line ?? 0), line);
      }
    }
  }
  return { ...(ctx.reporter.hasErrors ? {} : { system }), plan, diagnostics: sorted(ctx) };
}

/** Linux capabilities a container on Fargate cannot add (it adds SYS_PTRACE, and Docker's defaults after dropping ALL). */
const FARGATE_REFUSED = new RegExp(
  '^(CAP_)?(ALL|AUDIT_CONTROL|AUDIT_READ|BLOCK_SUSPEND|BPF|CHECKPOINT_RESTORE|DAC_READ_SEARCH|IPC_LOCK|IPC_OWNER|LEASE|LINUX_IMMUTABLE|' +
    'MAC_ADMIN|MAC_OVERRIDE|NET_ADMIN|NET_BROADCAST|PERFMON|SYSLOG|SYS_ADMIN|SYS_BOOT|SYS_MODULE|SYS_NICE|SYS_PACCT|SYS_RAWIO|' +
    'SYS_RESOURCE|SYS_TIME|SYS_TTY_CONFIG|WAKE_ALARM)$',
  'i',
);

/**
 * The first workload that needs a Docker host of its own on ECS, why, and the fix: a workload given GPUs first, since
 * Fargate has none and no replacement of another reason would bring the system to Fargate.
 */
function needsEc2(workloads: readonly WorkloadPlan[]): { source: SourceRef; what: string; fix: string } | undefined {
  const replace = 'Replace it (a volume for a bind mount) to run on Fargate.';
  const gpu = workloads.find((w) => w.runtime.gpus);
  if (gpu) {
    const name = gpu.source.keyPath.split('.')[1];
    return { source: gpu.source, what: `${name} is given GPUs, which`, fix: `Keep the EC2 launch type: Fargate gives a task no GPUs, and on EC2 the ECS target runs ${name} on GPU container instances.` };
  }
  for (const w of workloads) {
    if (w.hostNetwork) return { source: w.source, what: `${w.id} uses the host network, which`, fix: replace };
    for (const [c, source] of [[w.container, w.source], ...w.sidecars.map((s) => [s.container, s.source] as const)] as const) {
      if (c.privileged) return { source, what: `${source.keyPath.split('.')[1]} runs privileged, which`, fix: replace };
      const added = (c.security?.capabilities?.add ?? []).find((cap) => FARGATE_REFUSED.test(cap));
      if (added) return { source, what: `${source.keyPath.split('.')[1]} adds the capability ${added}, which`, fix: replace };
      const bind = c.mounts.find((m) => m.kind === 'bind' && !m.inImage);
      if (bind) return { source, what: `the bind mount of ${bind.kind === 'bind' ? bind.source : ''} in ${source.keyPath.split('.')[1]}`, fix: replace };
    }
    if (w.runtime.hostPid) return { source: w.source, what: `${w.source.keyPath.split('.')[1]} shares the host's process namespace (pid: host), which`, fix: replace };
    if (w.global) return { source: w.source, what: `${w.source.keyPath.split('.')[1]} runs one copy on every node (deploy.mode: global), which`, fix: replace };
    if (w.runtime.devices) return { source: w.source, what: `${w.source.keyPath.split('.')[1]} is given the host device ${w.runtime.devices[0].split(':')[0]}, which`, fix: replace };
  }
  return undefined;
}

/** A Compose file given as text, checked as `readInput` checks one read from disk. */
function checkedContent(display: string, content: string): string {
  if (content.length > MAX_INPUT_BYTES / 4 && Buffer.byteLength(content) > MAX_INPUT_BYTES) {
    fail(
      { file: display },
      '',
      0,
      `the file is larger than the ${MAX_INPUT_BYTES / 1024 / 1024} MiB the import reads (got ${Buffer.byteLength(content)} bytes). Split the file, or leave out what it does not need.`,
      'import/too-large',
    );
  }
  return content;
}

/** The findings of the import, by line, key path and code. */
function sorted(ctx: ImportContext): ImportDiagnostic[] {
  return ctx.reporter.diagnostics.map((d) => located(ctx.file, d)).sort((a, b) => a.line - b.line || (a.keyPath < b.keyPath ? -1 : a.keyPath > b.keyPath ? 1 : a.code < b.code ? -1 : 1));
}


/** The planned workloads with relative binds of project files as config files. */
function withConfigFiles<P extends { workloads: WorkloadPlan[] }>(ctx: ImportContext, planned: P, names: NameTable, locate: BindLocator): P & { configFiles: ConfigFilePlan[] } {
  const { workloads, configFiles } = bindsToConfigFiles(ctx, planned.workloads, names, locate);
  return { ...planned, workloads, configFiles };
}
