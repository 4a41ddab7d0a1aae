import type { Diagnostic } from '../../diagnostics/diagnostic';
import { EXISTING_NAME_KEYS, type ExistingSecretName } from '../../model/secret-names';
import { dnsProps } from '../compose/dns';
import { placementFactory } from '../compose/placement';
import type { ContainerPlan, GpuPlan, HealthPlan, ImagePlan, ImportPlan, MountPlan, PlacementPlan, PortPlan, SecurityPlan, SidecarPlan, WorkloadPlan } from '../compose/plan';
import { array, call, type Code, num, object, print, raw, str, strings } from './code';
import { Identifiers } from './identifiers';

export interface WriteAppOptions {
  /** The module the app imports the model from. @default '../lib/model' */
  readonly modelImport?: string;
  /** The file the app was imported from, named in its doc comment. */
  readonly source?: string;
  /** Warnings of the import, listed in the doc comment so that what was left out stays in sight. */
  readonly diagnostics?: readonly Diagnostic[];
}

/**
 * Writes an imported plan as an app module: the model's public constructs under one System, `export default app`.
 * Building the module gives the same System as `buildSystem(plan)`.
 */
export function writeApp(plan: ImportPlan, options: WriteAppOptions = {}): string {
  const used = new Set<string>(['System']);
  const ids = new Identifiers();
  const vars = { network: new Map<string, string>(), volume: new Map<string, string>(), secret: new Map<string, string>(), workload: new Map<string, string>(), config: new Map<string, string>() };
  const referenced = new Set(plan.workloads.flatMap((w) => w.dependsOn.map((d) => d.target)));
  const containers = plan.workloads.flatMap((w) => [w.container, ...w.sidecars.map((s) => s.container)]);
  const usedNetworks = new Set(plan.workloads.flatMap((w) => w.networks));
  const usedVolumes = new Set(containers.flatMap((c) => c.mounts.flatMap((m) => (m.kind === 'volume' ? [m.volume] : []))));
  const usedSecrets = new Set(containers.flatMap((c) => [...Object.values(c.secretEnv), ...c.mounts.flatMap((m) => (m.kind === 'secret' ? [m.secret] : []))]));
  for (const n of plan.networks) if (usedNetworks.has(n.id)) vars.network.set(n.id, ids.name(n.id, 'Network'));
  for (const v of plan.volumes) if (usedVolumes.has(v.id)) vars.volume.set(v.id, ids.name(v.id, 'Volume'));
  for (const s of plan.secrets) if (usedSecrets.has(s.id)) vars.secret.set(s.id, ids.name(s.id, 'Secret'));
  for (const c of plan.configFiles ?? []) vars.config.set(c.id, ids.name(c.id, 'ConfigFile'));
  for (const w of plan.workloads) if (referenced.has(w.id) || w.sidecars.length > 0) vars.workload.set(w.id, ids.name(w.id, w.kind === 'service' ? 'Service' : 'Job'));

  const use = (name: string): string => (used.add(name), name);
  const image = (p: ImagePlan): Code => {
    use('Image');
    if (p.kind === 'registry') return call('Image.of', str(p.ref));
    return call('Image.build', object([
      ['context', str(p.context)],
      ['dockerfile', p.dockerfile !== undefined ? str(p.dockerfile) : undefined],
      ['args', p.args ? strings(p.args) : undefined],
      ['tag', str(p.tag)],
      ['target', p.target !== undefined ? str(p.target) : undefined],
    ]));
  };
  const port = (p: PortPlan): Code => {
    use('Port');
    const base = `Port.${p.http ? 'http' : p.protocol}(${p.containerPort})`;
    if (p.publish === undefined) return raw(base);
    const host = p.publish === 'dynamic' ? 'undefined' : String(p.publish);
    if (p.hostIp !== undefined) return call(`${base}.publish`, raw(host), object([['hostIp', str(p.hostIp)]]));
    return raw(p.publish === 'dynamic' ? `${base}.publish()` : `${base}.publish(${p.publish})`);
  };
  const mount = (m: MountPlan): Code => {
    use('Mount');
    const ro: ReadonlyArray<readonly [string, Code | undefined]> = [['readOnly', m.readOnly ? raw('true') : undefined]];
    const opts = (entries: ReadonlyArray<readonly [string, Code | undefined]>): Code[] => {
      const o = object(entries);
      return o.kind === 'object' && o.entries.length > 0 ? [o] : [];
    };
    switch (m.kind) {
      case 'volume':
        return call('Mount.volume', raw(vars.volume.get(m.volume) as string), str(m.target), ...opts(ro));
      case 'ephemeral':
        return call('Mount.ephemeral', str(m.target), ...opts([
          ...ro,
          ['tmpfs', m.tmpfs ? raw('true') : undefined],
          ['sizeLimit', m.sizeLimit ? str(m.sizeLimit) : undefined],
          ['mode', m.mode !== undefined ? raw(`0o${m.mode.toString(8)}`) : undefined],
          ['uid', m.uid !== undefined ? num(m.uid) : undefined],
          ['gid', m.gid !== undefined ? num(m.gid) : undefined],
        ]));
      case 'bind':
        return call('Mount.bind', str(m.source), str(m.target), ...opts([...ro, ['inImage', m.inImage ? raw('true') : undefined]]));
      case 'secret':
        return call('Mount.secret', raw(vars.secret.get(m.secret) as string), str(m.target), ...opts([['mode', m.mode !== undefined ? raw(`0o${m.mode.toString(8)}`) : undefined]]));
      case 'config':
        return call('Mount.config', raw(vars.config.get(m.configFile) as string), str(m.target), ...opts([['mode', m.mode !== undefined ? raw(`0o${m.mode.toString(8)}`) : undefined]]));
    }
  };
  const security = (p: SecurityPlan): Code => {
    const restricted = restrictedUser(p);
    if (restricted !== undefined) {
      use('Security');
      const add = p.capabilities?.add;
      return call('Security.restricted', object([['user', str(restricted)], ['add', add ? array(add.map(str)) : undefined]]));
    }
    const c = p.capabilities;
    return object([
      ['user', p.user !== undefined ? str(p.user) : undefined],
      ['readOnlyRootFilesystem', p.readOnlyRootFilesystem ? raw('true') : undefined],
      ['capabilities', c ? object([['add', c.add ? array(c.add.map(str)) : undefined], ['drop', c.drop ? array(c.drop.map(str)) : undefined]]) : undefined],
      ['noNewPrivileges', p.noNewPrivileges ? raw('true') : undefined],
      ['groups', p.groups ? array(p.groups.map(str)) : undefined],
    ]);
  };
  const health = (h: HealthPlan): Code => {
    use('HealthCheck');
    const o = object([
      ['interval', h.options.interval ? str(h.options.interval) : undefined],
      ['timeout', h.options.timeout ? str(h.options.timeout) : undefined],
      ['retries', h.options.retries !== undefined ? num(h.options.retries) : undefined],
      ['startPeriod', h.options.startPeriod ? str(h.options.startPeriod) : undefined],
      ['startInterval', h.options.startInterval ? str(h.options.startInterval) : undefined],
    ]);
    const tail = o.kind === 'object' && o.entries.length > 0 ? [o] : [];
    switch (h.kind) {
      case 'command':
        return call('HealthCheck.command', array(h.command.map(str)), ...tail);
      case 'shell':
        return call('HealthCheck.shell', str(h.commandLine), ...tail);
      case 'http':
        return call('HealthCheck.http', str(h.path), num(h.port), ...tail);
      case 'tcp':
        return call('HealthCheck.tcp', num(h.port), ...tail);
    }
  };
  const nonEmpty = (r: Readonly<Record<string, string>>, f: (r: Readonly<Record<string, string>>) => Code): Code | undefined => (Object.keys(r).length > 0 ? f(r) : undefined);
  const containerEntries = (c: ContainerPlan): Array<readonly [string, Code | undefined]> => [
    ['image', image(c.image)],
    ['command', c.command ? array(c.command.map(str)) : undefined],
    ['entrypoint', c.entrypoint ? array(c.entrypoint.map(str)) : undefined],
    ['workingDir', c.workingDir !== undefined ? str(c.workingDir) : undefined],
    ['security', c.security ? security(c.security) : undefined],
    ['env', nonEmpty(c.env, strings)],
    ['secretEnv', nonEmpty(c.secretEnv, (r) => object(Object.entries(r).map(([k, id]) => [k, raw(vars.secret.get(id) as string)] as const)))],
  ];
  const containerTail = (c: ContainerPlan): Array<readonly [string, Code | undefined]> => {
    const r = c.resources;
    return [
      ['resources', Object.keys(r).length > 0 ? object([
        ['memory', r.memory !== undefined ? str(r.memory) : undefined],
        ['memoryReservation', r.memoryReservation !== undefined ? str(r.memoryReservation) : undefined],
        ['cpuShares', r.cpuShares !== undefined ? num(r.cpuShares) : undefined],
        ['cpus', r.cpus !== undefined ? (typeof r.cpus === 'number' ? num(r.cpus) : str(r.cpus)) : undefined],
        ['pids', r.pids !== undefined ? num(r.pids) : undefined],
      ]) : undefined],
      ['mounts', c.mounts.length > 0 ? array(c.mounts.map(mount)) : undefined],
    ];
  };
  const containerEnd = (c: ContainerPlan): Array<readonly [string, Code | undefined]> => [
    ['health', c.health ? health(c.health) : undefined],
    ['labels', nonEmpty(c.labels, strings)],
    ['logging', c.logging ? object([['maxSize', str(c.logging.maxSize)], ['maxFiles', c.logging.maxFiles !== undefined ? num(c.logging.maxFiles) : undefined]]) : undefined],
    ['privileged', c.privileged ? raw('true') : undefined],
  ];
  const placement = (p: PlacementPlan): Code =>
    object([
      ['constraints', p.constraints.length > 0 ? array(p.constraints.map((c) => {
        const { name, args } = placementFactory(c);
        return raw(`${use('Placement')}.${name}(${args.map((a) => print(str(a))).join(', ')})${c.operator === '!=' ? '.not()' : ''}`);
      })) : undefined],
      ['spread', p.spread.length > 0 ? array(p.spread.map(str)) : undefined],
      ['maxReplicasPerNode', p.maxReplicasPerNode !== undefined ? num(p.maxReplicasPerNode) : undefined],
    ]);
  const workloadProps = (w: WorkloadPlan): Code =>
    object([
      ...containerEntries(w.container),
      ['ports', w.ports.length > 0 ? array(w.ports.map(port)) : undefined],
      ...containerTail(w.container),
      ['networks', w.networks.length > 0 ? array(w.networks.map((n) => raw(vars.network.get(n) as string))) : undefined],
      ['hostNetwork', w.hostNetwork ? raw('true') : undefined],
      ['containerName', w.runtime.containerName !== undefined ? str(w.runtime.containerName) : undefined],
      ['aliases', w.runtime.aliases ? array(w.runtime.aliases.map(str)) : undefined],
      ['hostname', w.runtime.hostname !== undefined ? str(w.runtime.hostname) : undefined],
      ['stop', w.runtime.stop ? object([['signal', w.runtime.stop.signal !== undefined ? str(w.runtime.stop.signal) : undefined], ['gracePeriod', w.runtime.stop.gracePeriod !== undefined ? str(w.runtime.stop.gracePeriod) : undefined]]) : undefined],
      ['platform', w.runtime.platform !== undefined ? str(w.runtime.platform) : undefined],
      ['placement', w.placement ? placement(w.placement) : undefined],
      ['tty', w.runtime.tty ? raw('true') : undefined],
      ['init', w.runtime.init ? raw('true') : undefined],
      ['stdinOpen', w.runtime.stdinOpen ? raw('true') : undefined],
      ['sysctls', w.runtime.sysctls ? strings(w.runtime.sysctls) : undefined],
      ['extraHosts', w.runtime.extraHosts ? strings(w.runtime.extraHosts) : undefined],
      ['hostPid', w.runtime.hostPid ? raw('true') : undefined],
      ['dns', dnsCode(dnsProps(w.runtime))],
      ['devices', w.runtime.devices ? array(w.runtime.devices.map(str)) : undefined],
      ['gpus', w.runtime.gpus ? gpusCode(w.runtime.gpus) : undefined],
      ['ulimits', w.runtime.ulimits ? object(Object.entries(w.runtime.ulimits).map(([name, l]) => [name, typeof l === 'number' ? num(l) : object([['soft', num(l.soft)], ['hard', num(l.hard)]])])) : undefined],
      ['serviceLabels', w.runtime.serviceLabels ? strings(w.runtime.serviceLabels) : undefined],
      ...containerEnd(w.container),
      ['restart', (w.kind === 'service' ? w.restart !== 'always' : w.restart !== 'no') ? str(w.restart) : undefined],
      ['replicas', w.kind === 'service' && w.replicas !== 1 ? num(w.replicas) : undefined],
      ['mode', w.kind === 'service' && w.global ? str('global') : undefined],
      ['dependsOn', w.dependsOn.length > 0 ? array(w.dependsOn.map((d) => (use('Dependency'), call(`Dependency.${d.condition}`, raw(vars.workload.get(d.target) as string))))) : undefined],
    ]);
  const sidecarProps = (s: SidecarPlan): Code =>
    object([...containerEntries(s.container), ...containerTail(s.container), ...containerEnd(s.container), ['volumesFrom', s.volumesFrom ? undefined : raw('false')]]);

  const body: string[] = [];
  const statement = (prefix: string, code: Code, suffix = ';'): string => `${prefix}${print(code, 0, prefix.length)}${suffix}`;
  const targetOptions = object([
    ['compose', plan.composeSecrets ? object([['secrets', str(plan.composeSecrets)]]) : undefined],
    ['swarm', plan.swarmSecrets ? object([['secrets', str(plan.swarmSecrets)]]) : undefined],
    ['ecs', plan.ecsLaunchType ? object([['launchType', str(plan.ecsLaunchType)]]) : undefined],
  ]);
  const systemProps = targetOptions.kind === 'object' && targetOptions.entries.length > 0 ? object([['targetOptions', targetOptions]]) : undefined;
  body.push(statement('const app = ', call('new System', str(plan.name), ...(systemProps ? [systemProps] : []))));
  const declarations: string[] = [];
  const bind = (variable: string | undefined): string => (variable ? `const ${variable} = ` : '');
  for (const n of plan.networks) {
    const o = object([['internal', n.internal ? raw('true') : undefined], ['dockerName', n.dockerName !== undefined ? str(n.dockerName) : undefined]]);
    declarations.push(statement(bind(vars.network.get(n.id)), call(`new ${use('Network')}`, raw('app'), str(n.id), ...(o.kind === 'object' && o.entries.length > 0 ? [o] : []))));
  }
  for (const v of plan.volumes) {
    const o = object([['dockerName', v.dockerName !== undefined ? str(v.dockerName) : undefined], ['hostPath', v.hostPath !== undefined ? str(v.hostPath) : undefined]]);
    declarations.push(statement(bind(vars.volume.get(v.id)), call(`new ${use('Volume')}`, raw('app'), str(v.id), ...(o.kind === 'object' && o.entries.length > 0 ? [o] : []))));
  }
  for (const s of plan.secrets) {
    const o = object([['envName', s.envName ? str(s.envName) : undefined], ['existingName', s.existingName !== undefined ? existingName(s.existingName) : undefined], ['file', s.file !== undefined ? str(s.file) : undefined]]);
    declarations.push(statement(bind(vars.secret.get(s.id)), call(`new ${use('Secret')}`, raw('app'), str(s.id), ...(o.kind === 'object' && o.entries.length > 0 ? [o] : []))));
  }
  for (const c of plan.configFiles ?? []) {
    declarations.push(statement(bind(vars.config.get(c.id)), call(`new ${use('ConfigFile')}`, raw('app'), str(c.id), object([c.file !== undefined ? ['file', str(c.file)] : ['content', str(c.content ?? '')]]))));
  }
  if (declarations.length > 0) body.push(declarations.join('\n'));
  for (const w of plan.workloads) {
    const variable = vars.workload.get(w.id);
    const ctor = call(`new ${use(w.kind === 'service' ? 'Service' : 'Job')}`, raw('app'), str(w.id), workloadProps(w));
    const lines = [statement(variable ? `const ${variable} = ` : '', ctor)];
    for (const s of w.sidecars) lines.push(statement('', call(`${variable}.addSidecar`, str(s.id), sidecarProps(s))));
    body.push(lines.join('\n'));
  }
  body.push('export default app;');

  const header = docComment(options);
  const names = [...used].sort();
  const from = `from '${options.modelImport ?? '../lib/model'}';`;
  const oneLine = `import { ${names.join(', ')} } ${from}`;
  // a longer import is written one name a line, as a formatter would
  const imports = oneLine.length <= 120 ? oneLine : `import {\n${names.map((n) => `  ${n},\n`).join('')}} ${from}`;
  return `${imports}\n\n${header}${body.join('\n\n')}\n`;
}

/**
 * The user, when `security` says exactly what `Security.restricted({ user, add })` does: a numeric non-root user,
 * a read-only root, no new privileges and every capability dropped (`ALL` written as Docker accepts it).
 */
/** `gpus: { count: 1 }`, `{ count: 'all', capabilities: ['video'] }`, `{ deviceIds: ['0'] }`. */
function gpusCode(g: GpuPlan): Code {
  return object([
    ['count', g.count === undefined ? undefined : typeof g.count === 'number' ? num(g.count) : str(g.count)],
    ['deviceIds', g.deviceIds ? array(g.deviceIds.map(str)) : undefined],
    ['capabilities', g.capabilities ? array(g.capabilities.map(str)) : undefined],
  ]);
}

function restrictedUser(p: SecurityPlan): string | undefined {
  const drop = p.capabilities?.drop ?? [];
  const dropsAll = drop.length === 1 && /^(cap_)?all$/i.test(drop[0]);
  const user = p.user;
  if (user === undefined || !/^\d{1,10}(:\d{1,10})?$/.test(user) || Number(user.split(':')[0]) === 0 || p.groups) return undefined;
  return dropsAll && p.readOnlyRootFilesystem === true && p.noNewPrivileges === true ? user : undefined;
}

/** Breaks a line at spaces so that no part is longer than `width`; later parts start with `indent`. */
function wrap(text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      out.push(line);
      line = `${indent}${word}`;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(line);
  return out;
}

function docComment(options: WriteAppOptions): string {
  const lines = [options.source ? `Imported from ${options.source} by \`lading import\`.` : 'Imported by `lading import`.'];
  const left = (options.diagnostics ?? []).filter((d) => d.severity !== 'info');
  if (left.length > 0) {
    lines.push('', 'What the import could not carry over:');
    for (const d of left) lines.push(...wrap(`- ${d.path}: ${d.message}`, 114, '  '));
  }
  return `/**\n${lines.map((l) => ` *${l ? ` ${l.replace(/\*\//g, '*\\/')}` : ''}`).join('\n')}\n */\n`;
}

/** A secret's existing name: one string, or an object of names per target, default first. */
function existingName(name: ExistingSecretName): Code {
  if (typeof name === 'string') return str(name);
  return object(EXISTING_NAME_KEYS.map((k) => [k, name[k] !== undefined ? str(name[k]) : undefined]));
}

/** `dns` as the app writes it: a list of servers, or `{ servers, search, options }`. */
function dnsCode(dns: ReturnType<typeof dnsProps>): Code | undefined {
  if (dns === undefined) return undefined;
  const list = (l: readonly string[] | undefined): Code | undefined => (l ? array(l.map(str)) : undefined);
  if (isServerList(dns)) return list(dns);
  return object([['servers', list(dns.servers)], ['search', list(dns.search)], ['options', list(dns.options)]]);
}

function isServerList(dns: readonly string[] | object): dns is readonly string[] {
  return Array.isArray(dns);
}
