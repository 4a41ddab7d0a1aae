import { ModelError } from './errors';
import { checkKnownProps, propNames } from './known-props';
import { parseDuration } from './quantities';
import type { HealthCheckSpec, HealthTimingSpec } from './spec';

export interface HealthCheckOptions {
  /**
   * Time between checks (`--health-interval`).
   * @default '30s'
   */
  readonly interval?: string;
  /**
   * Time one check may take (`--health-timeout`).
   * @default '30s'
   */
  readonly timeout?: string;
  /**
   * Consecutive failures before the container counts as unhealthy (`--health-retries`). ECS accepts at most 10.
   * @default 3
   */
  readonly retries?: number;
  /**
   * Time to start during which failures do not count (`--health-start-period`).
   * @default '0s'
   */
  readonly startPeriod?: string;
  /**
   * Time between checks during the start period (`--health-start-interval`, Compose `start_interval`; Docker Engine
   * 25 and later), so that a container is found healthy soon after it starts while later checks stay far apart; it
   * needs a start period. Compose and docker set it; Kubernetes uses it as the startup probe's period. A stack file
   * and ECS have none: a warning.
   * @default - Docker's (5s on Docker Engine 25 and later); on Kubernetes the interval
   */
  readonly startInterval?: string;
}

type HealthDef =
  | { kind: 'command'; command: string[]; shell: boolean }
  | { kind: 'http'; path: string; port: number }
  | { kind: 'tcp'; port: number };

/** How to tell that a container is healthy. Docker's defaults: every 30s, 30s timeout, 3 retries. */
const HEALTH_CHECK_OPTIONS = propNames<HealthCheckOptions>({ interval: true, timeout: true, retries: true, startPeriod: true, startInterval: true });

export class HealthCheck {
  /** Runs a command in the container (exec form, Compose `CMD`); exit code 0 is healthy. */
  static command(command: string[], options: HealthCheckOptions = {}): HealthCheck {
    return new HealthCheck({ kind: 'command', command, shell: false }, options);
  }

  /** Runs a shell command line in the container (Compose `CMD-SHELL`). */
  static shell(commandLine: string, options: HealthCheckOptions = {}): HealthCheck {
    return new HealthCheck({ kind: 'command', command: [commandLine], shell: true }, options);
  }

  /** An HTTP GET on the container's port; 2xx and 3xx are healthy. */
  static http(path: string, port: number, options: HealthCheckOptions = {}): HealthCheck {
    return new HealthCheck({ kind: 'http', path, port }, options);
  }

  /** A TCP connection to the container's port. */
  static tcp(port: number, options: HealthCheckOptions = {}): HealthCheck {
    return new HealthCheck({ kind: 'tcp', port }, options);
  }

  private constructor(private readonly def: HealthDef, private readonly options: HealthCheckOptions) {}

  /** @internal */
  public _toSpec(path: string, prop: string): HealthCheckSpec {
    const o = this.options;
    checkKnownProps(path, prop, o, HEALTH_CHECK_OPTIONS);
    const timing: HealthTimingSpec = {
      intervalSeconds: parseDuration(path, `${prop}.interval`, o.interval ?? '30s'),
      timeoutSeconds: parseDuration(path, `${prop}.timeout`, o.timeout ?? '30s'),
      retries: o.retries ?? 3,
      startPeriodSeconds: parseDuration(path, `${prop}.startPeriod`, o.startPeriod ?? '0s'),
      ...startInterval(path, prop, o),
    };
    if (timing.intervalSeconds < 1) throw new ModelError(path, `${prop}.interval`, 'interval must be at least 1s', o.interval, "Write e.g. '10s'");
    if (timing.timeoutSeconds < 1) throw new ModelError(path, `${prop}.timeout`, 'timeout must be at least 1s', o.timeout, "Write e.g. '5s'");
    if (!Number.isInteger(timing.retries) || timing.retries < 1) {
      throw new ModelError(path, `${prop}.retries`, 'retries must be a whole number of at least 1', o.retries, 'Use 3, Docker\'s default');
    }
    const d = this.def;
    switch (d.kind) {
      case 'command':
        if (!Array.isArray(d.command) || d.command.length === 0 || d.command.some((c) => typeof c !== 'string' || c === '')) {
          throw new ModelError(path, `${prop}.command`, 'health command must be a non-empty list of non-empty strings', d.command, "Write e.g. ['pg_isready', '-U', 'postgres']");
        }
        return { kind: 'command', command: [...d.command], shell: d.shell, ...timing };
      case 'http':
        if (typeof d.path !== 'string' || !d.path.startsWith('/')) {
          throw new ModelError(path, `${prop}.path`, "HTTP health path must start with '/'", d.path, "Write e.g. '/healthz'");
        }
        checkPort(path, `${prop}.port`, d.port);
        return { kind: 'http', path: d.path, port: d.port, ...timing };
      case 'tcp':
        checkPort(path, `${prop}.port`, d.port);
        return { kind: 'tcp', port: d.port, ...timing };
    }
  }
}

/** The start interval, set only when given: at least 1s, and only with a start period, the time it applies in. */
function startInterval(path: string, prop: string, o: HealthCheckOptions): { startIntervalSeconds?: number } {
  if (o.startInterval === undefined) return {};
  const seconds = parseDuration(path, `${prop}.startInterval`, o.startInterval);
  if (seconds < 1) throw new ModelError(path, `${prop}.startInterval`, 'start interval must be at least 1s', o.startInterval, "Write e.g. '2s'");
  if (parseDuration(path, `${prop}.startPeriod`, o.startPeriod ?? '0s') === 0) {
    throw new ModelError(path, `${prop}.startInterval`, 'a start interval applies during the start period only, and there is none', o.startInterval, "Set startPeriod too, e.g. '30s', or leave startInterval out");
  }
  return { startIntervalSeconds: seconds };
}

function checkPort(path: string, prop: string, port: number): void {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ModelError(path, prop, 'port must be a whole number from 1 to 65535', port, 'Use a port between 1 and 65535');
  }
}
