import { containersOf } from '../containers';
import type { Rule } from '../rule';

/** Sockets of container runtimes: whoever holds one can start a privileged container on the host. */
const RUNTIME_SOCKETS = [
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/run/containerd/containerd.sock',
  '/var/run/containerd/containerd.sock',
  '/run/crio/crio.sock',
  '/var/run/crio/crio.sock',
  '/run/podman/podman.sock',
];

/** Host folders that hold the host's configuration, kernel interfaces, devices or other containers' data. */
const SENSITIVE_FOLDERS = ['/', '/boot', '/dev', '/etc', '/proc', '/root', '/sys', '/var/lib/docker', '/var/lib/containerd', '/var/lib/kubelet'];

/** Folders where anything below is as sensitive as the folder itself. */
const SENSITIVE_TREES = ['/boot', '/dev', '/proc', '/sys', '/var/lib/docker', '/var/lib/containerd', '/var/lib/kubelet'];

const within = (path: string, folder: string): boolean => folder === '/' || path === folder || path.startsWith(`${folder}/`);

/** What is wrong with binding `source`, or undefined when it is not sensitive. */
export function sensitiveHostPath(source: string): string | undefined {
  const path = source === '/' ? '/' : source.replace(/\/+$/, '');
  if (!path.startsWith('/')) return undefined;
  const socket = RUNTIME_SOCKETS.find((s) => within(s, path));
  if (socket !== undefined) {
    const what = socket === path ? `the container runtime's socket ${path}` : `${path}, which holds the container runtime's socket ${socket},`;
    return `${what} is mounted: the container can start privileged containers and so control the host`;
  }
  if (SENSITIVE_FOLDERS.includes(path) || SENSITIVE_TREES.some((t) => within(path, t))) {
    return `the host path ${path} is mounted: it exposes the host's configuration, kernel interfaces or devices to the container`;
  }
  return undefined;
}

/** Docker: mounting the Docker socket or system folders hands the host over to the container. */
export const sensitiveHostPathRule: Rule = {
  code: 'lint/sensitive-host-path',
  check: (spec, _context, reporter) =>
    containersOf(spec).flatMap(({ container }) =>
      container.mounts.flatMap((m, i) => {
        if (m.kind !== 'bind') return [];
        const problem = sensitiveHostPath(m.source);
        if (problem === undefined) return [];
        return [reporter.make('lint/sensitive-host-path', `${container.path} mounts[${i}]`, problem, 'Mount only the files the container needs, read-only, or talk to the runtime through an API with its own access control.')];
      }),
    ),
};
