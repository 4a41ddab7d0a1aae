import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { PortSpec, WorkloadSpec } from '../../model/spec';
import { Reporter } from '../../diagnostics/reporter';
import { KUBERNETES_CODES } from './codes';
import { aliasServiceNames } from './aliases';
import type { ChartContext, KubernetesReporter } from './context';
import { bySources, publishedBeyondHost, reportHostBoundPorts, sourceRestriction } from './exposure';
import { objectNames, selectorLabels } from './names';
import { applyOverride, isObject, overrideKindDefaults } from './overrides';

const NODE_PORT_RANGE = { min: 30000, max: 32767 };

/**
 * The Services of one workload: a ClusterIP Service named after it with every port (so `db:5432` resolves as
 * in Compose), and one more of each of its extra names (aliases.ts); ports published on a fixed host port P in a LoadBalancer Service (port P -> targetPort C), or
 * a NodePort Service when the option says so; ports published on a dynamic host port in a NodePort Service
 * whose node port the cluster picks. Ports that speak HTTP keep `appProtocol: http`. A port bound to one host
 * address is published nowhere, and ports with source CIDR blocks get their own LoadBalancer (exposure.ts).
 */
export function renderServices(ctx: ChartContext, w: WorkloadSpec): void {
  forEachService(ctx, w, (name, type, list, specs) => {
    if (!ctx.names.take('Service', name, `${w.path} ports`, 63)) return;
    const service = new kplus.Service(ctx.chart, `service-${name}`, { metadata: { name }, type, ports: list });
    for (const [k, v] of Object.entries(selectorLabels(ctx.spec.name, w.name))) service.selectLabel(k, v);
    ctx.defer(() =>
      applyOverride(ApiObject.of(service), (json) => {
        overrideKindDefaults(json);
        if (isObject(json.spec)) Object.assign(json.spec, sourceRestriction(specs, type === kplus.ServiceType.LOAD_BALANCER));
        const rendered = isObject(json.spec) && Array.isArray(json.spec.ports) ? json.spec.ports : [];
        specs.forEach((p, i) => {
          const port = rendered[i];
          if (p.appProtocol && isObject(port)) port.appProtocol = p.appProtocol;
        });
      }),
    );
  });
}

/**
 * Takes the names of the Services of a workload that another part renders (lib/targets/kubernetes/target.ts
 * `renderKubernetesPart`): this part finds a name taken as a whole render would, and reports nothing of it.
 */
export function reserveServiceNames(ctx: ChartContext, w: WorkloadSpec): void {
  const unheard: KubernetesReporter = new Reporter(KUBERNETES_CODES, 'kubernetes');
  const quiet: ChartContext = { ...ctx, reporter: unheard, names: ctx.names.reportingTo(unheard) };
  forEachService(quiet, w, (name) => quiet.names.take('Service', name, `${w.path} ports`, 63));
}

type AddService = (name: string, type: kplus.ServiceType, list: kplus.ServicePort[], specs: readonly PortSpec[]) => void;

/** Calls `add` for each Service of a workload, in order, with its name, type and ports; reports as it goes. */
function forEachService(ctx: ChartContext, w: WorkloadSpec, add: AddService): void {
  const { reporter } = ctx;
  const options = ctx.spec.options.kubernetes;
  const ports = w.main.ports;
  const aliases = aliasServiceNames(w, reporter);
  if (ports.length === 0) return;
  reportHostBoundPorts(ctx, w);
  add(w.name, kplus.ServiceType.CLUSTER_IP, ports.map((p) => servicePort(p, p.containerPort)), ports);
  for (const alias of aliases) add(alias, kplus.ServiceType.CLUSTER_IP, ports.map((p) => servicePort(p, p.containerPort)), ports);
  // a routed port is reached through the Ingress (routes.ts), never through a LoadBalancer or NodePort Service
  const fixed = publishedBeyondHost(w).filter((p) => p.publish === 'fixed' && !p.routes);
  const dynamic = publishedBeyondHost(w).filter((p) => p.publish === 'dynamic' && !p.routes);
  const nodePorts: kplus.ServicePort[] = dynamic.map((p) => servicePort(p, p.containerPort));
  const nodePortSpecs: PortSpec[] = [...dynamic];
  if (options.fixedPortServiceType === 'LoadBalancer') {
    bySources(fixed).forEach((group, i) => {
      const name = i === 0 ? objectNames.loadBalancer(w.name) : `${objectNames.loadBalancer(w.name)}-${group[0].name}`;
      add(name, kplus.ServiceType.LOAD_BALANCER, group.map((p) => servicePort(p, p.hostPort!)), group);
    });
  } else {
    for (const p of fixed) {
      const index = ports.indexOf(p);
      const inRange = p.hostPort! >= NODE_PORT_RANGE.min && p.hostPort! <= NODE_PORT_RANGE.max;
      if (!inRange) {
        reporter.report(
          'kubernetes/node-port-range',
          `${w.main.path} ports[${index}]`,
          `host port ${p.hostPort} is outside the NodePort range ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}: the Service port is ${p.hostPort} and the cluster picks the node port`,
          `Publish on a port from ${NODE_PORT_RANGE.min} to ${NODE_PORT_RANGE.max}, or use fixedPortServiceType 'LoadBalancer'.`,
        );
      }
      nodePorts.push({ ...servicePort(p, p.hostPort!), ...(inRange ? { nodePort: p.hostPort } : {}) });
      nodePortSpecs.push(p);
    }
  }
  if (nodePorts.length > 0) add(objectNames.nodePort(w.name), kplus.ServiceType.NODE_PORT, nodePorts, nodePortSpecs);
}

function servicePort(p: PortSpec, port: number): kplus.ServicePort {
  return {
    name: p.name,
    port,
    targetPort: p.containerPort,
    protocol: p.protocol === 'udp' ? kplus.Protocol.UDP : kplus.Protocol.TCP,
  };
}
