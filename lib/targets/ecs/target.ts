import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { SystemSpec } from '../../model/spec';
import type { PartOf, RenderContext, Target, TargetPart, TargetResult } from '../target';
import { assemblyReader, createEcsApp, readAssembly } from './assembly';
import { addSystemStacks, checkSynthesized } from './cdk-app';
import { partBuckets } from './stack-parts';

/**
 * Renders one system to a cloud assembly of its own under `dist/ecs/<app>/` (manifest.json,
 * `<Stack>.template.json`, asset manifest), deployable with `npx cdk deploy --app dist/ecs/<app>`.
 * Build contexts start at `context.projectRoot`.
 */
export const ecsTarget: Target = {
  name: 'ecs',
  render(spec: SystemSpec, context: RenderContext): TargetResult {
    return renderEcs(spec, context);
  },
  outputsOf(app: string): readonly string[] {
    return [app];
  },
  /**
   * One part of a split system: the main stack whole, and the workload stacks of the part's buckets; the main
   * stack's limits are checked when the parts are joined (stack-parts.ts).
   */
  renderPart(spec: SystemSpec, context: RenderContext, part: PartOf): TargetPart {
    return renderEcs(spec, context, new Set(partBuckets(spec, part.count)[part.index]));
  },
};

/** A system, or with `only` the part of it that holds those buckets' stacks (see buildSystemStacks), as files. */
export function renderEcs(spec: SystemSpec, context: RenderContext, only?: ReadonlySet<string>): TargetResult {
  const root = path.resolve(context.projectRoot);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-ecs-'));
  try {
    const app = createEcsApp({ outdir: tmp, referenceAssets: true });
    const added = addSystemStacks(app, spec, { projectRoot: root, only });
    if (!added.stacks) return { files: [], diagnostics: added.diagnostics };
    const main = added.stacks.main;
    const read = assemblyReader(tmp);
    const diagnostics = [...added.diagnostics, ...checkSynthesized(added, app.synth(), (stack) => !only || stack !== main, read)];
    if (diagnostics.some((d) => d.severity === 'error')) return { files: [], diagnostics };
    const fromAssembly = path.posix.join('..', context.projectRootFromTargetDir);
    const relocate = (absolute: string) => path.posix.join(fromAssembly, path.relative(root, absolute).split(path.sep).join('/'));
    const files = readAssembly(tmp, spec.name, relocate, root, tmp, read);
    return { files, diagnostics };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
