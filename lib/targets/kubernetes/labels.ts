import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';
import { isLabelValue, isQualifiedName, MANAGED_BY_LABEL, networkLabel, selectorLabels } from './names';

export interface WorkloadMetadata {
  /** Labels of the workload object: selector labels, the containers' valid labels and the service labels. */
  readonly labels: Record<string, string>;
  /** Labels of its pods: selector labels, the containers' valid labels, and one label per network. */
  readonly podLabels: Record<string, string>;
  /** The labels of the workload object that Kubernetes cannot carry as labels. */
  readonly annotations: Record<string, string>;
  /** The containers' labels that Kubernetes cannot carry as labels, on the pods. */
  readonly podAnnotations: Record<string, string>;
}

interface Placed {
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
}

/**
 * Docker labels as Kubernetes labels where key and value are valid, else as annotations. The containers' labels
 * go on the workload object and its pods, the pod also carries a label per network it joins; the service labels
 * (Compose `deploy.labels`) go on the Deployment, Job or CronJob only, and win over a container label of the same
 * key there, as the service's own labels do in Swarm. lading's own labels win any conflict; selectors are lading's.
 */
export function workloadMetadata(spec: SystemSpec, w: WorkloadSpec, reporter: KubernetesReporter): WorkloadMetadata {
  const own: Record<string, string> = { ...selectorLabels(spec.name, w.name), [MANAGED_BY_LABEL]: 'lading' };
  const pod: Placed = { labels: { ...own }, annotations: {} };
  const origin: Record<string, string> = {};
  for (const c of [w.main, ...w.sidecars]) {
    for (const [key, value] of Object.entries(c.labels)) {
      const where = `${c.path} labels.${key}`;
      const target = placeOf(own, key, value, where, reporter);
      if (target === undefined) continue;
      const map = target === 'label' ? pod.labels : pod.annotations;
      if (key in map && map[key] !== value) {
        reporter.report(
          'kubernetes/label-conflict',
          where,
          `${origin[key]} already sets ${key} to ${JSON.stringify(map[key])}; ${JSON.stringify(value)} is left out`,
          'Give the containers of one workload the same value, or different keys.',
        );
        continue;
      }
      map[key] = value;
      origin[key] = c.path;
    }
  }
  const workload: Placed = { labels: { ...pod.labels }, annotations: { ...pod.annotations } };
  for (const [key, value] of Object.entries(w.serviceLabels ?? {})) {
    const target = placeOf(own, key, value, `${w.path} serviceLabels.${key}`, reporter);
    if (target === undefined) continue;
    delete workload.labels[key];
    delete workload.annotations[key];
    (target === 'label' ? workload.labels : workload.annotations)[key] = value;
  }
  const podLabels = { ...pod.labels };
  for (const n of w.networks) podLabels[networkLabel(n)] = 'true';
  return { labels: workload.labels, podLabels, annotations: workload.annotations, podAnnotations: pod.annotations };
}

/** Where one Docker label goes: a label, an annotation, or nowhere (reported). */
function placeOf(own: Record<string, string>, key: string, value: string, where: string, reporter: KubernetesReporter): 'label' | 'annotation' | undefined {
  if (key in own) {
    reporter.report('kubernetes/label-conflict', where, `the label ${key} is set by lading to ${JSON.stringify(own[key])}; ${JSON.stringify(value)} is left out`, 'Rename the label.');
    return undefined;
  }
  if (!isQualifiedName(key)) {
    reporter.report(
      'kubernetes/label-dropped',
      where,
      `${JSON.stringify(key)} is not a valid label or annotation key: it is left out`,
      'Use a key of letters, digits, -, _ and . (at most 63), with an optional DNS prefix and /: com.example/tier.',
    );
    return undefined;
  }
  if (isLabelValue(value)) return 'label';
  reporter.report(
    'kubernetes/label-as-annotation',
    where,
    `${JSON.stringify(value)} is not a valid label value: it is written as an annotation`,
    'Use at most 63 letters, digits, -, _ and ., starting and ending with a letter or digit, to keep it a label.',
  );
  return 'annotation';
}
