import { httpProbe, tcpProbe } from '../../docker-notation/health-probes';
import { asBoolean, asMap, asNumber, asString, at, entry, fail, reportUnhandled, type ImportContext } from './context';
import { durationSeconds, formatSeconds } from './durations';
import type { Located } from './located';
import type { HealthOptionsPlan, HealthPlan } from './plan';

/** Docker's defaults, which the model shares: they are left out of the plan. */
const DEFAULTS = { interval: 30, timeout: 30, startPeriod: 0, retries: 3 };

/**
 * A service's `healthcheck`: `CMD` as a command, `CMD-SHELL` (or a string) as a shell command line, and the probes
 * lading writes for http and tcp checks back as those. `NONE` and `disable` cannot be said: the image's check stays.
 */
export function healthOf(ctx: ImportContext, node: Located, keyPath: string): HealthPlan | undefined {
  const map = asMap(ctx, node, keyPath);
  reportUnhandled(ctx, map, keyPath, new Set(['test', 'interval', 'timeout', 'retries', 'start_period', 'start_interval', 'disable']));
  const disable = entry(map, 'disable');
  const test = entry(map, 'test');
  const testWords = test ? (test.value.kind === 'seq' ? test.value.items.map((n, i) => asString(ctx, n, `${keyPath}.test[${i}]`)) : [asString(ctx, test.value, `${keyPath}.test`)]) : [];
  const none = testWords[0] === 'NONE' && test?.value.kind === 'seq';
  if ((disable && asBoolean(ctx, disable.value, `${keyPath}.disable`)) || none) {
    const line = disable?.line ?? test?.line ?? map.line;
    ctx.reporter.report(
      'import/unsupported-value',
      at(ctx, disable ? `${keyPath}.disable` : `${keyPath}.test`, line),
      "turning the image's health check off has no equivalent: the image's HEALTHCHECK, if any, stays.",
      'Build an image without a HEALTHCHECK.',
    );
    return undefined;
  }
  if (!test) {
    // `disable: false` alone keeps the image's HEALTHCHECK as it is, which is what the model does too
    if (!['interval', 'timeout', 'retries', 'start_period', 'start_interval'].some((key) => entry(map, key))) return undefined;
    ctx.reporter.report(
      'import/unsupported-value',
      at(ctx, keyPath, map.line),
      "a healthcheck without test only retimes the image's HEALTHCHECK, which the model cannot say: it is left out.",
      'Write the test the image runs.',
    );
    return undefined;
  }
  const options = optionsOf(ctx, map, keyPath);
  if (test.value.kind !== 'seq') return probeOrShell(testWords[0], options);
  const [kind, ...rest] = testWords;
  if (kind === 'CMD') {
    if (rest.length === 0) fail(ctx, `${keyPath}.test`, test.line, 'CMD needs a command');
    return { kind: 'command', command: rest, options };
  }
  if (kind === 'CMD-SHELL') {
    if (rest.length === 0) fail(ctx, `${keyPath}.test`, test.line, 'CMD-SHELL needs a command line');
    return probeOrShell(rest.join(' '), options);
  }
  return fail(ctx, `${keyPath}.test`, test.line, `a test list starts with CMD, CMD-SHELL or NONE (got ${JSON.stringify(kind)})`);
}

/** The http and tcp probes the Compose target writes become http and tcp checks again. */
function probeOrShell(line: string, options: HealthOptionsPlan): HealthPlan {
  const http = /^curl -fsS -o \/dev\/null 'http:\/\/127\.0\.0\.1:(\d+)(\/[^']*)'/.exec(line);
  if (http && httpProbe(Number(http[1]), http[2]) === line) return { kind: 'http', path: http[2], port: Number(http[1]), options };
  const tcp = /^nc -z 127\.0\.0\.1 (\d+) /.exec(line);
  if (tcp && tcpProbe(Number(tcp[1])) === line) return { kind: 'tcp', port: Number(tcp[1]), options };
  return { kind: 'shell', commandLine: line, options };
}

function optionsOf(ctx: ImportContext, map: ReturnType<typeof asMap>, keyPath: string): HealthOptionsPlan {
  const seconds = (key: string): number | undefined => {
    const e = entry(map, key);
    if (!e) return undefined;
    const p = `${keyPath}.${key}`;
    const text = e.value.kind === 'scalar' && typeof e.value.value === 'number' ? `${e.value.value}s` : asString(ctx, e.value, p);
    const s = durationSeconds(text);
    if (s === undefined) fail(ctx, p, e.line, `not a duration (got ${JSON.stringify(text)}); write e.g. 10s, 1m30s or 500ms`);
    if (!Number.isInteger(s)) {
      ctx.reporter.report('import/duration-rounded', at(ctx, p, e.line), `${text} is rounded up to ${formatSeconds(Math.ceil(s))}: the model keeps whole seconds.`);
      return Math.ceil(s);
    }
    return s;
  };
  // The Docker engine reads 0 as its default for interval, timeout and retries (a check every 30s, 3 failures), as if the key were not there.
  const unlessZero = (n: number | undefined): number | undefined => (n === 0 ? undefined : n);
  const interval = unlessZero(seconds('interval'));
  const timeout = unlessZero(seconds('timeout'));
  const startPeriod = seconds('start_period');
  const startInterval = startIntervalOf(ctx, map, keyPath, unlessZero(seconds('start_interval')), startPeriod);
  const retriesEntry = entry(map, 'retries');
  const retries = unlessZero(retriesEntry ? asNumber(ctx, retriesEntry.value, `${keyPath}.retries`) : undefined);
  return {
    ...(interval !== undefined && interval !== DEFAULTS.interval ? { interval: formatSeconds(interval) } : {}),
    ...(timeout !== undefined && timeout !== DEFAULTS.timeout ? { timeout: formatSeconds(timeout) } : {}),
    ...(retries !== undefined && retries !== DEFAULTS.retries ? { retries } : {}),
    ...(startPeriod !== undefined && startPeriod !== DEFAULTS.startPeriod ? { startPeriod: formatSeconds(startPeriod) } : {}),
    ...(startInterval !== undefined ? { startInterval: formatSeconds(startInterval) } : {}),
  };
}

/** `start_interval`, which the engine uses during the start period only: without one it does nothing, and is left out with a warning. */
function startIntervalOf(ctx: ImportContext, map: ReturnType<typeof asMap>, keyPath: string, seconds: number | undefined, startPeriod: number | undefined): number | undefined {
  if (seconds === undefined || (startPeriod ?? 0) > 0) return seconds;
  ctx.reporter.report(
    'import/unsupported-value',
    at(ctx, `${keyPath}.start_interval`, entry(map, 'start_interval')?.line ?? map.line),
    'start_interval applies during start_period only, and there is none: it does nothing, and is left out.',
    'Set start_period too, e.g. 30s, if the first checks must come sooner.',
  );
  return undefined;
}
