import type { CodeOf, CodeTable } from '../../diagnostics/codes';

/**
 * Every diagnostic the Kubernetes target reports. Plain data: docs and tests read it.
 * An error stops the app's manifest; a warning or info leaves it written.
 */
export const KUBERNETES_CODES = {
  'kubernetes/build-image': {
    severity: 'warning',
    summary: 'The image is built from a Dockerfile: the manifest uses its tag, so the image must be pushed to a registry the cluster pulls from.',
  },
  'kubernetes/registry-credentials': {
    severity: 'info',
    summary: 'Registry credentials become imagePullSecrets: a Secret of type kubernetes.io/dockerconfigjson with that name must exist.',
  },
  'kubernetes/secret-required': {
    severity: 'info',
    summary: 'Secret env becomes a secretKeyRef: no Secret with data is written, so the named Secret and key must exist in the namespace.',
  },
  'kubernetes/secret-name': {
    severity: 'error',
    summary: "A secret's existing name, with no name of its own for Kubernetes (existingName.kubernetes), is not a valid Kubernetes Secret name (a DNS-1123 subdomain).",
  },
  'kubernetes/unless-stopped': {
    severity: 'info',
    summary: "A Deployment always restarts its pods: restart 'unless-stopped' behaves as 'always'.",
  },
  'kubernetes/job-retries': {
    severity: 'warning',
    summary: "A Job cannot retry without limit: restart 'on-failure' without a count leaves backoffLimit to the cluster (6).",
  },
  'kubernetes/job-sidecar': {
    severity: 'warning',
    summary: 'A Job completes only when every container of its pod has exited: a sidecar that keeps running keeps the Job from completing.',
  },
  'kubernetes/user-name': {
    severity: 'warning',
    summary: 'securityContext takes numeric ids only: a user or group given by name is left to the image.',
  },
  'kubernetes/quantity-rounded': {
    severity: 'info',
    summary: 'A CPU or memory quantity was rounded up to the precision Kubernetes keeps (1m CPU, 1Ki memory).',
  },
  'kubernetes/request-above-limit': {
    severity: 'warning',
    summary: 'Kubernetes rejects a CPU request above its limit (Docker does not): requests.cpu, from cpuShares, is lowered to cpus.',
  },
  'kubernetes/shared-volume': {
    severity: 'warning',
    summary: 'A volume mounted by several workloads becomes a ReadWriteMany claim, which needs a storage class that supports it.',
  },
  'kubernetes/project-folder-claim': {
    severity: 'info',
    summary: 'A volume that lives in a project folder on a single Docker host (hostPath) is a PersistentVolumeClaim: its data is in the claim, which starts empty, not in the folder.',
  },
  'kubernetes/host-path': {
    severity: 'warning',
    summary: 'A bind mount becomes a hostPath volume: it reads the node the pod lands on, not your machine.',
  },
  'kubernetes/relative-bind': {
    severity: 'warning',
    summary: 'A bind mount of a path relative to the project cannot exist on a cluster node: it is left out and the container sees the image’s own files there.',
  },
  'kubernetes/bind-in-image': {
    severity: 'info',
    summary: 'A bind mount of files the built image already carries is left out: the container sees them as of the build, without live edits.',
  },
  'kubernetes/tmpfs-ownership': {
    severity: 'info',
    summary: 'An emptyDir has no mode or owner: a tmpfs mode, uid or gid is left out, and the directory is writable by every user (0777).',
  },
  'kubernetes/privileged': {
    severity: 'warning',
    summary: 'A privileged container is kept (securityContext.privileged), but it is root on the node.',
  },
  'kubernetes/host-network': {
    severity: 'warning',
    summary: "A pod on the host network is kept (hostNetwork: true); NetworkPolicies do not apply to it.",
  },
  'kubernetes/logging': {
    severity: 'info',
    summary: 'Log size limits are a cluster concern (kubelet containerLogMaxSize / containerLogMaxFiles): not written.',
  },
  'kubernetes/depends-on-completed': {
    severity: 'warning',
    summary: 'Kubernetes has no ordering on a Job that completes: the dependency is not enforced.',
  },
  'kubernetes/depends-on-no-port': {
    severity: 'warning',
    summary: 'A dependency without a port cannot be waited for by an init container: the dependency is not enforced.',
  },
  'kubernetes/label-as-annotation': {
    severity: 'warning',
    summary: 'A label that is not a valid Kubernetes label (key or value) is written as an annotation.',
  },
  'kubernetes/label-dropped': {
    severity: 'warning',
    summary: 'A label whose key is valid neither as a label nor as an annotation key is left out.',
  },
  'kubernetes/label-conflict': {
    severity: 'warning',
    summary: 'A label conflicts with one lading sets, or with another container of the same pod: the first one wins.',
  },
  'kubernetes/network-policies-off': {
    severity: 'info',
    summary: 'NetworkPolicies are turned off: every pod can reach every other pod, whatever networks the model names.',
  },
  'kubernetes/node-port-range': {
    severity: 'warning',
    summary: 'A fixed host port outside the NodePort range (30000-32767) cannot be the nodePort: the cluster picks one.',
  },
  'kubernetes/object-name': {
    severity: 'error',
    summary: 'A derived object name is too long or collides with another object of the same kind.',
  },
  'kubernetes/loopback-port': {
    severity: 'info',
    summary: "A port bound to the host's loopback is not published: it stays in the ClusterIP Service, and `kubectl port-forward` reaches it.",
  },
  'kubernetes/host-ip': {
    severity: 'warning',
    summary: 'A port bound to one host address has no equivalent on a cluster: it is not published, only the ClusterIP Service has it.',
  },
  'kubernetes/service-restart': {
    severity: 'info',
    summary: "A Deployment always restarts its pods: a service's restart 'no' or 'on-failure' behaves as 'always'.",
  },
  'kubernetes/init-shared-processes': {
    severity: 'info',
    summary: "A pod has no init option: its containers share one process namespace, whose pause process reaps zombies, and each sees the others' processes.",
  },
  'kubernetes/init-host-pid': {
    severity: 'info',
    summary: "An init process in a pod with the host's process namespace: Kubernetes refuses shareProcessNamespace beside hostPID, and the command is not process 1 there.",
  },
  'kubernetes/entrypoint-reset': {
    severity: 'warning',
    summary: "An empty entrypoint with no command: Docker runs the image's CMD alone, Kubernetes the image's ENTRYPOINT.",
  },
  'kubernetes/stop-signal': {
    severity: 'warning',
    summary: "A pod cannot choose its stop signal: the kubelet sends the image's STOPSIGNAL (SIGTERM unless the Dockerfile says otherwise).",
  },
  'kubernetes/host-aliases': {
    severity: 'warning',
    summary: "An extra host Kubernetes cannot write: Docker's host-gateway has no equivalent.",
  },
  'kubernetes/dns-servers': {
    severity: 'info',
    summary: "A pod asks the servers of its DNS policy first (the cluster's DNS, or the node's resolver on the host network): its own DNS servers come after them.",
  },
  'kubernetes/dns-search': {
    severity: 'info',
    summary: "A pod tries the search domains of its DNS policy first (the cluster's, or the node's on the host network): its own search domains come after them.",
  },
  'kubernetes/dns-search-limit': {
    severity: 'error',
    summary: "A pod's dnsConfig takes at most 32 search domains, 2048 characters with the spaces between them: the API server refuses more.",
  },
  'kubernetes/group-name': {
    severity: 'warning',
    summary: 'A pod takes supplementary groups as numeric gids: a group name is left out.',
  },
  'kubernetes/groups-shared': {
    severity: 'warning',
    summary: "A pod's supplementary groups apply to every container of the pod: a container joins the groups its sidecars or main container ask for.",
  },
  'kubernetes/device-by-path': {
    severity: 'warning',
    summary: 'A pod cannot be given host devices by path (a device plugin offers them as resources): they are left out.',
  },
  'kubernetes/gpus': {
    severity: 'info',
    summary: 'GPUs are requested as the resource nvidia.com/gpu, with a toleration of the nvidia.com/gpu taint of GPU nodes: only nodes where the NVIDIA device plugin runs offer it.',
  },
  'kubernetes/gpus-not-counted': {
    severity: 'error',
    summary: "A pod requests GPUs by count only: all of a node's GPUs, or GPUs by id, cannot be said.",
  },
  'kubernetes/gpu-capabilities': {
    severity: 'warning',
    summary: "A pod asks for no GPU capabilities: the NVIDIA runtime's default (compute, utility) applies unless the env sets NVIDIA_DRIVER_CAPABILITIES.",
  },
  'kubernetes/pids-limit': {
    severity: 'warning',
    summary: "A pod spec sets no process limit (pids_limit): the kubelet's podPidsLimit of the node applies to every pod alike.",
  },
  'kubernetes/ulimits': {
    severity: 'warning',
    summary: "A pod sets no resource limits (ulimits): the node's container runtime defaults apply.",
  },
  'kubernetes/hostname-domain': {
    severity: 'warning',
    summary: "A pod's hostname is one DNS label: of a host name with dots the pod keeps the first label, and its domain is the cluster's.",
  },
  'kubernetes/container-name': {
    severity: 'warning',
    summary: 'A fixed container name that is not a DNS label cannot name a Service: other pods reach the workload only by its own name.',
  },
  'kubernetes/container-alias': {
    severity: 'info',
    summary: 'A Deployment names its pods itself: a fixed container name becomes a second Service of the same pods, so other pods still reach it by that name.',
  },
  'kubernetes/placement': {
    severity: 'warning',
    summary: 'A placement rule Kubernetes cannot express (a Swarm manager, node id or engine label, or a name that is not a node label) is left out: the pod may run on any node.',
  },
  'kubernetes/max-replicas-per-node': {
    severity: 'warning',
    summary: 'Kubernetes caps the replicas per node at 1 only (required pod anti-affinity): a higher cap is left out.',
  },
  'kubernetes/alias-without-ports': {
    severity: 'warning',
    summary: 'A workload without ports has no Service: its aliases and fixed container name (and its own name) resolve to no address on the cluster.',
  },
  'kubernetes/unsafe-sysctl': {
    severity: 'warning',
    summary: 'A sysctl outside the set a kubelet allows by default: the pod is refused on a node that does not allow it.',
  },
  'kubernetes/config-file-size': {
    severity: 'error',
    summary: 'A config file is larger than a ConfigMap can hold (1 MiB): ship it in the image or on a volume.',
  },
  'kubernetes/autoscale-requests': {
    severity: 'error',
    summary: 'A HorizontalPodAutoscaler measures CPU or memory in percent of the requests: every container of the pod must make one.',
  },
  'kubernetes/routed-port': {
    severity: 'info',
    summary: 'A routed port that is also published is reached through the Ingress: no LoadBalancer or NodePort Service publishes it.',
  },
  'kubernetes/route-tls': {
    severity: 'info',
    summary: 'The Ingress reads the certificate of its https hosts from a TLS Secret that must exist, unless cert-manager issues it.',
  },
  'kubernetes/single-writer-replicas': {
    severity: 'error',
    summary: 'Several replicas of a service cannot share a volume only it mounts (a ReadWriteOnce claim): use one replica, or keep the state elsewhere.',
  },
} as const satisfies CodeTable;

/** A Kubernetes code, as a string literal: a misspelt one fails `tsc`. */
export type KubernetesCode = CodeOf<typeof KUBERNETES_CODES>;
