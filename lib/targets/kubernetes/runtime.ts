import type { WorkloadSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';
import { isObject, type JsonObject } from './overrides';

/**
 * What a workload says about how its container runs, in its pod template: the pod's `hostname` (the first label of
 * a host name with dots, which `reportHostnameDomain` reports), the grace period
 * before SIGKILL (`terminationGracePeriodSeconds`), the main container's `tty` and `stdin`, the pod's
 * `securityContext.sysctls`, one process namespace for an init process (`shareProcessNamespace`, unless the pod has the host's), and the platform as a node selector on `kubernetes.io/os` and `kubernetes.io/arch`.
 */
export function applyRuntime(template: JsonObject, w: WorkloadSpec): void {
  const spec = isObject(template.spec) ? template.spec : undefined;
  if (!spec) return;
  if (w.hostname !== undefined) spec.hostname = w.hostname.split('.')[0];
  if (w.stop?.gracePeriodSeconds !== undefined) spec.terminationGracePeriodSeconds = w.stop.gracePeriodSeconds;
  const main = Array.isArray(spec.containers) ? spec.containers.find((c) => isObject(c) && c.name === w.main.name) : undefined;
  if (isObject(main) && w.tty) main.tty = true;
  if (isObject(main) && w.stdinOpen) main.stdin = true;
  // Kubernetes refuses shareProcessNamespace beside hostPID
  if (w.init && !w.hostPid) spec.shareProcessNamespace = true;
  if (w.sysctls) {
    const context = isObject(spec.securityContext) ? spec.securityContext : {};
    spec.securityContext = { ...context, sysctls: Object.entries(w.sysctls).map(([name, value]) => ({ name, value })) };
  }
  if (w.platform) spec.nodeSelector = { ...(isObject(spec.nodeSelector) ? spec.nodeSelector : {}), 'kubernetes.io/arch': w.platform.architecture, 'kubernetes.io/os': w.platform.os };
}

/** A host name with a domain, of which a pod keeps only the first label: `hostname -f` gives the cluster's name. */
export function reportHostnameDomain(w: WorkloadSpec, reporter: KubernetesReporter): void {
  const dot = w.hostname?.indexOf('.') ?? -1;
  if (w.hostname === undefined || dot < 0) return;
  reporter.report(
    'kubernetes/hostname-domain',
    `${w.path} hostname`,
    `a pod's hostname is one DNS label: ${w.name} sees ${w.hostname.slice(0, dot)} as its host name, not ${w.hostname}, and its domain is the cluster's, not ${w.hostname.slice(dot + 1)}`,
    `If ${w.name} reads its full name from the host, pass ${w.hostname} in its environment (or a config file) instead.`,
  );
}

/** An init process, which Kubernetes has no option for: the pod's one process namespace stands in for it. */
export function reportInit(w: WorkloadSpec, reporter: KubernetesReporter): void {
  if (!w.init) return;
  if (w.hostPid) {
    reporter.report(
      'kubernetes/init-host-pid',
      `${w.path} init`,
      `a pod has no init option, and shareProcessNamespace, which stands in for one, cannot be set beside hostPID: in the host's process namespace the command of ${w.name} is not process 1, so it stops on SIGTERM, and the container runtime reaps the processes it leaves`,
    );
    return;
  }
  reporter.report(
    'kubernetes/init-shared-processes',
    `${w.path} init`,
    `a pod has no init option: the containers of ${w.name} share one process namespace (shareProcessNamespace), whose pause process reaps zombies and leaves the command able to stop on SIGTERM, and each container sees the processes of the others`,
    `If ${w.name} must not see its sidecars' processes, use an image whose entrypoint is an init (tini, dumb-init) and leave init out.`,
  );
}

/** A stop signal, which a pod cannot choose: Kubernetes 1.27 sends SIGTERM (or the image's STOPSIGNAL). */
export function reportStopSignal(w: WorkloadSpec, reporter: KubernetesReporter): void {
  const signal = w.stop?.signal;
  if (signal === undefined) return;
  reporter.report(
    'kubernetes/stop-signal',
    `${w.path} stop.signal`,
    `a pod cannot choose its stop signal: the kubelet sends ${w.name} the image's STOPSIGNAL, SIGTERM unless the Dockerfile says otherwise, not ${signal}`,
    `Write STOPSIGNAL ${signal} in the Dockerfile, which every target honours (or add a preStop hook that sends ${signal} to process 1).`,
  );
}

// the sysctls a kubelet allows without --allowed-unsafe-sysctls (Kubernetes 1.27)
const SAFE_SYSCTLS = new Set(['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']);

/** A sysctl outside the kubelet's safe set: the pod is refused unless the node allows it. */
export function reportUnsafeSysctls(w: WorkloadSpec, reporter: KubernetesReporter): void {
  for (const name of Object.keys(w.sysctls ?? {})) {
    if (SAFE_SYSCTLS.has(name)) continue;
    reporter.report(
      'kubernetes/unsafe-sysctl',
      `${w.path} sysctls.${name}`,
      `${name} is not one of the sysctls a kubelet allows by default: the pod of ${w.name} is refused (SysctlForbidden) on a node that does not allow it`,
      `Start the kubelets that run ${w.name} with --allowed-unsafe-sysctls=${name}, or leave it out.`,
    );
  }
}
