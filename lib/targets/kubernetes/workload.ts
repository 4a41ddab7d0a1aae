import { ApiObject, Cron } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { JobSpec, ServiceSpec, WorkloadSpec } from '../../model/spec';
import { renderContainer } from './container';
import type { ChartContext } from './context';
import { waitContainers } from './dependencies';
import { imagePullSecrets } from './images';
import { workloadMetadata } from './labels';
import { selectorLabels } from './names';
import { applyOverride, ContainerIntent, isObject, JsonObject, overrideKindDefaults, overridePodTemplate } from './overrides';
import { applyDockerPodDefaults, pullPolicyOf, PullPolicy, WAIT_CONTAINER_SECURITY } from './pod-defaults';
import { reportJobSidecars } from './job-sidecars';
import { jobRestart, reportServiceRestart } from './restart';
import { reportHostNetwork } from './security';
import { applyPlacement, reportPlacement } from './placement';
import { applyExtraHosts } from './extra-hosts';
import { applyHostPid } from './host-pid';
import { applySupplementalGroups } from './groups';
import { applyDns } from './dns';
import { applyRuntime, reportHostnameDomain, reportInit, reportStopSignal, reportUnsafeSysctls } from './runtime';
import { applyAutoscale, renderAutoscaler } from './autoscale';
import { applyRollout, checkSingleWriterReplicas } from './rollout';
import { renderServices } from './services';
import { reportUlimits } from './ulimits';
import { reportDevices } from './devices';
import { applyGpuToleration, withGpus } from './gpus';
import { PodVolumes } from './volumes';
import { mountFiles } from './files';
import { bindInImageText } from '../bind-in-image';

/**
 * One workload: a Deployment for a service (a DaemonSet for a global one), a Job for a one-shot job, a CronJob for a scheduled one; its main
 * container and sidecars in one Pod sharing volumes; wait init containers for its dependencies; its Services.
 */
export function renderWorkload(ctx: ChartContext, w: WorkloadSpec): void {
  const { reporter } = ctx;
  const meta = workloadMetadata(ctx.spec, w, reporter);
  const metadata = { name: w.name, labels: meta.labels, ...(Object.keys(meta.annotations).length > 0 ? { annotations: meta.annotations } : {}) };
  const pod = w.kind === 'service' ? (w.global ? daemonSet(ctx, w, metadata) : deployment(ctx, w, metadata)) : job(ctx, w, metadata);
  reportHostNetwork(w, reporter);

  const intents: Record<string, ContainerIntent> = {};
  const pullPolicies: Record<string, PullPolicy> = {};
  const volumes = new PodVolumes(pod, ctx.claims, reporter);
  for (const c of [w.main, ...w.sidecars]) {
    // the model keeps these names valid and distinct; taken first, so that no wait container can have one
    ctx.names.take(`container of ${w.name}`, c.name, c.path, 63);
    const rendered = renderContainer(c, ctx.secrets, reporter);
    intents[c.name] = c === w.main ? withGpus(rendered.intent, w, reporter) : rendered.intent;
    pullPolicies[c.name] = pullPolicyOf(c);
    const container = pod.addContainer(rendered.props);
    c.mounts.forEach((m, i) => {
      if (m.kind === 'bind' && m.inImage) return reporter.report('kubernetes/bind-in-image', `${c.path} mounts[${i}]`, bindInImageText(c, m));
      const mounted = volumes.mount(m, `${c.path} mounts[${i}]`);
      if (mounted) container.mount(mounted.path, mounted.volume, { readOnly: mounted.readOnly });
    });
    mountFiles(pod, container, c, ctx.spec, ctx.configMaps, ctx.secrets);
  }
  for (const init of waitContainers(ctx.workloads, w, reporter)) {
    if (!ctx.names.take(`container of ${w.name}`, init.name!, `${w.path} dependsOn`, 63)) continue;
    pod.addInitContainer(init);
    intents[init.name!] = { securityContext: { ...WAIT_CONTAINER_SECURITY } };
  }
  const pullSecrets = imagePullSecrets(w, ctx.secretName, reporter);

  ctx.defer(() =>
    applyOverride(ApiObject.of(pod), (json) => {
      overrideKindDefaults(json);
      if (w.kind === 'service' && !w.global) applyRollout(json, w);
      if (w.kind === 'service') applyAutoscale(json, w);
      const template = podTemplateOf(json);
      overridePodTemplate(template, {
        containers: intents,
        labels: meta.podLabels,
        annotations: meta.podAnnotations,
        emptyDirSizeLimits: volumes.sizeLimits,
        imagePullSecrets: pullSecrets,
        hostNetwork: w.hostNetwork,
        keepRestartPolicy: w.kind === 'job',
      });
      applyDockerPodDefaults(template, pullPolicies);
      applyRuntime(template, w);
      applyExtraHosts(template, w, reporter);
      applyHostPid(template, w);
      applySupplementalGroups(template, w, reporter);
      applyDns(template, w, reporter);
      applyGpuToleration(template, w);
      applyPlacement(template, w, selectorLabels(ctx.spec.name, w.name));
    }),
  );
  reportStopSignal(w, reporter);
  reportInit(w, reporter);
  reportHostnameDomain(w, reporter);
  reportUnsafeSysctls(w, reporter);
  reportUlimits(w, reporter);
  reportDevices(w, reporter);
  reportPlacement(w, reporter);
  renderServices(ctx, w);
  if (w.kind === 'service') renderAutoscaler(ctx, w);
}

/** A CronJob's name leaves room for the suffix of the Jobs it creates; a workload's name may have 63 characters. */
const CRONJOB_NAME_MAX = 52;

type Metadata = { name: string; labels: Record<string, string>; annotations?: Record<string, string> };

function deployment(ctx: ChartContext, s: ServiceSpec, metadata: Metadata): kplus.Deployment {
  reportServiceRestart(s, ctx.reporter);
  checkSingleWriterReplicas(s, ctx.reporter);
  const d = new kplus.Deployment(ctx.chart, `workload-${s.name}`, {
    metadata,
    replicas: s.replicas,
    select: false,
    hostNetwork: s.hostNetwork,
  });
  d.select(kplus.LabelSelector.of({ labels: selectorLabels(ctx.spec.name, s.name) }));
  return d;
}

/** A global service: one pod on every node, replaced node by node (the old pod stops before the new one starts). */
function daemonSet(ctx: ChartContext, s: ServiceSpec, metadata: Metadata): kplus.DaemonSet {
  reportServiceRestart(s, ctx.reporter);
  checkSingleWriterReplicas(s, ctx.reporter);
  const d = new kplus.DaemonSet(ctx.chart, `workload-${s.name}`, { metadata, select: false, hostNetwork: s.hostNetwork });
  d.select(kplus.LabelSelector.of({ labels: selectorLabels(ctx.spec.name, s.name) }));
  return d;
}

function job(ctx: ChartContext, j: JobSpec, metadata: Metadata): kplus.Job | kplus.CronJob {
  const props = { metadata, hostNetwork: j.hostNetwork, ...jobRestart(j, ctx.reporter) };
  reportJobSidecars(j, ctx.reporter);
  if (j.schedule === undefined) return new kplus.Job(ctx.chart, `workload-${j.name}`, props);
  ctx.names.take('CronJob', j.name, `${j.path} schedule`, CRONJOB_NAME_MAX);
  const [minute, hour, day, month, weekDay] = j.schedule.split(' ');
  return new kplus.CronJob(ctx.chart, `workload-${j.name}`, {
    ...props,
    schedule: Cron.schedule({ minute, hour, day, month, weekDay }),
    timeZone: 'Etc/UTC',
  });
}

/** The pod template inside a Deployment, Job or CronJob. */
function podTemplateOf(json: JsonObject): JsonObject {
  const spec = json.spec;
  if (!isObject(spec)) return {};
  const jobTemplate = spec.jobTemplate;
  const holder = isObject(jobTemplate) && isObject(jobTemplate.spec) ? jobTemplate.spec : spec;
  return isObject(holder.template) ? holder.template : {};
}
