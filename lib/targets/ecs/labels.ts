import { Tag, Tags } from 'aws-cdk-lib';
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

/** The tag every resource of a system's stacks carries (system-stack.ts), set by an aspect of each stack. */
export const SYSTEM_TAG = 'lading:system';

/**
 * Label tags waiting until a system's stacks are built, then set on every taggable resource under their constructs
 * as aws-cdk-lib's tag aspect (`Tags.of(c).add`) would set them at synth, in the same order, without an aspect
 * for each label of each workload to apply (about 6,000 at 1,000 services). A label named like the system's own
 * tag stays an aspect, so that which of the two wins is decided as before.
 */
export class LabelTags {
  private readonly pending: Array<{ readonly tag: Tag; readonly constructs: readonly Construct[] }> = [];

  add(key: string, value: string, constructs: readonly Construct[]): void {
    const props = { excludeResourceTypes: [...UNTAGGABLE] };
    if (key === SYSTEM_TAG) for (const c of constructs) Tags.of(c).add(key, value, props);
    else this.pending.push({ tag: new Tag(key, value, props), constructs });
  }

  /** Sets the tags: run once, after the last resource under the tagged constructs is made. */
  apply(): void {
    for (const { tag, constructs } of this.pending) for (const c of constructs) for (const x of c.node.findAll()) tag.visit(x);
    this.pending.length = 0;
  }
}

/** Tags the workload's resources with its containers' labels; a label AWS refuses as a tag stays a docker label only. */
export function tagWithLabels(w: WorkloadSpec, constructs: readonly Construct[], d: EcsReporter, tags: LabelTags): void {
  tagWith(w.main.labels, `${w.path} labels`, 'is kept as a docker label but', 'to have it as a tag too', constructs, d, tags);
}

/**
 * Tags the ECS objects that stand for the service (Compose `deploy.labels`): the ECS service, or for a job, which
 * has none, its task definition and its schedule rule. A label AWS refuses as a tag is set nowhere.
 */
export function tagWithServiceLabels(w: WorkloadSpec, constructs: readonly Construct[], d: EcsReporter, tags: LabelTags): void {
  tagWith(w.serviceLabels ?? {}, `${w.path} serviceLabels`, 'is left out: it', 'to have it as a tag', constructs, d, tags);
}

function tagWith(labels: Readonly<Record<string, string>>, prop: string, outcome: string, purpose: string, constructs: readonly Construct[], d: EcsReporter, tags: LabelTags): void {
  for (const [key, value] of Object.entries(labels)) {
    const fits = TAG_TEXT.test(key) && TAG_TEXT.test(value) && key.length >= 1 && key.length <= 128 && value.length <= 256 && !key.startsWith('aws:');
    if (!fits) {
      d.report('ecs/label-not-tag', `${prop}.${key}`, `the label ${outcome} is not a valid AWS tag (got ${JSON.stringify(`${key}=${value}`)})`, `Use letters, digits, spaces and _ . : / = + - @ only, at most 128 characters for the key and 256 for the value, ${purpose}.`);
      continue;
    }
    tags.add(key, value, constructs);
  }
}
