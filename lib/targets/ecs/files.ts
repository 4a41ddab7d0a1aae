import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { posix } from 'node:path';
import type { ContainerSpec, SystemSpec } from '../../model/spec';
import { placedConfigs, placedSecrets } from '../docker-engine/files';
import type { EcsReporter } from './codes';
import { environmentOf, type ContainerPlan } from './containers';
import type { ContainerImage } from './images';
import type { AwsLogs } from './logs';
import type { TaskContainer, TaskDefinitionResource } from './task-definition-resource';

/**
 * What the files of one task may hold, in bytes before base64: their text travels in the task definition, which
 * ECS limits to 64 KiB as a whole, and base64 adds a third.
 */
const TASK_FILES_MAX_BYTES = 32 * 1024;

/** Where the files container sees the volume of each folder. */
const STAGING = '/lading-files';

/** A folder of the container that receives files, and the files written into it. */
interface FileFolder {
  readonly dir: string;
  readonly writes: string[];
}

/** `'...'` for sh. */
function shq(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

interface FilesPlan {
  /** The files container, mount points aside. */
  readonly options: ContainerPlan;
  /** Per folder: the task volume's name, the folder in the container, the staging folder in the files container. */
  readonly folders: readonly { readonly volume: string; readonly dir: string; readonly staging: string }[];
}

/**
 * The files of one container on ECS, which mounts folders, never single files, and has no config store: a
 * non-essential files container, from the container's own image, runs first (the container depends on its
 * SUCCESS). For each folder that receives a file it copies the image's own files of that folder into a task
 * volume, then writes each file from the task definition (config bytes as base64 in its environment, secrets
 * from Secrets Manager) with its mode. The container mounts each volume read-only at the folder. Undefined when
 * the container has no files or they cannot be delivered (an error says why).
 */
export function filesPlan(
  spec: SystemSpec,
  c: ContainerSpec,
  image: ContainerImage,
  logging: AwsLogs,
  secrets: ReadonlyMap<string, secretsmanager.ISecret>,
  budget: { used: number },
  d: EcsReporter,
): FilesPlan | undefined {
  if (c.files.length === 0) return undefined;
  const folders = new Map<string, FileFolder>();
  const environment: Record<string, string> = {};
  const secretVars: Record<string, secretsmanager.ISecret> = {};
  let failed = false;
  const folderOf = (dir: string, where: string, target: string): FileFolder | undefined => {
    if (dir === '/') {
      d.report('ecs/config-file-root', where, `ECS mounts folders, not files, and cannot mount a volume on / (got ${target}).`, 'Mount the file in a folder, e.g. /etc/app/app.conf.');
      failed = true;
      return undefined;
    }
    let folder = folders.get(dir);
    if (!folder) {
      folder = { dir, writes: [] };
      folders.set(dir, folder);
    }
    return folder;
  };
  const staged = (dir: string) => `${STAGING}/${[...folders.keys()].indexOf(dir)}`;
  const write = (folder: FileFolder, name: string, from: string, mode: number) => {
    const file = `${staged(folder.dir)}/${name}`;
    const parent = posix.dirname(name);
    if (parent !== '.') folder.writes.push(`mkdir -p ${shq(`${staged(folder.dir)}/${parent}`)}`);
    folder.writes.push(`${from} >${shq(file)}`, `chmod ${mode.toString(8)} ${shq(file)}`);
  };
  let n = 0;
  for (const p of placedConfigs(spec, c)) {
    const folderTarget = p.configFile.source === 'folder';
    const dir = folderTarget ? p.mount.target : posix.dirname(p.target);
    const name = folderTarget ? p.entry.name : posix.basename(p.target);
    budget.used += p.entry.sizeBytes;
    if (budget.used > TASK_FILES_MAX_BYTES) {
      d.report(
        'ecs/config-file-size',
        p.path,
        `the files of a task travel in its task definition, which holds at most ${TASK_FILES_MAX_BYTES} bytes of them (got ${budget.used} with ${p.configFile.projectPath ?? p.configFile.name})`,
        'Ship the file in the image, or keep it on a volume (EFS).',
      );
      return undefined;
    }
    const folder = folderOf(dir, p.path, p.target);
    if (!folder) continue;
    const variable = `LADING_FILE_${n++}`;
    environment[variable] = p.entry.base64;
    write(folder, name, `printf '%s' "$${variable}" | base64 -d`, p.mount.mode);
  }
  let s = 0;
  for (const p of placedSecrets(spec, c)) {
    const folder = folderOf(posix.dirname(p.mount.target), p.path, p.mount.target);
    if (!folder) continue;
    const variable = `LADING_SECRET_${s++}`;
    secretVars[variable] = secrets.get(p.secret.name)!;
    write(folder, posix.basename(p.mount.target), `printf '%s' "$${variable}"`, p.mount.mode);
  }
  if (failed) return undefined;
  const list = [...folders.values()];
  for (const f of list) {
    d.report(
      'ecs/config-file-folder',
      `${c.path} mounts`,
      `ECS mounts folders, not files: ${f.dir} becomes a read-only volume holding the image's own files of that folder and the files written there.`,
    );
  }
  const script = [
    'set -eu',
    ...list.flatMap((f) => [`cp -a ${shq(`${f.dir}/.`)} ${shq(`${staged(f.dir)}/`)} 2>/dev/null || true`, ...f.writes]),
  ].join('\n');
  return {
    options: {
      name: `${c.name}-files`,
      image,
      logging,
      secrets: Object.keys(secretVars).length > 0 ? secretVars : undefined,
      fields: { essential: false, user: '0', entryPoint: ['sh', '-c'], command: [script], environment: environmentOf(environment) },
    },
    folders: list.map((f, i) => ({ volume: `files-${c.name}-${i}`, dir: f.dir, staging: staged(f.dir) })),
  };
}

/** Adds the files container of `def` to the task, its volumes and the mounts on both sides; `def` waits for it. */
export function addFilesContainer(task: TaskDefinitionResource, def: TaskContainer, plan: FilesPlan): void {
  const files = task.addContainer(plan.options);
  for (const f of plan.folders) {
    task.volumes.push({ name: f.volume });
    files.mountPoints.push({ sourceVolume: f.volume, containerPath: f.staging, readOnly: false });
    def.mountPoints.push({ sourceVolume: f.volume, containerPath: f.dir, readOnly: true });
  }
  def.dependsOn.push({ containerName: plan.options.name, condition: 'SUCCESS' });
}
