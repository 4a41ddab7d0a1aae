import { ApiObject, Cron } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { JobSpec, ServiceSpec, WorkloadSpec } from '../../model/spec';
import { renderContainer } from './container';
import type { ChartContext } from './context';
import { waitContainers } from './dependencies';
import { workloadMetadata } from './labels';
import { selectorLabels } from './names';
import { applyOverride, ContainerIntent, isObject, JsonObject, overrideKindDefaults, overridePodTemplate } from './overrides';
import { renderServices } from './services';
import { PodVolumes } from './volumes';

/**
 * One workload: a Deployment for a service, a Job for a one-shot job, a CronJob for a scheduled one; its main
 * container and sidecars in one Pod sharing volumes; wait init containers for its dependencies; its Services.
 */
export function renderWorkload(ctx: ChartContext, w: WorkloadSpec): void {
  const { findings } = ctx;
  const meta = workloadMetadata(ctx.spec, w, findings);
  const metadata = { name: w.name, labels: meta.labels, ...(Object.keys(meta.annotations).length > 0 ? { annotations: meta.annotations } : {}) };
  const pod = w.kind === 'service' ? deployment(ctx, w, metadata) : job(ctx, w, metadata);
  if (w.hostNetwork) {
    findings.add(
      'kubernetes/host-network',
      `${w.path} hostNetwork`,
      'the pod uses the node’s network stack: its ports are the node’s, and NetworkPolicies do not apply to it',
      'Use a Service and ports instead, unless the workload must see the node’s interfaces.',
    );
  }

  const intents: Record<string, ContainerIntent> = {};
  const volumes = new PodVolumes(pod, ctx.claims, findings);
  const pullSecrets = new Set<string>();
  for (const c of [w.main, ...w.sidecars]) {
    if (!ctx.name(`container of ${w.name}`, c.name, c.path, 63)) continue;
    const rendered = renderContainer(c, ctx.secrets, findings);
    intents[c.name] = rendered.intent;
    const container = pod.addContainer(rendered.props);
    c.mounts.forEach((m, i) => {
      const mounted = volumes.mount(m, `${c.path} mounts[${i}]`);
      if (mounted) container.mount(mounted.path, mounted.volume, { readOnly: mounted.readOnly });
    });
    if (c.image.credentials) pullSecrets.add(c.image.credentials);
  }
  for (const init of waitContainers(ctx.spec, w, findings)) {
    if (ctx.name(`container of ${w.name}`, init.name!, `${w.path} dependsOn`, 63)) pod.addInitContainer(init);
  }
  const imagePullSecrets = [...pullSecrets].sort().map((s) => {
    const name = ctx.secretName(s);
    findings.add(
      'kubernetes/registry-credentials',
      `${w.path} image`,
      `the pod pulls with imagePullSecrets ${name}: that Secret must exist`,
      `kubectl create secret docker-registry ${name} --docker-server=... --docker-username=... --docker-password=...`,
    );
    return name;
  });

  ctx.defer(() =>
    applyOverride(ApiObject.of(pod), (json) => {
      overrideKindDefaults(json);
      overridePodTemplate(podTemplateOf(json), {
        containers: intents,
        labels: meta.podLabels,
        annotations: meta.annotations,
        emptyDirSizeLimits: volumes.sizeLimits,
        imagePullSecrets,
        hostNetwork: w.hostNetwork,
        keepRestartPolicy: w.kind === 'job',
      });
    }),
  );
  renderServices(ctx, w);
}

/** A CronJob's name leaves room for the suffix of the Jobs it creates. */
const CRONJOB_NAME_MAX = 52;

type Metadata = { name: string; labels: Record<string, string>; annotations?: Record<string, string> };

function deployment(ctx: ChartContext, s: ServiceSpec, metadata: Metadata): kplus.Deployment {
  ctx.name('Deployment', s.name, s.path, 253);
  if (s.restart.policy === 'unless-stopped') {
    ctx.findings.add(
      'kubernetes/unless-stopped',
      `${s.path} restart`,
      "a Deployment always restarts its pods: 'unless-stopped' behaves as 'always'",
      'Scale the Deployment to 0 replicas to stop it.',
    );
  }
  const d = new kplus.Deployment(ctx.chart, `workload-${s.name}`, {
    metadata,
    replicas: s.replicas,
    select: false,
    hostNetwork: s.hostNetwork,
  });
  d.select(kplus.LabelSelector.of({ labels: selectorLabels(ctx.spec.name, s.name) }));
  return d;
}

function job(ctx: ChartContext, j: JobSpec, metadata: Metadata): kplus.Job | kplus.CronJob {
  const onFailure = j.restart.policy === 'on-failure';
  if (onFailure && j.restart.maxRetries === undefined) {
    ctx.findings.add(
      'kubernetes/job-retries',
      `${j.path} restart`,
      "a Job cannot retry without limit: 'on-failure' leaves backoffLimit to the cluster's default (6)",
      "Say how many retries: restart 'on-failure:N'.",
    );
  }
  const backoffLimit = onFailure ? j.restart.maxRetries : 0;
  const props = {
    metadata,
    hostNetwork: j.hostNetwork,
    restartPolicy: onFailure ? kplus.RestartPolicy.ON_FAILURE : kplus.RestartPolicy.NEVER,
    ...(backoffLimit !== undefined ? { backoffLimit } : {}),
  };
  if (j.schedule === undefined) {
    ctx.name('Job', j.name, j.path, 63);
    return new kplus.Job(ctx.chart, `workload-${j.name}`, props);
  }
  ctx.name('CronJob', j.name, `${j.path} schedule`, CRONJOB_NAME_MAX);
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
