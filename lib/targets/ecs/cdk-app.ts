import * as path from 'path';
import type { App, Stack } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { Reporter } from '../../diagnostics/reporter';
import type { SystemSpec } from '../../model/spec';
import { assemblyReader } from './assembly';
import { ECS_CODES, type EcsReporter } from './codes';
import { checkSynthesizedStacks } from './stack-limits';
import { buildSystemStacks, type SystemStacks } from './system-stack';

/**
 * A system on an aws-cdk-lib App, in two steps around `app.synth()`: what the ECS target (target.ts) and the
 * cdk.json entry (bin/ecs.ts) both do, so that `lading synth --target ecs` and `cdk synth` find the same.
 */

export interface EcsStacksContext {
  /** The project root: where relative build contexts start. */
  readonly projectRoot: string;
  /** In a split system, only the stacks of these buckets beside the main one (see buildSystemStacks). */
  readonly only?: ReadonlySet<string>;
}

/** One system added to an App. */
export interface AddedSystem {
  readonly system: string;
  /** What building the stacks found, in the order found. */
  readonly diagnostics: readonly Diagnostic[];
  /** Undefined when an error stopped the system: then none of its stacks stays in the App. */
  readonly stacks?: SystemStacks;
}

/** Adds the stacks of one system to `app` (see buildSystemStacks); with an error, takes them out again. */
export function addSystemStacks(app: App, spec: SystemSpec, context: EcsStacksContext): AddedSystem {
  const d = new Reporter(ECS_CODES, 'ecs');
  const before = new Set(app.node.children);
  const built = buildSystemStacks(app, spec, d, { projectRoot: path.resolve(context.projectRoot), only: context.only });
  if (built && !d.hasErrors) return { system: spec.name, diagnostics: d.diagnostics, stacks: built };
  for (const child of app.node.children) if (!before.has(child)) app.node.tryRemoveChild(child.node.id);
  return { system: spec.name, diagnostics: d.diagnostics };
}

/**
 * After `app.synth()`: what aws-cdk-lib itself reported about the system's stacks, and every stack as synthesized
 * measured against CloudFormation's limits (the stack plan only estimates): every stack, or those `measured` (a part
 * of a render in parts leaves the main stack to the join, where its exports are all known). `read` gives the text
 * of a file of the assembly (the target reads the files again for its output: assemblyReader reads each once).
 */
export function checkSynthesized(
  added: AddedSystem,
  assembly: CloudAssembly,
  measured: (stack: Stack) => boolean = () => true,
  read: (file: string) => string = assemblyReader(assembly.directory),
): readonly Diagnostic[] {
  if (!added.stacks) return [];
  const d = new Reporter(ECS_CODES, 'ecs');
  for (const stack of added.stacks.stacks) reportCdkMessages(added.system, assembly.getStackArtifact(stack.artifactId).messages, d);
  checkSynthesizedStacks(added.system, added.stacks.stacks.filter(measured), read, d, added.stacks.contents);
  return d.diagnostics;
}

/** What aws-cdk-lib itself reported about a stack: warnings as info (nothing the user wrote), errors as errors. */
export function reportCdkMessages(system: string, messages: readonly { level: string; id: string; entry: { data?: unknown } }[], d: EcsReporter): void {
  for (const m of messages) {
    if (m.level !== 'warning' && m.level !== 'error') continue;
    d.report(m.level === 'error' ? 'ecs/cdk-error' : 'ecs/cdk-warning', `${system} (${m.id.replace(/^\//, '')})`, String(m.entry.data));
  }
}
