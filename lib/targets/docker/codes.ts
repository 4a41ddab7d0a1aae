import type { CodeOf, CodeTable } from '../../diagnostics/codes';

/**
 * Every diagnostic the docker target emits, with its severity and a one-line summary.
 * Plain data: documentation and tests read it.
 */
export const DOCKER_CODES = {
  'docker/registry-credentials': {
    severity: 'warning',
    summary: 'The script cannot log in to a registry: run `docker login` on the host before running it.',
  },
  'docker/job-schedule': {
    severity: 'warning',
    summary: '`docker` cannot schedule a job: the script runs it once; run it from the host\'s cron on the schedule.',
  },
  'docker/secret-existing-name': {
    severity: 'info',
    summary: "`docker run` has no secret store: an existing secret's name is not used; the value comes from the caller's environment.",
  },
  'docker/volume-size': {
    severity: 'info',
    summary: 'A local Docker volume has no size: the requested capacity is not enforced.',
  },
  'docker/volume-storage-class': {
    severity: 'info',
    summary: 'A storage class means nothing to `docker volume create`: the volume uses the local driver.',
  },
  'docker/ephemeral-size': {
    severity: 'info',
    summary: 'An anonymous volume has no size limit: only a tmpfs mount can be limited.',
  },
  'docker/tmpfs-not-shared': {
    severity: 'warning',
    summary: '`--volumes-from` never shares a tmpfs mount: the sidecar gets no mount at that path.',
  },
  'docker/health-shell': {
    severity: 'info',
    summary: '`--health-cmd` always runs through /bin/sh in the container: an exec-form check needs a shell in the image.',
  },
  'docker/health-probe-tool': {
    severity: 'warning',
    summary: 'An http or tcp health check becomes a shell probe: the image must contain the tool it runs.',
  },
  'docker/privileged': {
    severity: 'warning',
    summary: 'A privileged container is kept as asked: it has full access to the host.',
  },
  'docker/host-network': {
    severity: 'warning',
    summary: "Host networking is kept as asked: the container shares the host's network stack and joins no network.",
  },
  'docker/internal-network-port': {
    severity: 'warning',
    summary: 'A published port of a container on internal networks only is not reachable from the host.',
  },
  'docker/fixed-port-replicas': {
    severity: 'error',
    summary: 'Several containers cannot bind one fixed host port: replicas need a dynamic host port.',
  },
  'docker/container-name-collision': {
    severity: 'error',
    summary: 'Two containers of the script would have the same name (`<app>-<service>[-<n>][-<sidecar>]`).',
  },
  'docker/source-cidrs': {
    severity: 'warning',
    summary: 'Docker cannot restrict the sources of a published port (`from`): it is open to every source that reaches the host.',
  },
  'docker/autoscale': {
    severity: 'warning',
    summary: 'docker does not scale a service: it runs autoscale.min copies; Kubernetes and ECS scale on the signal.',
  },
  'docker/route': {
    severity: 'warning',
    summary: 'docker has no ingress: a route gets no TLS and no host or path routing; the port is published as written.',
  },
  'docker/placement': {
    severity: 'info',
    summary: 'A docker script runs every container on one host: placement is not applied.',
  },
  'docker/service-labels': {
    severity: 'info',
    summary: 'docker run creates no service object: service labels (Compose deploy.labels) are set nowhere; labels of the container are kept.',
  },
} as const satisfies CodeTable;

export type DockerCode = CodeOf<typeof DOCKER_CODES>;
