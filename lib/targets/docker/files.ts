import type { ContainerSpec, SystemSpec } from '../../model/spec';
import { secretValue } from './secret-source';
import { allContainers, placedConfigs, placedSecrets, secretsMountedAsFiles } from '../docker-engine/files';
import { fromProjectRoot, wordThen } from './paths';
import type { DockerScope } from './scope';
import { quote, variableThen, type Word } from './shell';

/** The shell variable that holds the script's private folder of written files. */
const FILES_VARIABLE = 'lading_files';

/** The mode every config file has unless the model says otherwise: a project file is then bound as it is. */
const DEFAULT_MODE = 0o444;

/** One file written into the private folder at run time: where it goes, and the lines that write it. */
interface WrittenFile {
  readonly container: ContainerSpec;
  /** File name inside the private folder: `<container>-<mount index>[-<n>]`. */
  readonly name: string;
  readonly target: string;
  readonly lines: string[];
}

const shellWord = (word: Word): string => (typeof word === 'string' ? quote(word) : word.shell);

const octal = (mode: number) => `0${mode.toString(8).padStart(3, '0')}`;

/** The private folder's name for the files of one mount of one container. */
function fileName(container: ContainerSpec, index: number, n: number): string {
  const who = container.path.split('/').slice(1).join('-');
  return `${who}-${index}${n > 0 ? `-${n}` : ''}`;
}

/**
 * Every file the script writes before starting containers: inline config text, config files with a mode of their
 * own (copied from the project, then given that mode) and secrets (from the caller's environment, written with
 * mode 0400 and then given the mount's mode). None is ever in the script: a secret comes from the environment, or
 * from its own project file.
 */
function writtenFiles(scope: DockerScope, container: ContainerSpec): WrittenFile[] {
  const out: WrittenFile[] = [];
  const dir = `"$${FILES_VARIABLE}"`;
  const entries = new Map<number, number>();
  for (const c of placedConfigs(scope.spec, container)) {
    if (c.projectFile !== undefined && c.mount.mode === DEFAULT_MODE) continue;
    const n = entries.get(c.mount.index) ?? 0;
    entries.set(c.mount.index, n + 1);
    const name = fileName(container, c.mount.index, n);
    const write =
      c.projectFile !== undefined
        ? `cp ${shellWord(fromProjectRoot(c.projectFile))} ${dir}/${name}`
        : `printf '%s' ${quote(c.entry.base64)} | base64 -d >${dir}/${name}`;
    out.push({ container, name, target: c.target, lines: [write, `chmod ${octal(c.mount.mode)} ${dir}/${name}`] });
  }
  for (const s of placedSecrets(scope.spec, container)) {
    const name = fileName(container, s.mount.index, 0);
    out.push({
      container,
      name,
      target: s.mount.target,
      lines: [`(umask 0377 && ${secretValue(s.secret)} >${dir}/${name})`, `chmod ${octal(s.mount.mode)} ${dir}/${name}`],
    });
  }
  return out;
}

/**
 * The lines at the start of `up` that create the private folder (mode 0700, from `mktemp -d`) and write the
 * files into it; none when no container needs one. A secret's variable is checked first.
 */
export function fileLines(scope: DockerScope): string[] {
  const written = allContainers(scope.spec).flatMap((c) => writtenFiles(scope, c));
  if (written.length === 0) return [];
  const checks = secretsMountedAsFiles(scope.spec).filter((s) => s.file === undefined).map((s) => {
    const message = `set ${s.envName} to the value of secret ${s.name}`;
    return `: "\${${s.envName}:?${message.replace(/[\\"$`}]/g, '')}}"`;
  });
  const folder = `${FILES_VARIABLE}=$(mktemp -d "\${TMPDIR:-/tmp}/${scope.spec.name}-files.XXXXXX")`;
  return [...checks, folder, ...written.flatMap((w) => w.lines)];
}

/**
 * The `-v` flags of a container's config files and secret files, each read-only at the model's path: a project
 * file bound by its absolute path, any other from the private folder.
 */
export function fileFlags(scope: DockerScope, container: ContainerSpec): Word[][] {
  const written = new Map(writtenFiles(scope, container).map((w) => [w.target, w.name]));
  const flags: Word[][] = [];
  for (const c of placedConfigs(scope.spec, container)) {
    const name = written.get(c.target);
    const source = name !== undefined ? variableThen(FILES_VARIABLE, `/${name}`) : fromProjectRoot(c.projectFile as string);
    flags.push(['-v', wordThen(source, `:${c.target}:ro`)]);
  }
  for (const s of placedSecrets(scope.spec, container)) {
    flags.push(['-v', wordThen(variableThen(FILES_VARIABLE, `/${written.get(s.mount.target)}`), `:${s.mount.target}:ro`)]);
  }
  return flags;
}

/** The line of `down` that removes the private folders of earlier runs, for an app that has any. */
export function filesCleanup(spec: SystemSpec): string[] {
  const any = allContainers(spec).some((c) => c.files.some((f) => f.kind === 'secret') || placedConfigs(spec, c).some((p) => p.projectFile === undefined || p.mount.mode !== DEFAULT_MODE));
  return any ? [`  rm -rf "\${TMPDIR:-/tmp}"/${spec.name}-files.*`] : [];
}
