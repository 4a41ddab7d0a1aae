import { isHostname } from '../../model/hostname';
import { asBoolean, asMap, asSeq, asString, at, entry, type ImportContext } from './context';
import { durationSeconds, formatSeconds } from './durations';
import type { LocatedMap } from './located';
import { extraHostsOf } from './extra-hosts';
import { ulimitsOf } from './ulimits';
import { devicesOf } from './devices';
import { hostPidOf } from './pid';
import { dnsOf } from './dns';
import type { RuntimePlan } from './plan';

const PLATFORMS = new Set(['linux/amd64', 'linux/arm64']);

/**
 * `container_name`, `hostname`, `stop_signal`, `stop_grace_period`, `platform`, `tty`, `init`, `stdin_open` and `sysctls` of a service: how its container
 * runs on its host, which the model carries as they are. An empty value, as `${VAR:-}` gives when VAR is unset, is no
 * value: Compose reads it as if the key were not there.
 */
export function runtimeOf(ctx: ImportContext, map: LocatedMap, keyPath: string): RuntimePlan {
  const text = (key: string): string | undefined => {
    const e = entry(map, key);
    const value = e ? asString(ctx, e.value, `${keyPath}.${key}`) : undefined;
    return value === '' ? undefined : value;
  };
  const containerName = text('container_name');
  let hostname = text('hostname');
  if (hostname !== undefined && !isHostname(hostname)) {
    ctx.reporter.report(
      'import/unsupported-value',
      at(ctx, `${keyPath}.hostname`, entry(map, 'hostname')?.line ?? map.line),
      `hostname ${hostname} is not DNS labels joined by dots: it is left out, and the container sees its own id as its host name.`,
      'Use lowercase letters, digits, - and . (at most 64 characters).',
    );
    hostname = undefined;
  }
  const signal = text('stop_signal');
  const graceText = text('stop_grace_period');
  let gracePeriod: string | undefined;
  if (graceText !== undefined) {
    const seconds = durationSeconds(graceText);
    const line = entry(map, 'stop_grace_period')?.line ?? map.line;
    if (seconds === undefined) {
      ctx.reporter.report('import/unsupported-value', at(ctx, `${keyPath}.stop_grace_period`, line), `${graceText} is not a duration: the grace period is left to each target.`, "Write e.g. '30s' or '1m30s'.");
    } else {
      if (!Number.isInteger(seconds)) ctx.reporter.report('import/duration-rounded', at(ctx, `${keyPath}.stop_grace_period`, line), `${graceText} is rounded up to ${formatSeconds(Math.ceil(seconds))}: the model keeps whole seconds.`);
      gracePeriod = formatSeconds(Math.ceil(seconds));
    }
  }
  let platform = text('platform');
  if (platform !== undefined && !PLATFORMS.has(platform)) {
    ctx.reporter.report(
      'import/unsupported-value',
      at(ctx, `${keyPath}.platform`, entry(map, 'platform')?.line ?? map.line),
      `platform ${platform} is not one every target runs (linux/amd64, linux/arm64): it is left out, and the image runs on whatever the host is.`,
      'Write linux/amd64 or linux/arm64.',
    );
    platform = undefined;
  }
  const flag = (key: string): boolean => {
    const e = entry(map, key);
    return e ? asBoolean(ctx, e.value, `${keyPath}.${key}`) : false;
  };
  const tty = flag('tty');
  const init = flag('init');
  const stdinOpen = flag('stdin_open');
  const sysctls = sysctlsOf(ctx, map, `${keyPath}.sysctls`);
  return {
    ...(tty ? { tty } : {}),
    ...(init ? { init } : {}),
    ...(stdinOpen ? { stdinOpen } : {}),
    ...(sysctls ? { sysctls } : {}),
    ...(containerName !== undefined ? { containerName } : {}),
    ...(hostname !== undefined ? { hostname } : {}),
    ...(signal !== undefined || gracePeriod !== undefined ? { stop: { ...(signal !== undefined ? { signal } : {}), ...(gracePeriod !== undefined ? { gracePeriod } : {}) } } : {}),
    ...(platform !== undefined ? { platform: platform as 'linux/amd64' | 'linux/arm64' } : {}),
    ...extraHostsOf(ctx, map, keyPath),
    ...ulimitsOf(ctx, map, keyPath),
    ...devicesOf(ctx, map, keyPath),
    ...hostPidOf(ctx, map, keyPath),
    ...dnsOf(ctx, map, keyPath),
  };
}

/** `sysctls` as a mapping or as a list of `name=value`. */
function sysctlsOf(ctx: ImportContext, map: LocatedMap, keyPath: string): Record<string, string> | undefined {
  const e = entry(map, 'sysctls');
  if (!e) return undefined;
  const out: Record<string, string> = {};
  if (e.value.kind === 'seq') {
    asSeq(ctx, e.value, keyPath).items.forEach((item, i) => {
      const text = asString(ctx, item, `${keyPath}[${i}]`);
      const eq = text.indexOf('=');
      if (eq > 0) out[text.slice(0, eq).trim()] = text.slice(eq + 1).trim();
    });
  } else for (const [k, v] of asMap(ctx, e.value, keyPath).entries) out[k] = asString(ctx, v.value, `${keyPath}.${k}`);
  return Object.keys(out).length > 0 ? out : undefined;
}
