import { ModelError } from './errors';
import { checkKnownProps, propNames } from './known-props';
import type { SecuritySpec } from './spec';

/**
 * The Linux capabilities Docker knows (capabilities(7)), without the `CAP_` prefix. `ALL` stands for every one.
 */
const LINUX_CAPABILITIES = [
  'AUDIT_CONTROL', 'AUDIT_READ', 'AUDIT_WRITE', 'BLOCK_SUSPEND', 'BPF', 'CHECKPOINT_RESTORE', 'CHOWN', 'DAC_OVERRIDE',
  'DAC_READ_SEARCH', 'FOWNER', 'FSETID', 'IPC_LOCK', 'IPC_OWNER', 'KILL', 'LEASE', 'LINUX_IMMUTABLE', 'MAC_ADMIN',
  'MAC_OVERRIDE', 'MKNOD', 'NET_ADMIN', 'NET_BIND_SERVICE', 'NET_BROADCAST', 'NET_RAW', 'PERFMON', 'SETFCAP', 'SETGID',
  'SETPCAP', 'SETUID', 'SYSLOG', 'SYS_ADMIN', 'SYS_BOOT', 'SYS_CHROOT', 'SYS_MODULE', 'SYS_NICE', 'SYS_PACCT',
  'SYS_PTRACE', 'SYS_RAWIO', 'SYS_RESOURCE', 'SYS_TIME', 'SYS_TTY_CONFIG', 'WAKE_ALARM',
] as const;

/** Capabilities added to or dropped from Docker's default set (`--cap-add`, `--cap-drop`). */
export interface Capabilities {
  /**
   * Capabilities to add, as Docker accepts them: `NET_ADMIN`, `CAP_NET_ADMIN` or `ALL`.
   * @default - none
   */
  readonly add?: string[];
  /**
   * Capabilities to drop, as Docker accepts them; `ALL` drops every one, and `add` then grants back what is listed.
   * @default - none: Docker's default set is kept
   */
  readonly drop?: string[];
}

/** How a container's process is confined, in Docker's words. */
export interface SecurityProps {
  /**
   * User (`--user`): `uid`, `uid:gid` or a name. Kubernetes needs a numeric uid.
   * @default - the image's USER
   */
  readonly user?: string;
  /**
   * Mount the container's root file system read-only (`--read-only`); writable paths come from ephemeral mounts.
   * @default false
   */
  readonly readOnlyRootFilesystem?: boolean;
  /**
   * Capabilities added to or dropped from Docker's default set.
   * @default - Docker's default set
   */
  readonly capabilities?: Capabilities;
  /**
   * Forbid the process to gain privileges through setuid binaries (`--security-opt no-new-privileges`).
   * @default false
   */
  readonly noNewPrivileges?: boolean;
  /**
   * Supplementary groups of the process (`--group-add`, Compose `group_add`): group names or numeric gids, such as
   * the `render` group that owns `/dev/dri`. Kubernetes takes numeric gids only (pod `supplementalGroups`); ECS
   * cannot add groups: there they are left out, with a warning.
   * @default - none
   */
  readonly groups?: string[];
}

/** Options of `Security.restricted`. */
export interface RestrictedOptions {
  /** A numeric, non-root user: `'10001'` or `'10001:10001'`. */
  readonly user: string;
  /**
   * Capabilities to grant back after dropping them all, e.g. `['NET_BIND_SERVICE']` to listen below port 1024.
   * @default - none
   */
  readonly add?: string[];
}

const USER = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/;
const NUMERIC_ID = /^\d{1,10}$/;
const GROUP = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
/** The largest uid or gid Linux accepts in a user namespace (2^31 - 1). */
export const MAX_USER_ID = 2147483647;
const KNOWN = new Set<string>(LINUX_CAPABILITIES);

const RESTRICTED_PROPS = propNames<RestrictedOptions>({ user: true, add: true });

/** Presets of `security`. */
export class Security {
  /**
   * The restricted profile: a numeric non-root user, every capability dropped (`add` grants some back), no new
   * privileges and a read-only root file system. Give writable paths with `Mount.ephemeral(...)`.
   */
  static restricted(options: RestrictedOptions): SecurityProps {
    const user = options?.user;
    const where = 'Security.restricted';
    if (typeof options === 'object' && options !== null) checkKnownProps(where, '', options, RESTRICTED_PROPS);
    if (typeof user !== 'string' || !/^\d{1,10}(:\d{1,10})?$/.test(user)) {
      throw new ModelError(where, 'user', 'must be a numeric uid or uid:gid, so that every target can check it is not root', user, "Write e.g. '10001' or '10001:10001'");
    }
    if (Number(user.split(':')[0]) === 0) {
      throw new ModelError(where, 'user', 'uid 0 is root', user, "Pick a uid the image can run as, e.g. '10001'");
    }
    return {
      user,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'], ...(options.add !== undefined ? { add: options.add } : {}) },
      noNewPrivileges: true,
    };
  }

  private constructor() {}
}

function flag(path: string, prop: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new ModelError(path, prop, 'must be true or false', value, `Write ${prop.split('.').pop()}: true or leave it out`);
  return value;
}

/** `cap_net_admin`, `CAP_NET_ADMIN` and `NET_ADMIN` are one capability to Docker; the spec holds `NET_ADMIN`. */
function capabilityList(path: string, prop: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ModelError(path, prop, 'must be a list of capability names', value, "Write e.g. ['NET_BIND_SERVICE']");
  const seen = new Map<string, number>();
  value.forEach((v, i) => {
    const name = typeof v === 'string' ? v.toUpperCase().replace(/^CAP_/, '') : '';
    if (name !== 'ALL' && !KNOWN.has(name)) {
      throw new ModelError(path, `${prop}[${i}]`, 'unknown capability', v, "Use a name of capabilities(7) as Docker writes it, e.g. 'NET_BIND_SERVICE' or 'CAP_NET_BIND_SERVICE', or 'ALL'");
    }
    if (seen.has(name)) throw new ModelError(path, `${prop}[${i}]`, `capability already listed at ${prop}[${seen.get(name)}]`, v, 'List each capability once');
    seen.set(name, i);
  });
  return [...seen.keys()].sort();
}

/**
 * Resolves `security` into its spec. `misplacedUser` is a top-level `user` prop, which JavaScript callers may still
 * pass: it is refused with the new place rather than ignored.
 */
const SECURITY_PROPS = propNames<SecurityProps>({ user: true, readOnlyRootFilesystem: true, capabilities: true, noNewPrivileges: true, groups: true });
const CAPABILITIES_PROPS = propNames<Capabilities>({ add: true, drop: true });

export function resolveSecurity(path: string, props: SecurityProps | undefined, misplacedUser: unknown): SecuritySpec {
  if (props !== undefined && (typeof props !== 'object' || props === null || Array.isArray(props))) {
    throw new ModelError(path, 'security', 'must be an object', props, "Write e.g. security: Security.restricted({ user: '10001' })");
  }
  if (misplacedUser !== undefined) {
    throw new ModelError(path, 'user', 'is set in security.user', misplacedUser, `Write security: { user: ${JSON.stringify(misplacedUser)} }`);
  }
  const s = props ?? {};
  checkKnownProps(path, 'security', s, SECURITY_PROPS);
  checkKnownProps(path, 'security.capabilities', s.capabilities, CAPABILITIES_PROPS);
  const userProp = 'security.user';
  const user = s.user;
  if (user !== undefined && (typeof user !== 'string' || !USER.test(user))) {
    throw new ModelError(path, userProp, 'must be uid, uid:gid or a user name', user, "Write e.g. '1000' or '1000:1000'");
  }
  const caps = s.capabilities;
  if (caps !== undefined && (typeof caps !== 'object' || caps === null || Array.isArray(caps))) {
    throw new ModelError(path, 'security.capabilities', 'must be an object with add and drop', caps, "Write e.g. capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] }");
  }
  const add = capabilityList(path, 'security.capabilities.add', caps?.add);
  const drop = capabilityList(path, 'security.capabilities.drop', caps?.drop);
  if (add.includes('ALL') && drop.length > 0) {
    throw new ModelError(path, 'security.capabilities.drop', 'nothing can be dropped when add holds ALL', drop, 'Remove ALL from add, or drop nothing');
  }
  const both = add.filter((c) => drop.includes(c));
  if (both.length > 0) {
    throw new ModelError(path, 'security.capabilities', 'a capability is both added and dropped', both, 'Keep it in one list');
  }
  const [uidText, gidText] = typeof user === 'string' ? user.split(':') : [];
  for (const id of [uidText, gidText]) {
    if (id !== undefined && NUMERIC_ID.test(id) && Number(id) > MAX_USER_ID) {
      throw new ModelError(path, userProp, `ids must be at most ${MAX_USER_ID}`, user, "Write e.g. '10001:10001'");
    }
  }
  const groups = s.groups;
  const groupsExample = "Write e.g. ['render', '44']";
  if (groups !== undefined && !Array.isArray(groups)) throw new ModelError(path, 'security.groups', 'must be a list of group names or numeric gids', groups, groupsExample);
  (groups ?? []).forEach((g: unknown, i: number) => {
    const prop = `security.groups[${i}]`;
    if (typeof g === 'number' && Number.isInteger(g) && g >= 0) throw new ModelError(path, prop, 'a gid is written as a string', g, `Write '${g}'`);
    if (typeof g !== 'string' || !GROUP.test(g)) throw new ModelError(path, prop, 'a group is a name (letters, digits, _ . -) or a numeric gid', g, groupsExample);
    if (NUMERIC_ID.test(g) && Number(g) > MAX_USER_ID) throw new ModelError(path, prop, `a gid must be at most ${MAX_USER_ID}`, g, groupsExample);
  });
  return {
    ...(groups !== undefined && groups.length > 0 ? { groups: [...new Set(groups as string[])] } : {}),
    ...(user !== undefined ? { user: user as string } : {}),
    ...(uidText !== undefined && NUMERIC_ID.test(uidText) ? { uid: Number(uidText) } : {}),
    ...(gidText !== undefined && NUMERIC_ID.test(gidText) ? { gid: Number(gidText) } : {}),
    readOnlyRootFilesystem: flag(path, 'security.readOnlyRootFilesystem', s.readOnlyRootFilesystem),
    capabilities: { add, drop },
    noNewPrivileges: flag(path, 'security.noNewPrivileges', s.noNewPrivileges),
  };
}
