import { Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { WorkloadSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { UNTAGGABLE } from './autoscale';

/**
 * Labels on ECS: a container's labels are docker labels on the container, and tags on the task definition and
 * service where AWS accepts them as tags; the service labels are tags of the service only.
 */

/** What AWS accepts in a tag: letters, digits, spaces and `_ . : / = + - @`; keys up to 128, values up to 256. */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** The container's docker labels; undefined when it has none. */
export function dockerLabelsOf(labels: Readonly<Record<string, string>>): Record<string, string> | undefined {
  return Object.keys(labels).length > 0 ? { ...labels } : undefined;
}

/** Tags the workload's resources with its containers' labels; a label AWS refuses as a tag stays a docker label only. */
export function tagWithLabels(w: WorkloadSpec, constructs: readonly Construct[], d: EcsReporter): void {
  tagWith(w.main.labels, `${w.path} labels`, 'is kept as a docker label but', 'to have it as a tag too', constructs, d);
}

/**
 * Tags the ECS objects that stand for the service (Compose `deploy.labels`): the ECS service, or for a job, which
 * has none, its task definition and its schedule rule. A label AWS refuses as a tag is set nowhere.
 */
export function tagWithServiceLabels(w: WorkloadSpec, constructs: readonly Construct[], d: EcsReporter): void {
  tagWith(w.serviceLabels ?? {}, `${w.path} serviceLabels`, 'is left out: it', 'to have it as a tag', constructs, d);
}

function tagWith(labels: Readonly<Record<string, string>>, prop: string, outcome: string, purpose: string, constructs: readonly Construct[], d: EcsReporter): void {
  for (const [key, value] of Object.entries(labels)) {
    const fits = TAG_TEXT.test(key) && TAG_TEXT.test(value) && key.length >= 1 && key.length <= 128 && value.length <= 256 && !key.startsWith('aws:');
    if (!fits) {
      d.report('ecs/label-not-tag', `${prop}.${key}`, `the label ${outcome} is not a valid AWS tag (got ${JSON.stringify(`${key}=${value}`)})`, `Use letters, digits, spaces and _ . : / = + - @ only, at most 128 characters for the key and 256 for the value, ${purpose}.`);
      continue;
    }
    for (const c of constructs) Tags.of(c).add(key, value, { excludeResourceTypes: [...UNTAGGABLE] });
  }
}
