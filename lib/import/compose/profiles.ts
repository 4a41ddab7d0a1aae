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

/**
 * The warning for a file whose every service belongs to profiles none of which is active (a file of optional
 * stacks): the system would have no service, where the user most likely meant to choose profiles.
 */
export function reportNoActiveService(ctx: ImportContext, services: ReadonlyMap<string, LocatedMap>, imported: number, line: number): void {
  if (imported > 0 || services.size === 0) return;
  const profiles = new Set<string>();
  for (const [name, service] of services) {
    const e = entry(service, 'profiles');
    if (e) asSeq(ctx, e.value, `services.${name}.profiles`).items.forEach((n, i) => profiles.add(asString(ctx, n, `services.${name}.profiles[${i}]`)));
  }
  const names = [...profiles].sort();
  ctx.reporter.report(
    'import/no-active-service',
    at(ctx, 'services', line),
    `every service belongs to a profile that is not active (${names.join(', ')}): the imported system has no service.`,
    `Choose the profiles to import: ${names.map((n) => `--profile ${n}`).join(' ')}, or --profile '*' for every service.`,
  );
}
