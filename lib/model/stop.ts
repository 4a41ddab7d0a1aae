import { ModelError } from './errors';
import { checkKnownProps, propNames } from './known-props';
import { parseDuration } from './quantities';
import type { StopSpec } from './spec';

/** How a workload is stopped: the signal its main process gets, and how long it may take before SIGKILL. */
export interface StopProps {
  /**
   * The signal sent to stop the container (`docker run --stop-signal`): `SIGINT`, `SIGQUIT` ...
   * @default - the image's STOPSIGNAL, else SIGTERM
   */
  readonly signal?: string;
  /**
   * How long the container may take to exit after the signal, before it is killed (`--stop-timeout`): `30s`.
   * @default - the platform's default (10 s on Docker, 30 s on Kubernetes and ECS)
   */
  readonly gracePeriod?: string | number;
}

const STOP_PROPS = propNames<StopProps>({ signal: true, gracePeriod: true });

const SIGNAL = /^(SIG[A-Z0-9+-]+|[0-9]{1,2})$/;

export function resolveStop(path: string, value: StopProps | undefined): StopSpec | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) throw new ModelError(path, 'stop', 'must be { signal, gracePeriod }', value, "Write e.g. stop: { signal: 'SIGINT', gracePeriod: '30s' }");
  checkKnownProps(path, 'stop', value, STOP_PROPS);
  const signal = value.signal;
  if (signal !== undefined && (typeof signal !== 'string' || !SIGNAL.test(signal))) {
    throw new ModelError(path, 'stop.signal', 'must be a signal name such as SIGINT, or its number', signal, "Write e.g. 'SIGINT'");
  }
  const grace = value.gracePeriod !== undefined ? parseDuration(path, 'stop.gracePeriod', value.gracePeriod) : undefined;
  if (signal === undefined && grace === undefined) return undefined;
  return { ...(signal !== undefined ? { signal } : {}), ...(grace !== undefined ? { gracePeriodSeconds: grace } : {}) };
}
