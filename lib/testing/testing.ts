import type { Template } from 'aws-cdk-lib/assertions';
import * as path from 'path';
import { parse, parseAllDocuments } from 'yaml';
import type { Diagnostic, TargetName } from '../diagnostics/diagnostic';
import { formatDiagnostic } from '../diagnostics/pipeline';
import type { Suppressed } from '../diagnostics/suppressions';
import type { System } from '../model/system';
import { diagnoseApp } from '../synth/diagnose';
import { renderTarget } from '../synth/render-target';
import { onlyTemplate } from './only-template';

export interface TestingSynthOptions {
  /**
   * Where relative build contexts and bind mounts start, as for `lading synth` run in that folder.
   * @default process.cwd()
   */
  readonly projectRoot?: string;
}

/** One app rendered on one target, in memory: what `lading synth --target <target>` would write and report. */
export interface Synthesized {
  readonly target: TargetName;
  /** The files, by path relative to the target's folder (`dist/<target>/`), sorted: `shop.k8s.yaml`. */
  readonly files: Readonly<Record<string, string>>;
  /** The diagnostics lading synth reports for this app and target: the target's and lint's, suppressions applied, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** What a workload's `suppress` turned off, with its reason. */
  readonly suppressed: readonly Suppressed[];
}

/** A Kubernetes object as rendered: `apiVersion`, `kind`, `metadata` and the rest. */
export interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

/**
 * Unit tests of a lading app, as cdk8s's `Testing.synth` and aws-cdk-lib's `Template.fromStack` are for theirs.
 * Nothing is written to disk. The helpers throw when the target reports an error, with the diagnostics' text.
 */
export class Testing {
  /** Renders `system` on `target` in memory: its files and the diagnostics `lading synth` would print. */
  public static async synth(system: System, target: TargetName, options: TestingSynthOptions = {}): Promise<Synthesized> {
    const spec = system.toSpec();
    const projectRoot = path.resolve(options.projectRoot ?? process.cwd());
    const result = await renderTarget(target, spec, path.join(projectRoot, 'dist', target), projectRoot);
    const { kept, suppressed } = diagnoseApp(spec, [target], result.diagnostics);
    const files = Object.fromEntries([...result.files].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => [f.path, f.content]));
    return { target, files, diagnostics: kept, suppressed };
  }

  /** The Kubernetes objects of `system`, parsed from `<app>.k8s.yaml`, in the file's order. */
  public static async kubernetesObjects(system: System, options: TestingSynthOptions = {}): Promise<KubernetesObject[]> {
    const out = await Testing.synthOk(system, 'kubernetes', options);
    return Object.values(out.files).flatMap((text) =>
      parseAllDocuments(text)
        .map((doc) => doc.toJS() as KubernetesObject | null)
        .filter((o): o is KubernetesObject => o !== null),
    );
  }

  /**
   * The CloudFormation templates of `system` on ECS, each wrapped in aws-cdk-lib's `Template`
   * (`hasResourceProperties`, `resourceCountIs`, ...), by stack name.
   */
  public static async ecsTemplates(system: System, options: TestingSynthOptions = {}): Promise<Record<string, Template>> {
    const out = await Testing.synthOk(system, 'ecs', options);
    const { Template: TemplateClass } = require('aws-cdk-lib/assertions') as typeof import('aws-cdk-lib/assertions');
    const templates: Record<string, Template> = {};
    for (const [file, text] of Object.entries(out.files)) {
      const stack = /^[^/]+\/([^/]+)\.template\.json$/.exec(file)?.[1];
      if (stack) templates[stack] = TemplateClass.fromJSON(JSON.parse(text) as Record<string, unknown>);
    }
    return templates;
  }

  /** The one CloudFormation template of `system` on ECS; throws when the system was split into several stacks. */
  public static async ecsTemplate(system: System, options: TestingSynthOptions = {}): Promise<Template> {
    return onlyTemplate(system.name, await Testing.ecsTemplates(system, options));
  }

  /** The Compose document of `system`, parsed from `<app>/compose.yaml`. */
  public static async composeDocument(system: System, options: TestingSynthOptions = {}): Promise<Record<string, unknown>> {
    const out = await Testing.synthOk(system, 'compose', options);
    return parse(out.files[`${system.name}/compose.yaml`]) as Record<string, unknown>;
  }

  private static async synthOk(system: System, target: TargetName, options: TestingSynthOptions): Promise<Synthesized> {
    const out = await Testing.synth(system, target, options);
    const errors = out.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      throw new Error(`${system.name}: the ${target} target reported ${errors.length} error(s):\n${errors.map(formatDiagnostic).join('\n')}`);
    }
    return out;
  }
}
