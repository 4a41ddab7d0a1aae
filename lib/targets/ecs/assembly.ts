import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import type { TargetFile } from '../target';

interface EcsAppOptions {
  /** Where the cloud assembly goes; undefined lets the CDK CLI choose (CDK_OUTDIR). */
  readonly outdir?: string;
  /**
   * Leave Docker build contexts where they are instead of copying them into the assembly; the asset manifest
   * then points at the project's own directories.
   */
  readonly referenceAssets?: boolean;
}

/**
 * An App that synthesizes the same template wherever it runs: no stack traces, no analytics resource, no tree
 * file, and without the built-in CloudFormation schema validation (cfn-lint checks the templates instead; it
 * costs about two seconds per process). aws-cdk-lib's own check of the number of resources is off: it throws in
 * synth, whereas the stack plan and checkSynthesizedStacks (stack-limits.ts) report each stack over a limit as an
 * `ecs/stack-limits` error that says what to change. References from the workload stacks of a split system to the
 * shared one are strong exports, as aws-cdk-lib makes them by default, said explicitly (else it warns on the first
 * stack that refers to another, whichever that is).
 */
export function createEcsApp(options: EcsAppOptions = {}): App {
  return new App({
    outdir: options.outdir,
    autoSynth: false,
    stackTraces: false,
    analyticsReporting: false,
    treeMetadata: false,
    builtinCloudFormationValidation: false,
    context: {
      'aws:cdk:disable-creation-stack-traces': true,
      '@aws-cdk/core:stackResourceLimit': 0,
      '@aws-cdk/core:defaultCrossStackReferences': 'strong',
      '@aws-cdk/aws-autoscaling:generateLaunchTemplateInsteadOfLaunchConfig': true,
      ...(options.referenceAssets ? { 'aws:cdk:disable-asset-staging': true } : {}),
    },
  });
}

/** The files of a cloud assembly folder by path in it, each read once however often it is asked for. */
export function assemblyReader(dir: string): (rel: string) => string {
  const read = new Map<string, string>();
  return (rel) => {
    let content = read.get(rel);
    if (content === undefined) {
      content = fs.readFileSync(path.join(dir, rel), 'utf8');
      read.set(rel, content);
    }
    return content;
  };
}

function listFiles(dir: string, base = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, base), { withFileTypes: true })) {
    const rel = base ? `${base}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

/** A stack trace in a metadata file as aws-cdk-lib writes it, with the comma before it (metadataWithoutTraces). */
const TRACE = /,\n( *)"trace": \[\n(?:\1  .*\n)*?\1\]/g;

/**
 * A metadata file without its stack traces. aws-cdk-lib writes it as `JSON.stringify(metadata, undefined, 2)`, where
 * a trace is a line `"trace": [` after a comma, the lines of its frames (no string holds a line break) and the line
 * that closes it at the same indentation: those are cut from the text. Any other trace, or another layout, goes
 * through JSON.
 */
function metadataWithoutTraces(content: string): string {
  if (content.startsWith('{\n  "') && content.endsWith('\n}')) {
    const cut = content.replace(TRACE, '');
    if (!cut.includes('"trace"')) return cut;
  }
  return JSON.stringify(withoutTraces(JSON.parse(content)), undefined, 2);
}

function withoutTraces(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTraces);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== 'trace') out[k] = withoutTraces(v);
    return out;
  }
  return value;
}

/**
 * Reads a synthesized cloud assembly back as files under `prefix/`, with stack traces dropped and absolute
 * Docker build contexts rewritten relative to the assembly (`relocate`). Throws if an asset source
 * still names a path under `root` or `scratch`, or if any file names `scratch` (the assembly's own temporary
 * folder). Values the user wrote (a working directory, an env value, a build argument) may name any path,
 * the project's included: only the asset sources are paths of this machine. `read` gives a file's text (one read
 * before, by checkSynthesized, is not read again).
 */
export function readAssembly(
  dir: string,
  prefix: string,
  relocate: (absolute: string) => string,
  root: string,
  scratch: string,
  read: (rel: string) => string = assemblyReader(dir),
): TargetFile[] {
  const under = (p: string, folder: string) => p === folder || p.startsWith(`${folder}${path.sep}`);
  return listFiles(dir).map((rel) => {
    let content = read(rel);
    if (rel.endsWith('.metadata.json')) {
      content = metadataWithoutTraces(content);
    } else if (rel.endsWith('.assets.json')) {
      const manifest = JSON.parse(content) as AssetManifest;
      for (const image of Object.values(manifest.dockerImages ?? {})) {
        const source = image.source.directory;
        if (source && path.isAbsolute(source)) image.source.directory = relocate(source);
      }
      for (const asset of [...Object.values(manifest.dockerImages ?? {}), ...Object.values(manifest.files ?? {})]) {
        const source = asset.source.directory ?? asset.source.path;
        if (source && path.isAbsolute(source) && ((root.length > 1 && under(source, root)) || under(source, scratch))) {
          throw new Error(`the cloud assembly file ${rel} holds the absolute path ${source}`);
        }
      }
      content = JSON.stringify(manifest, undefined, 2);
    }
    const absolute = new RegExp(`(^|[\\s("'=])${scratch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/|"|$)`, 'm');
    if (absolute.test(content)) throw new Error(`the cloud assembly file ${rel} holds the absolute path ${scratch}`);
    return { path: `${prefix}/${rel}`, content };
  });
}

interface AssetManifest {
  readonly dockerImages?: Record<string, { source: { directory?: string; path?: string } }>;
  readonly files?: Record<string, { source: { directory?: string; path?: string } }>;
}
