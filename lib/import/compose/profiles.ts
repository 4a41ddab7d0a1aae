import { asSeq, asString, at, entry, type ImportContext } from './context';
import type { LocatedMap } from './located';

/**
 * Whether a service is imported: one without `profiles` always is; one with profiles when one of them is
 * active (`*` activates all). Skipped services are reported.
 */
export function inActiveProfiles(ctx: ImportContext, name: string, service: LocatedMap, active: ReadonlySet<string>): boolean {
  const e = entry(service, 'profiles');
  if (!e) return true;
  const p = `services.${name}.profiles`;
  const profiles = asSeq(ctx, e.value, p).items.map((n, i) => asString(ctx, n, `${p}[${i}]`));
  if (profiles.length === 0 || active.has('*') || profiles.some((x) => active.has(x))) return true;
  ctx.reporter.report(
    'import/profile-skipped',
    at(ctx, `services.${name}`, service.line),
    `${name} belongs to profiles ${profiles.join(', ')}, none of which is active: it is left out.`,
    `Import with --profile ${profiles[0]} to include it.`,
  );
  return false;
}
