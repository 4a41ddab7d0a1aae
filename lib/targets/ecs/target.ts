import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { SystemSpec } from '../../model/spec';
import type { RenderContext, Target, TargetResult } from '../target';
import { createEcsApp, readAssembly } from './assembly';
import { EcsDiagnostics } from './diagnostics';
import { checkSynthesizedStacks } from './stack-limits';
import { buildSystemStacks } from './system-stack';

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
};

export function renderEcs(spec: SystemSpec, context: RenderContext): TargetResult {
  const d = new EcsDiagnostics();
  const root = path.resolve(context.projectRoot);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-ecs-'));
  try {
    const app = createEcsApp({ outdir: tmp, referenceAssets: true });
    const built = buildSystemStacks(app, spec, d, { projectRoot: root });
    if (!built || d.hasErrors) return { files: [], diagnostics: d.all };
    const assembly = app.synth();
    for (const stack of built.stacks) {
      const artifact = assembly.getStackArtifact(stack.artifactId);
      reportCdkMessages(spec.name, artifact.messages, d);
    }
    checkSynthesizedStacks(spec.name, built.stacks, assembly.directory, d, built.contents);
    if (d.hasErrors) return { files: [], diagnostics: d.all };
    const fromAssembly = path.posix.join('..', context.projectRootFromTargetDir);
    const relocate = (absolute: string) => path.posix.join(fromAssembly, path.relative(root, absolute).split(path.sep).join('/'));
    const files = readAssembly(tmp, spec.name, relocate, root, tmp);
    return { files, diagnostics: d.all };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** What aws-cdk-lib itself reported about the stack: warnings as info (nothing the user wrote), errors as errors. */
export function reportCdkMessages(system: string, messages: readonly { level: string; id: string; entry: { data?: unknown } }[], d: EcsDiagnostics): void {
  for (const m of messages) {
    if (m.level !== 'warning' && m.level !== 'error') continue;
    d.add(m.level === 'error' ? 'ecs/cdk-error' : 'ecs/cdk-warning', `${system} (${m.id.replace(/^\//, '')})`, String(m.entry.data));
  }
}
