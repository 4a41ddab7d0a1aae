import * as fs from 'fs';
import * as path from 'path';
import { LineCounter, parseDocument } from 'yaml';
import { ModelError, type System } from '../../model';
import { buildSystem } from './build-system';
import { asMap, asString, entry, fail, report, type ImportContext, type ImportDiagnostic } from './context';
import { parseDotenv } from './dotenv';
import { resolveExtends } from './extends';
import { inferPorts, reportPortless } from './inferred-ports';
import { LocatedError, toLocated, type LocatedMap } from './located';
import { NameTable } from './names';
import type { ImportPlan, SourceRef, WorkloadPlan } from './plan';
import { planWorkloads } from './plan-workloads';
import { inActiveProfiles } from './profiles';
import { SecretRegistry } from './secrets';
import { declareNetworks, declareSecrets, declareVolumes } from './top-level';
import { convertService, sidecarTarget, type ConvertedService, type ServiceInput } from './workload';

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
}

export interface ComposeImport {
  /** The imported system; its `toSpec()` is what every target renders. Undefined when an error stopped the import. */
  readonly system?: System;
  /** What `lading import` writes as TypeScript. */
  readonly plan: ImportPlan;
  readonly diagnostics: readonly ImportDiagnostic[];
}

const TOP_HINTS: Record<string, string> = {
  configs: 'Mount the configuration as a bind mount or bake it into the image.',
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
  let content = options.content;
  if (content === undefined) {
    try {
      content = fs.readFileSync(file, 'utf8');
    } catch (e) {
      fail({ file: display }, '', 0, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  const dotenvFile = path.join(fileDir, '.env');
  const dotenv = fs.existsSync(dotenvFile) ? parseDotenv(fs.readFileSync(dotenvFile, 'utf8')).values : {};
  const env = options.env ?? {};
  const lookup = (name: string): string | undefined => env[name] ?? dotenv[name];
  const ctx: ImportContext = {
    file: display,
    fileDir,
    projectRoot: path.resolve(options.projectRoot ?? process.cwd()),
    projectName: '',
    lookup,
    diagnostics: [],
    unset: new Set(),
  };
  const top = parseTop(ctx, content);
  const names = new NameTable(ctx);
  const version = top.entries.get('version');
  if (version) {
    report(
      ctx,
      'import/obsolete-version',
      'version',
      version.line,
      'version is obsolete in the compose-spec: it has no effect and is left out.',
    );
  }
  for (const [key, e] of top.entries) {
    if (!['version', 'name', 'services', 'networks', 'volumes', 'secrets'].includes(key) && !key.startsWith('x-')) {
      report(ctx, 'import/unsupported-key', key, e.line, `${key} has no equivalent in the model: it is left out.`, TOP_HINTS[key]);
    }
  }
  const nameEntry = entry(top, 'name');
  // Compose's order: the option, COMPOSE_PROJECT_NAME, the file's name, the folder's name
  const rawName = options.name ?? lookup('COMPOSE_PROJECT_NAME') ?? (nameEntry ? asString(ctx, nameEntry.value, 'name') : path.basename(fileDir));
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
  const skipped = new Set([...resolved.keys()].filter((n) => !inputs.some((i) => i.composeName === n)));
  for (const input of inputs) if (input.sidecarOf === undefined) names.claim('service', input.composeName, input.keyPath, input.map.line);

  const topNetworks = entry(top, 'networks');
  const declaredNetworks = declareNetworks(ctx, topNetworks ? asMap(ctx, topNetworks.value, 'networks') : undefined, names);
  const topVolumes = entry(top, 'volumes');
  const declaredVolumes = declareVolumes(ctx, topVolumes ? asMap(ctx, topVolumes.value, 'volumes') : undefined, names);
  const secrets = new SecretRegistry(ctx, names);
  const topSecrets = entry(top, 'secrets');
  declareSecrets(ctx, topSecrets ? asMap(ctx, topSecrets.value, 'secrets') : undefined, secrets);
  const volumes = (composeName: string, keyPath: string, line: number): string => {
    const known = declaredVolumes.get(composeName);
    if (known) return known;
    const id = names.claim('volume', composeName, keyPath, line);
    declaredVolumes.set(composeName, id);
    report(
      ctx,
      'import/undeclared-volume',
      keyPath,
      line,
      `volume ${composeName} is not declared under the top-level volumes: it is imported as a persistent volume.`,
      `Declare it: volumes: { ${composeName}: {} }.`,
    );
    return id;
  };

  const converted: ConvertedService[] = inputs.map((input) => convertService(ctx, input, volumes, secrets));
  inferPorts(ctx, converted);
  reportPortless(ctx, converted);
  const planned = planWorkloads(ctx, converted, { declaredNetworks, skipped, names });
  const ec2 = needsEc2(planned.workloads);
  if (ec2) {
    report(
      ctx,
      'import/ecs-ec2',
      ec2.source.keyPath,
      ec2.source.line,
      `${ec2.what} runs on ECS only with the EC2 launch type: the system chooses it (targetOptions.ecs.launchType 'ec2').`,
      'Replace it (a volume for a bind mount) to run on Fargate.',
    );
  }
  const plan: ImportPlan = {
    name: projectName,
    ...(secrets.usesFiles ? { composeSecrets: 'files' as const } : {}),
    ...(ec2 ? { ecsLaunchType: 'ec2' as const } : {}),
    ...planned,
    volumes: [...new Set(declaredVolumes.values())].sort().map((id) => ({ id })),
    secrets: secrets.all(),
  };
  if (secrets.usesFiles && secrets.firstVariableUse) {
    const use = secrets.firstVariableUse;
    report(
      ctx,
      'import/secret-mode',
      use.keyPath,
      use.line,
      'this system also uses Compose secrets, so on Compose this secret becomes a file under /run/secrets too, not an environment variable.',
      'Make the program read the file, or use one kind of secret.',
    );
  }
  if (ctx.diagnostics.some((d) => d.severity === 'error')) return { plan, diagnostics: sorted(ctx.diagnostics) };
  const { system, errors } = buildSystem(plan);
  for (const e of errors) report(ctx, 'import/model-error', e.source.keyPath, e.source.line, e.message);
  if (errors.length === 0) {
    try {
      system.toSpec();
    } catch (e) {
      if (!ModelError.is(e)) throw e;
      for (const line of (e as Error).message.split('\n')) {
        const w = plan.workloads.find((x) => line.startsWith(`${projectName}/${x.id}`) && /[ /:]/.test(line.charAt(projectName.length + 1 + x.id.length)));
        report(ctx, 'import/model-error', w?.source.keyPath ?? 'services', w?.source.line ?? 0, line);
      }
    }
  }
  const failed = ctx.diagnostics.some((d) => d.severity === 'error');
  return { ...(failed ? {} : { system }), plan, diagnostics: sorted(ctx.diagnostics) };
}

/** The first workload that needs a Docker host of its own on ECS, and why. */
function needsEc2(workloads: readonly WorkloadPlan[]): { source: SourceRef; what: string } | undefined {
  for (const w of workloads) {
    if (w.hostNetwork) return { source: w.source, what: `${w.id} uses the host network, which` };
    for (const [c, source] of [[w.container, w.source], ...w.sidecars.map((s) => [s.container, s.source] as const)] as const) {
      if (c.privileged) return { source, what: `${source.keyPath.split('.')[1]} runs privileged, which` };
      const bind = c.mounts.find((m) => m.kind === 'bind');
      if (bind) return { source, what: `the bind mount of ${bind.kind === 'bind' ? bind.source : ''} in ${source.keyPath.split('.')[1]}` };
    }
  }
  return undefined;
}

function parseTop(ctx: ImportContext, content: string): LocatedMap {
  const counter = new LineCounter();
  const doc = parseDocument(content, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const line = counter.linePos(first.pos[0]).line;
    fail(ctx, '', line, `not valid YAML: ${first.message.split('\n')[0]}`);
  }
  try {
    const root = toLocated(doc, counter, doc.contents);
    if (root.kind !== 'map') fail(ctx, '', root.line, 'a compose file is a mapping with services at the top');
    return root;
  } catch (e) {
    if (e instanceof LocatedError) fail(ctx, '', e.line, e.message);
    throw e;
  }
}

function sorted(list: ImportDiagnostic[]): ImportDiagnostic[] {
  return [...list].sort((a, b) => a.line - b.line || (a.keyPath < b.keyPath ? -1 : a.keyPath > b.keyPath ? 1 : a.code < b.code ? -1 : 1));
}

