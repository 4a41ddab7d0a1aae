import type { Template } from 'aws-cdk-lib/assertions';
import * as path from 'path';
import { parse, parseAllDocuments } from 'yaml';
import type { Diagnostic, TargetName } from '../diagnostics/diagnostic';
import { formatDiagnostic } from '../diagnostics/pipeline';
import type { Suppressed } from '../diagnostics/suppressions';
import { DEFAULT_STAGE, type Stage } from '../model/stage';
import type { System } from '../model/system';
import { diagnoseApp } from '../synth/diagnose';
import { renderTarget } from '../synth/render-target';
import { stageNameProblem } from '../synth/resolve-stage';
import { onlyTemplate } from './only-template';

export interface TestingSynthOptions {
  /**
   * Where relative build contexts and bind mounts start, as for `lading synth` run in that folder.
   * @default process.cwd()
   */
  readonly projectRoot?: string;
  /**
   * The stage to build when the app is a stage function (`(stage) => System`), as `lading synth --stage NAME`
   * builds it.
   * @default 'dev'
   */
  readonly stage?: string;
}

/** What an app module exports: a System, or a function that builds the System of a stage. */
export type TestedApp = System | ((stage: Stage) => System);

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
  /** Renders `app` (of `options.stage`) on `target` in memory: its files and the diagnostics `lading synth` would print. */
  public static async synth(app: TestedApp, target: TargetName, options: TestingSynthOptions = {}): Promise<Synthesized> {
    const spec = Testing.systemOf(app, options).toSpec();
    const projectRoot = path.resolve(options.projectRoot ?? process.cwd());
    const result = await renderTarget(target, spec, path.join(projectRoot, 'dist', target), projectRoot);
    const { kept, suppressed } = diagnoseApp(spec, [target], result.diagnostics);
    const files = Object.fromEntries([...result.files].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => [f.path, f.content]));
    return { target, files, diagnostics: kept, suppressed };
  }

  /** The Kubernetes objects of `system`, parsed from `<app>.k8s.yaml`, in the file's order. */
  public static async kubernetesObjects(app: TestedApp, options: TestingSynthOptions = {}): Promise<KubernetesObject[]> {
    const out = await Testing.synthOk(app, 'kubernetes', options);
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
  public static async ecsTemplates(app: TestedApp, options: TestingSynthOptions = {}): Promise<Record<string, Template>> {
    const out = await Testing.synthOk(app, 'ecs', options);
    const { Template: TemplateClass } = require('aws-cdk-lib/assertions') as typeof import('aws-cdk-lib/assertions');
    const templates: Record<string, Template> = {};
    for (const [file, text] of Object.entries(out.files)) {
      const stack = /^[^/]+\/([^/]+)\.template\.json$/.exec(file)?.[1];
      if (stack) templates[stack] = TemplateClass.fromJSON(JSON.parse(text) as Record<string, unknown>);
    }
    return templates;
  }

  /** The one CloudFormation template of `system` on ECS; throws when the system was split into several stacks. */
  public static async ecsTemplate(app: TestedApp, options: TestingSynthOptions = {}): Promise<Template> {
    return onlyTemplate(Testing.systemOf(app, options).name, await Testing.ecsTemplates(app, options));
  }

  /** The Compose document of `system`, parsed from `<app>/compose.yaml`. */
  public static async composeDocument(app: TestedApp, options: TestingSynthOptions = {}): Promise<Record<string, unknown>> {
    const out = await Testing.synthOk(app, 'compose', options);
    return parse(out.files[`${Testing.systemOf(app, options).name}/compose.yaml`]) as Record<string, unknown>;
  }

  /**
   * The System of `app`: built for `options.stage` when it is a stage function. A stage that is not a DNS-1123 label,
   * or a stage given for a System that is the same in every stage, is an error.
   */
  public static systemOf(app: TestedApp, options: TestingSynthOptions = {}): System {
    const stage = options.stage;
    const problem = stage === undefined ? undefined : stageNameProblem(stage, 'stage');
    if (problem) throw new Error(problem);
    if (typeof app !== 'function') {
      if (stage !== undefined) throw new Error(`stage ${stage}: ${app.name} is one System for every stage. Export a function (stage) => System to build stages, or leave stage out.`);
      return app;
    }
    return app(Object.freeze({ name: stage ?? DEFAULT_STAGE }));
  }

  private static async synthOk(app: TestedApp, target: TargetName, options: TestingSynthOptions): Promise<Synthesized> {
    const system = Testing.systemOf(app, options);
    const out = await Testing.synth(system, target, { ...options, stage: undefined });
    const errors = out.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      throw new Error(`${system.name}: the ${target} target reported ${errors.length} error(s):\n${errors.map(formatDiagnostic).join('\n')}`);
    }
    return out;
  }
}
