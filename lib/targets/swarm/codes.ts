import type { CodeOf, CodeTable } from '../../diagnostics/codes';

/**
 * Every diagnostic the Swarm target emits, with its severity and a one-line summary.
 * Plain data: documentation and tests read it.
 */
export const SWARM_CODES = {
  'swarm/build-image': {
    severity: 'warning',
    summary: '`docker stack deploy` does not build images: build and push the tag of a built image before deploying.',
  },
  'swarm/registry-credentials': {
    severity: 'info',
    summary: 'Registry credentials travel with `docker stack deploy --with-registry-auth`, after `docker login` on the manager.',
  },
  'swarm/secret-external': {
    severity: 'info',
    summary: 'A secret is an external Swarm secret: create it with `docker secret create` before deploying the stack.',
  },
  'swarm/secret-name': {
    severity: 'error',
    summary: "A secret's existing name, with no name of its own for Swarm (existingName.swarm), is not a valid Swarm secret name.",
  },
  'swarm/secret-from-file': {
    severity: 'info',
    summary: '`docker stack deploy` creates a secret from its project file once: a Swarm secret cannot change, so a new value needs the old secret removed.',
  },
  'swarm/secret-file': {
    severity: 'warning',
    summary: 'A Swarm secret reaches the container as a file under /run/secrets, not as an environment variable.',
  },
  'swarm/secret-env': {
    severity: 'info',
    summary: "With the Swarm option secrets: 'env', secret env is interpolated from the deploying shell: the value is part of the service spec, visible to `docker service inspect`.",
  },
  'swarm/job-schedule': {
    severity: 'warning',
    summary: 'Swarm cannot schedule a job: it runs once when the stack is deployed; re-run it from cron with `docker service update --force`.',
  },
  'swarm/depends-on': {
    severity: 'info',
    summary: 'Swarm starts every service of a stack at once: a dependency does not order the start.',
  },
  'swarm/cpu-shares': {
    severity: 'info',
    summary: 'Swarm has no CPU weight (`--cpu-shares`): it is left out of the stack file.',
  },
  'swarm/devices': {
    severity: 'warning',
    summary: '`docker stack deploy` gives a service no host devices: they are left out.',
  },
  'swarm/gpus': {
    severity: 'info',
    summary: 'GPUs are reserved as the generic resource NVIDIA-GPU: only nodes that advertise it (daemon.json node-generic-resources, the NVIDIA runtime) run the service.',
  },
  'swarm/gpus-not-counted': {
    severity: 'error',
    summary: 'Swarm reserves GPUs by count only: all of a node\'s GPUs, or GPUs by id, cannot be said.',
  },
  'swarm/gpu-capabilities': {
    severity: 'warning',
    summary: "A Swarm service asks for no GPU capabilities: the NVIDIA runtime's default (compute, utility) applies unless the env sets NVIDIA_DRIVER_CAPABILITIES.",
  },
  'swarm/host-pid': {
    severity: 'warning',
    summary: "`docker stack deploy` cannot share the host's process namespace (`pid: host`): it is left out.",
  },
  'swarm/dns-options': {
    severity: 'warning',
    summary: 'A stack file has no `dns_opt`: the resolver options are left out (`docker service update --dns-option-add` sets them).',
  },
  'swarm/health-start-interval': {
    severity: 'warning',
    summary: "A stack file has no health-check `start_interval`: the start period's checks run at Docker's default start interval.",
  },
  'swarm/groups': {
    severity: 'warning',
    summary: 'A stack file has no `group_add`: supplementary groups are left out.',
  },
  'swarm/privileged': {
    severity: 'error',
    summary: 'Swarm cannot run a privileged container: `docker stack deploy` ignores `privileged`.',
  },
  'swarm/sidecar': {
    severity: 'warning',
    summary: 'Swarm has no pods: a sidecar becomes its own service, with its own network namespace, maybe on another node.',
  },
  'swarm/sidecar-ephemeral': {
    severity: 'warning',
    summary: "A sidecar's own service cannot share an ephemeral mount of its main container: it gets its own, empty one.",
  },
  'swarm/service-name-collision': {
    severity: 'error',
    summary: 'A sidecar service name `<main>-<sidecar>` is already the name of another service.',
  },
  'swarm/bind-relative': {
    severity: 'warning',
    summary: "A relative bind mount is resolved on the deploying machine: that absolute path must exist on every node.",
  },
  'swarm/bind-in-image': {
    severity: 'info',
    summary: 'A bind mount of files the built image already carries is left out: the container sees them as of the build, without live edits.',
  },
  'swarm/bind-mount': {
    severity: 'warning',
    summary: 'A bind mount reads the folder of the node that runs the task: it must exist on every node.',
  },
  'swarm/volume-node-local': {
    severity: 'info',
    summary: 'A local Swarm volume lives on one node: a task moved to another node starts with an empty volume.',
  },
  'swarm/project-folder-volume': {
    severity: 'info',
    summary: 'A volume that lives in a project folder on a single Docker host (hostPath) is a named Swarm volume: its data is there, starting empty, not in the folder.',
  },
  'swarm/volume-size': {
    severity: 'info',
    summary: 'A local Swarm volume has no size: the requested capacity is not enforced.',
  },
  'swarm/volume-storage-class': {
    severity: 'info',
    summary: 'A storage class means nothing to Swarm: the volume uses the local driver.',
  },
  'swarm/ephemeral-size': {
    severity: 'info',
    summary: 'An anonymous Swarm volume has no size limit: only a tmpfs mount can be limited.',
  },
  'swarm/health-probe-tool': {
    severity: 'warning',
    summary: 'An http or tcp health check becomes a shell probe: the image must contain the tool it runs.',
  },
  'swarm/host-network': {
    severity: 'warning',
    summary: "Host networking is kept as asked (Swarm's `host` network): the container shares the node's network stack.",
  },
  'swarm/internal-network-port': {
    severity: 'warning',
    summary: "A published port of a service on internal networks only is reachable through Swarm's routing mesh all the same.",
  },
  'swarm/restart-unless-stopped': {
    severity: 'info',
    summary: 'Swarm has no `unless-stopped`: the service restarts on any exit (`condition: any`); scale it to 0 to stop it.',
  },
  'swarm/no-new-privileges': {
    severity: 'info',
    summary: '`docker stack deploy` ignores `security_opt`: a service cannot forbid its processes new privileges.',
  },
  'swarm/tmpfs-ownership': {
    severity: 'info',
    summary: "A stack file's tmpfs takes a size only: its mode, uid and gid are left to the runtime (root-owned, 1777).",
  },
  'swarm/host-ip': {
    severity: 'warning',
    summary: 'A stack file cannot bind a published port to one host address: a port bound to one (`hostIp`) is not published.',
  },
  'swarm/source-cidrs': {
    severity: 'warning',
    summary: 'The routing mesh cannot restrict the sources of a published port (`from`): it is open to every source that reaches a node.',
  },
  'swarm/container-name': {
    severity: 'info',
    summary: "Swarm names a task itself: a fixed container name becomes a network alias, which other services resolve, but `docker ps` shows the task's name.",
  },
  'swarm/autoscale': {
    severity: 'warning',
    summary: 'Swarm does not scale a service: it runs autoscale.min copies; Kubernetes and ECS scale on the signal.',
  },
  'swarm/route': {
    severity: 'warning',
    summary: 'Swarm has no ingress: a route gets no TLS and no host or path routing; the port is published as written.',
  },
} as const satisfies CodeTable;

export type SwarmCode = CodeOf<typeof SWARM_CODES>;
