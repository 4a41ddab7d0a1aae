import * as fs from 'fs';
import * as path from 'path';
import type { ImportContext } from './context';
import { outsideFileDir } from './paths';
import type { ImagePlan, MountPlan } from './plan';

/** A port an image EXPOSEs: `3306`, `8600/udp`. */
export interface ExposedPort {
  readonly port: number;
  readonly protocol: 'tcp' | 'udp';
}

/** A file read for hints only: what is too large, outside the folder of the Compose file or not text is skipped. */
const MAX_HINT_BYTES = 256 * 1024;

export function readHint(ctx: ImportContext, abs: string): string | undefined {
  try {
    if (outsideFileDir(ctx, abs)) return undefined;
    const stat = fs.statSync(abs);
    if (!stat.isFile() || stat.size > MAX_HINT_BYTES) return undefined;
    return new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(abs));
  } catch {
    return undefined;
  }
}

/** The project files a service binds into its container (an nginx.conf, ...), with their text, where readable. */
export function boundFiles(ctx: ImportContext, mounts: readonly MountPlan[]): { readonly source: string; readonly text: string }[] {
  const out: { source: string; text: string }[] = [];
  for (const m of mounts) {
    if (m.kind !== 'bind' || !(m.source.startsWith('./') || m.source.startsWith('../'))) continue;
    const text = readHint(ctx, path.resolve(ctx.projectRoot, m.source));
    if (text !== undefined) out.push({ source: m.source, text });
  }
  return out;
}

interface Stage {
  readonly name?: string;
  readonly base: string;
  readonly exposes: ExposedPort[];
  readonly vars: Map<string, string>;
}

/**
 * Dockerfile instructions, continuation lines joined; the words after the instruction kept as one string, with
 * the 1-based line the instruction starts on.
 */
export function instructions(text: string): { keyword: string; args: string; line: number }[] {
  const out: { keyword: string; args: string; line: number }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let joined = lines[i];
    while (joined.endsWith('\\') && i + 1 < lines.length) joined = `${joined.slice(0, -1)} ${lines[++i]}`;
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(joined);
    if (m) out.push({ keyword: m[1].toUpperCase(), args: m[2].trim(), line: start + 1 });
  }
  return out;
}

function stagesOf(text: string): Stage[] {
  const stages: Stage[] = [];
  for (const { keyword, args } of instructions(text)) {
    if (keyword === 'FROM') {
      const words = args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const base = words[0] ?? '';
      const name = words.length >= 3 && words[1].toUpperCase() === 'AS' ? words[2] : undefined;
      const parent = stages.find((s) => s.name !== undefined && s.name === base);
      stages.push({ name, base, exposes: parent ? [...parent.exposes] : [], vars: new Map(parent?.vars ?? []) });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (!stage) continue;
    if (keyword === 'ARG' || keyword === 'ENV') {
      for (const m of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g)) stage.vars.set(m[1], m[2].replace(/^"|"$/g, ''));
      const spaced = /^([A-Za-z_][A-Za-z0-9_]*)\s+([^=\s]\S*)$/.exec(args);
      if (keyword === 'ENV' && spaced) stage.vars.set(spaced[1], spaced[2]);
    }
    if (keyword === 'EXPOSE') {
      for (const word of args.split(/\s+/)) {
        const resolved = word.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, v: string) => stage.vars.get(v) ?? '?');
        const m = /^(\d{1,5})(?:\/(tcp|udp))?$/.exec(resolved);
        if (m && Number(m[1]) >= 1 && Number(m[1]) <= 65535) stage.exposes.push({ port: Number(m[1]), protocol: (m[2] as 'tcp' | 'udp' | undefined) ?? 'tcp' });
      }
    }
  }
  return stages;
}

/**
 * The ports that the stage a service builds (its `target`, else the last) EXPOSEs, with those of the stages it is
 * built FROM; undefined when the image is pulled from a registry or its Dockerfile cannot be read.
 */
export function exposedPorts(ctx: ImportContext, image: ImagePlan): { readonly dockerfile: string; readonly stage: string; readonly ports: readonly ExposedPort[] } | undefined {
  if (image.kind !== 'build') return undefined;
  const dockerfile = path.posix.join(image.context, image.dockerfile ?? 'Dockerfile');
  const text = readHint(ctx, path.resolve(ctx.projectRoot, dockerfile));
  if (text === undefined) return undefined;
  const stages = stagesOf(text);
  const stage = image.target !== undefined ? stages.find((s) => s.name === image.target) : stages[stages.length - 1];
  if (!stage) return undefined;
  return { dockerfile, stage: stage.name ?? `the last stage (FROM ${stage.base})`, ports: stage.exposes };
}
