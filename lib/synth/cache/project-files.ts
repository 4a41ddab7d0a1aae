import { createHash, type Hash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { TargetName } from '../../diagnostics/diagnostic';
import type { ContainerSpec, SystemSpec } from '../../model/spec';

/**
 * The folders and files of the project, relative to its root, whose content a target's output depends on.
 * Only ECS reads any: its Docker image assets (`DockerImageAsset`) hash each build context into the asset's name,
 * and the target checks that the context and its Dockerfile exist. The other targets only name the paths, which
 * are in the spec.
 */
export function projectFilesRead(target: TargetName | 'graph', spec: SystemSpec): string[] {
  if (target !== 'ecs') return [];
  const contexts = containersOf(spec).flatMap((c) => (c.image.kind === 'build' ? [c.image.context] : []));
  return [...new Set(contexts)].sort();
}

/** A hash of the paths and of everything below them: names, kinds, file contents and link targets. */
export function hashProjectFiles(projectRoot: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const p of paths) {
    hash.update(`path:${p}\0`);
    hashEntry(hash, path.resolve(projectRoot, p), '.');
  }
  return hash.digest('hex');
}

function containersOf(spec: SystemSpec): ContainerSpec[] {
  return [...spec.services, ...spec.jobs].flatMap((w) => [w.main, ...w.sidecars]);
}

function hashEntry(hash: Hash, absolute: string, rel: string): void {
  const stat = fs.lstatSync(absolute, { throwIfNoEntry: false });
  if (!stat) hash.update(`missing:${rel}\0`);
  else if (stat.isSymbolicLink()) hash.update(`link:${rel}\0${fs.readlinkSync(absolute)}\0`).update(followed(absolute));
  else if (stat.isDirectory()) {
    hash.update(`dir:${rel}\0`);
    for (const name of fs.readdirSync(absolute).sort()) hashEntry(hash, path.join(absolute, name), `${rel}/${name}`);
  } else if (stat.isFile()) hash.update(`file:${rel}\0`).update(fs.readFileSync(absolute)).update('\0');
  else hash.update(`other:${rel}\0`);
}

/** What a link leads to: a file's content, a folder's kind, or nothing. A link is never walked into. */
function followed(absolute: string): string {
  const stat = fs.statSync(absolute, { throwIfNoEntry: false });
  if (!stat) return 'missing\0';
  if (stat.isFile()) return `file\0${createHash('sha256').update(fs.readFileSync(absolute)).digest('hex')}\0`;
  return stat.isDirectory() ? 'dir\0' : 'other\0';
}

/**
 * Every file and folder of the project an app's output may follow, as absolute paths: each build context (a
 * folder), each Dockerfile and each config file or folder. `lading synth --watch` watches them beside the app modules.
 */
export function projectPathsUsed(spec: SystemSpec, projectRoot: string): string[] {
  const out = new Set<string>();
  for (const c of containersOf(spec)) {
    if (c.image.kind !== 'build') continue;
    const context = path.resolve(projectRoot, c.image.context);
    out.add(context);
    out.add(path.resolve(context, c.image.dockerfile));
  }
  for (const f of spec.configFiles) if (f.projectPath !== undefined) out.add(path.resolve(projectRoot, f.projectPath));
  return [...out].sort();
}
