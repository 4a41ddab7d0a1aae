import type { CodeOf, CodeTable } from '../../diagnostics/codes';

/**
 * Every diagnostic the Compose target emits, with its severity and a one-line summary.
 * Plain data: documentation and tests read it.
 */
export const COMPOSE_CODES = {
  'compose/registry-credentials': {
    severity: 'warning',
    summary: 'Compose cannot carry registry credentials: run `docker login` on the host before pulling.',
  },
  'compose/build-not-pushed': {
    severity: 'info',
    summary: '`docker compose up` builds the image; for a swarm, which builds nothing, use `lading synth --target swarm`.',
  },
  'compose/job-schedule': {
    severity: 'warning',
    summary: 'Compose cannot schedule a job: it runs once on `docker compose up`; schedule `docker compose run` elsewhere.',
  },
  'compose/secret-file': {
    severity: 'warning',
    summary: 'With Compose secrets the container gets a file under /run/secrets, not an environment variable.',
  },
  'compose/secret-existing-name': {
    severity: 'info',
    summary: "Compose has no secret store: an existing secret's name is not used; the value comes from the deploying host.",
  },
  'compose/volume-size': {
    severity: 'info',
    summary: 'A Compose volume has no size: the requested capacity is not enforced.',
  },
  'compose/volume-storage-class': {
    severity: 'info',
    summary: 'A storage class means nothing to Compose: the volume uses the local driver.',
  },
  'compose/ephemeral-size': {
    severity: 'info',
    summary: 'An anonymous Compose volume has no size limit: only a tmpfs mount can be limited.',
  },
  'compose/tmpfs-not-shared': {
    severity: 'warning',
    summary: 'Docker never shares a tmpfs mount between containers: a sidecar with volumes_from gets its own, empty tmpfs.',
  },
  'compose/health-probe-tool': {
    severity: 'warning',
    summary: 'An http or tcp health check becomes a shell probe: the image must contain the tool it runs.',
  },
  'compose/privileged': {
    severity: 'warning',
    summary: 'A privileged container is kept as asked: it has full access to the host.',
  },
  'compose/host-network': {
    severity: 'warning',
    summary: "Host networking is kept as asked: the container shares the host's network stack and joins no network.",
  },
  'compose/internal-network-port': {
    severity: 'warning',
    summary: 'A published port of a service on internal networks only is not reachable from the host.',
  },
  'compose/sidecar-replicas': {
    severity: 'warning',
    summary: 'Compose attaches every sidecar replica to the first container of its main service.',
  },
  'compose/sidecar-stack': {
    severity: 'info',
    summary: 'Sidecars join their main service through network_mode and volumes_from, which a swarm ignores: for a swarm, use `lading synth --target swarm`.',
  },
  'compose/service-name-collision': {
    severity: 'error',
    summary: 'A sidecar service name `<main>-<sidecar>` is already the name of another service.',
  },
  'compose/source-cidrs': {
    severity: 'warning',
    summary: 'Docker cannot restrict the sources of a published port (`from`): it is open to every source that reaches the host.',
  },
  'compose/autoscale': {
    severity: 'warning',
    summary: 'Compose does not scale a service: it runs autoscale.min copies; Kubernetes and ECS scale on the signal.',
  },
  'compose/route': {
    severity: 'warning',
    summary: 'Compose has no ingress: a route gets no TLS and no host or path routing; the port is published as written.',
  },
  'compose/placement': {
    severity: 'info',
    summary: '`docker compose up` runs every container on one host: placement is not applied; it stays under `deploy.placement` for `docker stack deploy`.',
  },
} as const satisfies CodeTable;

export type ComposeCode = CodeOf<typeof COMPOSE_CODES>;
