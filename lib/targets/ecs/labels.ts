import { Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { WorkloadSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { UNTAGGABLE } from './autoscale';

/**
 * Labels on ECS: docker labels on the container, and tags on the task definition and service where AWS accepts
 * them as tags.
 */

/** What AWS accepts in a tag: letters, digits, spaces and `_ . : / = + - @`; keys up to 128, values up to 256. */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** The container's docker labels; undefined when it has none. */
export function dockerLabelsOf(labels: Readonly<Record<string, string>>): Record<string, string> | undefined {
  return Object.keys(labels).length > 0 ? { ...labels } : undefined;
}

/** Tags the workload's resources with its labels; a label AWS refuses as a tag stays a docker label only. */
export function tagWithLabels(w: WorkloadSpec, constructs: readonly Construct[], d: EcsReporter): void {
  for (const [key, value] of Object.entries(w.main.labels)) {
    const fits = TAG_TEXT.test(key) && TAG_TEXT.test(value) && key.length >= 1 && key.length <= 128 && value.length <= 256 && !key.startsWith('aws:');
    if (!fits) {
      d.report('ecs/label-not-tag', `${w.path} labels.${key}`, `the label is kept as a docker label but is not a valid AWS tag (got ${JSON.stringify(`${key}=${value}`)})`, 'Use letters, digits, spaces and _ . : / = + - @ only, at most 128 characters for the key and 256 for the value, to have it as a tag too.');
      continue;
    }
    for (const c of constructs) Tags.of(c).add(key, value, { excludeResourceTypes: [...UNTAGGABLE] });
  }
}
