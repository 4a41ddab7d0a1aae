import { asBoolean, asSeq, asString, asStringOrList, at, entry, type ImportContext } from './context';
import type { Located, LocatedMap } from './located';
import type { SecurityPlan, TmpfsOwnershipPlan } from './plan';

/** The service keys that say how a container is confined. */
export const SECURITY_KEYS = ['user', 'read_only', 'cap_add', 'cap_drop', 'security_opt', 'group_add'];

/** `cap_add` and `cap_drop` as written; the model checks the names. */
function capabilities(ctx: ImportContext, service: LocatedMap, key: string, keyPath: string): string[] | undefined {
  const e = entry(service, key);
  if (!e) return undefined;
  const value = asStringOrList(ctx, e.value, `${keyPath}.${key}`);
  return Array.isArray(value) ? value : [value];
}

/** What a `security_opt` value other than no-new-privileges does, and what the import does instead. */
function unsupportedOption(option: string): string {
  const [kind, value = ''] = option.split(/[=:](.*)/s);
  switch (kind) {
    case 'seccomp':
      return value === 'unconfined'
        ? `security_opt ${option} turns Docker's default seccomp profile off; the model keeps each target's default profile: it is left out.`
        : `security_opt ${option} names a seccomp profile of its own; the model keeps each target's default profile: it is left out.`;
    case 'apparmor':
      return `security_opt ${option} names an AppArmor profile; the model has none, so the host's default profile applies: it is left out.`;
    case 'label':
      return `security_opt ${option} sets an SELinux label; the model has none, so the host's default labelling applies: it is left out.`;
    case 'systempaths':
      return `security_opt ${option} unmasks the kernel's system paths; the model keeps them masked: it is left out.`;
    default:
      return `security_opt ${option} has no equivalent in the model: it is left out.`;
  }
}

/** `no-new-privileges`, `no-new-privileges:true` or `no-new-privileges=false`; undefined for any other option. */
function noNewPrivileges(option: string): boolean | undefined {
  const m = /^no-new-privileges(?:[=:](true|false))?$/i.exec(option.trim());
  if (!m) return undefined;
  return m[1] === undefined || m[1].toLowerCase() === 'true';
}

/** `group_add`: group names or gids, as strings. */
function groupsOf(ctx: ImportContext, service: LocatedMap, keyPath: string): { groups?: string[] } {
  const e = entry(service, 'group_add');
  if (!e) return {};
  const p = `${keyPath}.group_add`;
  const groups = asSeq(ctx, e.value, p).items.map((item, i) => asString(ctx, item, `${p}[${i}]`));
  return groups.length > 0 ? { groups } : {};
}

/** The `security` of a service: `user`, `read_only`, `cap_add`, `cap_drop`, `no-new-privileges` and `group_add`. */
export function securityOf(ctx: ImportContext, service: LocatedMap, keyPath: string): SecurityPlan | undefined {
  const user = entry(service, 'user');
  const readOnly = entry(service, 'read_only');
  const add = capabilities(ctx, service, 'cap_add', keyPath);
  const drop = capabilities(ctx, service, 'cap_drop', keyPath);
  let nnp: boolean | undefined;
  const options = entry(service, 'security_opt');
  if (options) {
    const p = `${keyPath}.security_opt`;
    asSeq(ctx, options.value, p).items.forEach((item, i) => {
      const option = asString(ctx, item, `${p}[${i}]`);
      const value = noNewPrivileges(option);
      if (value !== undefined) nnp = value;
      else ctx.reporter.report('import/unsupported-value', at(ctx, `${p}[${i}]`, item.line), unsupportedOption(option));
    });
  }
  const plan: SecurityPlan = {
    ...(user ? { user: asString(ctx, user.value, `${keyPath}.user`) } : {}),
    ...(readOnly && asBoolean(ctx, readOnly.value, `${keyPath}.read_only`) ? { readOnlyRootFilesystem: true } : {}),
    ...(add || drop ? { capabilities: { ...(add ? { add } : {}), ...(drop ? { drop } : {}) } } : {}),
    ...(nnp ? { noNewPrivileges: true } : {}),
    ...groupsOf(ctx, service, keyPath),
  };
  return Object.keys(plan).length > 0 ? plan : undefined;
}

/** Permission bits as Compose and `--tmpfs` write them: octal digits (`1777`, `01777`, `0o1777`). */
function octalMode(text: string): number | undefined {
  const m = /^0?o?([0-7]{1,4})$/i.exec(text.trim());
  return m ? parseInt(m[1], 8) : undefined;
}

/**
 * One `mode`, `uid` or `gid` of a tmpfs mount, as written in the short syntax (`mode=1777`) or the long one
 * (`tmpfs: { mode: 1777 }`). Returns false when the option is not one of these, so the caller reports it.
 */
export function tmpfsOwnership(ctx: ImportContext, key: string, text: string, keyPath: string, line: number, into: TmpfsOwnershipPlan): boolean {
  if (key === 'mode') {
    const mode = octalMode(text);
    if (mode === undefined) ctx.reporter.report('import/unsupported-value', at(ctx, keyPath, line), `tmpfs mode ${text} is not octal permission bits: it is left out.`, 'Write e.g. mode=1777.');
    else into.mode = mode;
    return true;
  }
  if (key === 'uid' || key === 'gid') {
    if (/^\d{1,10}$/.test(text)) into[key] = Number(text);
    else ctx.reporter.report('import/unsupported-value', at(ctx, keyPath, line), `tmpfs ${key} ${text} is not a numeric id: it is left out.`);
    return true;
  }
  return false;
}

/** `mode` of a long-syntax tmpfs mount (`tmpfs: { size, mode }`). */
export function tmpfsLongMode(ctx: ImportContext, node: Located | undefined, keyPath: string, into: TmpfsOwnershipPlan): void {
  if (node !== undefined) tmpfsOwnership(ctx, 'mode', asString(ctx, node, keyPath), keyPath, node.line, into);
}
