import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import type { KubernetesReporter } from './context';
import { isLabelValue, isQualifiedName, MANAGED_BY_LABEL, networkLabel, selectorLabels } from './names';

export interface WorkloadMetadata {
  /** Labels of the workload object: selector labels and the model's valid labels. */
  readonly labels: Record<string, string>;
  /** Labels of its pods: the same, plus one label per network. */
  readonly podLabels: Record<string, string>;
  /** The model's labels that Kubernetes cannot carry as labels. */
  readonly annotations: Record<string, string>;
}

/**
 * Docker labels of a workload's containers as Kubernetes labels where key and value are valid, else as
 * annotations; the pod also carries a label per network it joins. lading's own labels win any conflict.
 */
export function workloadMetadata(spec: SystemSpec, w: WorkloadSpec, reporter: KubernetesReporter): WorkloadMetadata {
  const own: Record<string, string> = { ...selectorLabels(spec.name, w.name), [MANAGED_BY_LABEL]: 'lading' };
  const labels: Record<string, string> = { ...own };
  const annotations: Record<string, string> = {};
  const origin: Record<string, string> = {};
  for (const c of [w.main, ...w.sidecars]) {
    for (const [key, value] of Object.entries(c.labels)) {
      const where = `${c.path} labels.${key}`;
      if (key in own) {
        reporter.report('kubernetes/label-conflict', where, `the label ${key} is set by lading to ${JSON.stringify(own[key])}; ${JSON.stringify(value)} is left out`, 'Rename the label.');
        continue;
      }
      const asLabel = isQualifiedName(key) && isLabelValue(value);
      const target = asLabel ? labels : annotations;
      if (!isQualifiedName(key)) {
        reporter.report(
          'kubernetes/label-dropped',
          where,
          `${JSON.stringify(key)} is not a valid label or annotation key: it is left out`,
          'Use a key of letters, digits, -, _ and . (at most 63), with an optional DNS prefix and /: com.example/tier.',
        );
        continue;
      }
      if (key in target && target[key] !== value) {
        reporter.report(
          'kubernetes/label-conflict',
          where,
          `${origin[key]} already sets ${key} to ${JSON.stringify(target[key])}; ${JSON.stringify(value)} is left out`,
          'Give the containers of one workload the same value, or different keys.',
        );
        continue;
      }
      if (!asLabel) {
        reporter.report(
          'kubernetes/label-as-annotation',
          where,
          `${JSON.stringify(value)} is not a valid label value: it is written as an annotation`,
          'Use at most 63 letters, digits, -, _ and ., starting and ending with a letter or digit, to keep it a label.',
        );
      }
      target[key] = value;
      origin[key] = c.path;
    }
  }
  const podLabels = { ...labels };
  for (const n of w.networks) podLabels[networkLabel(n)] = 'true';
  return { labels, podLabels, annotations };
}
