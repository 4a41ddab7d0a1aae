import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Template } from 'aws-cdk-lib/assertions';
import type { Diagnostic } from '../../../lib/diagnostics/diagnostic';
import type { EcsOptionsSpec, SystemSpec } from '../../../lib/model/spec';
import { createEcsApp } from '../../../lib/targets/ecs/assembly';
import { addSystemStacks } from '../../../lib/targets/ecs';

export const PROJECT_ROOT = path.resolve(__dirname, '../../..');

export interface EcsSynth {
  /** Undefined when an error stopped the stack. */
  readonly template?: Template;
  readonly diagnostics: readonly Diagnostic[];
}

/** Builds the stack of one system and returns its template (via aws-cdk-lib/assertions) and the diagnostics. */
export function synthEcs(spec: SystemSpec): EcsSynth {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-ecs-test-'));
  try {
    const app = createEcsApp({ outdir, referenceAssets: true });
    const { stacks, diagnostics } = addSystemStacks(app, spec, { projectRoot: PROJECT_ROOT });
    return { template: stacks ? Template.fromStack(stacks.main) : undefined, diagnostics };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The template of a system that must synthesize. */
export function templateOf(spec: SystemSpec): Template {
  const { template, diagnostics } = synthEcs(spec);
  if (!template) throw new Error(`expected a template, got errors:\n${diagnostics.map((d) => `${d.path}: ${d.message}`).join('\n')}`);
  return template;
}

/** The same spec with other ECS options. */
export function withEcs(spec: SystemSpec, ecs: Partial<EcsOptionsSpec>): SystemSpec {
  return { ...spec, options: { ...spec.options, ecs: { ...spec.options.ecs, ...ecs } } };
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

export function find(diagnostics: readonly Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.find((d) => d.code === code);
  if (!found) throw new Error(`no ${code} among: ${codes(diagnostics).join(', ')}`);
  return found;
}

type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[] };

/** Resources of one type, by logical id. */
export function resources(t: Template, type: string): Record<string, Resource> {
  return t.findResources(type) as Record<string, Resource>;
}

/** The one resource of a type whose properties match `pick`. */
export function one(t: Template, type: string, pick: (p: Record<string, any>) => boolean = () => true): Resource & { id: string } {
  const matches = Object.entries(resources(t, type)).filter(([, r]) => pick(r.Properties ?? {}));
  if (matches.length !== 1) throw new Error(`expected one ${type}, found ${matches.length}`);
  return { id: matches[0][0], ...matches[0][1] };
}

/** The container definitions of the task definition of one family. */
export function containersOf(t: Template, family: string): Record<string, any>[] {
  return one(t, 'AWS::ECS::TaskDefinition', (p) => p.Family === family).Properties.ContainerDefinitions;
}

export function taskDefinitionOf(t: Template, family: string): Record<string, any> {
  return one(t, 'AWS::ECS::TaskDefinition', (p) => p.Family === family).Properties;
}

export function serviceOf(t: Template, name: string): Resource & { id: string } {
  return one(t, 'AWS::ECS::Service', (p) => p.ServiceName === name);
}
