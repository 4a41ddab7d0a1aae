import type { CodeOf, CodeTable } from '../../diagnostics/codes';
import type { Reporter } from '../../diagnostics/reporter';

/** Every diagnostic the ECS target emits, by stable code. Plain data, so documentation can be checked against it. */
export const ECS_CODES = {
  'ecs/bind-mount-fargate': {
    severity: 'error',
    summary: 'Fargate has no host to bind-mount from; bind mounts need the EC2 launch type.',
  },
  'ecs/capability-fargate': {
    severity: 'error',
    summary: 'Fargate adds no Linux capability but SYS_PTRACE; others need the EC2 launch type.',
  },
  'ecs/capability-unknown': {
    severity: 'error',
    summary: 'ECS task definitions do not know the capabilities AUDIT_READ, BPF, CHECKPOINT_RESTORE and PERFMON.',
  },
  'ecs/tmpfs-ownership': {
    severity: 'info',
    summary: "An ECS tmpfs mount takes no mode, uid or gid: the mount point is left to the runtime's (root-owned, 1777).",
  },
  'ecs/no-new-privileges-fargate': {
    severity: 'info',
    summary: 'Fargate task definitions take no Docker security options: no-new-privileges needs the EC2 launch type.',
  },
  'ecs/privileged-fargate': {
    severity: 'error',
    summary: 'Fargate runs no privileged containers; they need the EC2 launch type.',
  },
  'ecs/host-network-fargate': {
    severity: 'error',
    summary: 'Fargate has no host network; it needs the EC2 launch type.',
  },
  'ecs/privileged': {
    severity: 'warning',
    summary: 'A privileged container on EC2 is kept, with full access to the container instance.',
  },
  'ecs/host-network': {
    severity: 'warning',
    summary: "A service on the host network on EC2 is kept (network mode 'host'); it shares the instance's ports.",
  },
  'ecs/bind-mount-relative': {
    severity: 'warning',
    summary: 'A relative bind-mount source is resolved under /opt/<system>/ on the container instance, which must hold those files.',
  },
  'ecs/bind-in-image': {
    severity: 'info',
    summary: 'A bind mount of files the built image already carries is left out: the container sees them as of the build, without live edits.',
  },
  'ecs/dynamic-port-fargate': {
    severity: 'info',
    summary: 'Fargate has no dynamic host ports: a port published on a dynamic host port gets a load balancer listener on the container port, or the next free port (ecs/dynamic-listener-port).',
  },
  'ecs/ec2-network-isolation': {
    severity: 'warning',
    summary: "On EC2 a task with a dynamic host port uses bridge networking and shares the container instances' security group: networks do not isolate it.",
  },
  'ecs/ec2-capacity': {
    severity: 'info',
    summary: 'The EC2 launch type gets an Auto Scaling group of ECS-optimized instances sized for the largest task, enough of them for a network interface per awsvpc task.',
  },
  'ecs/ec2-default-memory': {
    severity: 'info',
    summary: 'ECS on EC2 needs a memory size for every task: a task whose containers set none gets 512 MiB.',
  },
  'ecs/fargate-default-size': {
    severity: 'info',
    summary: 'No container sets CPU or memory: the task gets the smallest Fargate size, 0.25 vCPU and 512 MiB.',
  },
  'ecs/fargate-task-size': {
    severity: 'info',
    summary: 'The containers ask for a CPU/memory pair that Fargate does not offer: the task gets the smallest valid pair that holds it.',
  },
  'ecs/fargate-task-too-large': {
    severity: 'error',
    summary: 'The containers ask for more CPU or memory than the largest Fargate task (16 vCPU, 120 GiB).',
  },
  'ecs/memory-rounded': {
    severity: 'info',
    summary: 'ECS sizes container memory in whole MiB: a size that is not a whole number of MiB is rounded up.',
  },
  'ecs/health-check-unsupported': {
    severity: 'warning',
    summary: 'ECS container health checks run a command: an http or tcp check has no container health check (a published http port checks it through the target group).',
  },
  'ecs/label-not-tag': {
    severity: 'warning',
    summary: 'A label holds characters that AWS tags refuse: it stays a docker label on the container but is not tagged on the resources.',
  },
  'ecs/health-check-clamped': {
    severity: 'info',
    summary: 'A health-check timing is outside what ECS or the load balancer accepts and is moved to the nearest allowed value.',
  },
  'ecs/udp-health-check': {
    severity: 'info',
    summary: 'A network load balancer checks udp targets with a TCP connection to the same port.',
  },
  'ecs/udp-by-name': {
    severity: 'warning',
    summary: 'Service Connect carries TCP only: a udp port is not reachable by the service name.',
  },
  'ecs/job-by-name': {
    severity: 'warning',
    summary: 'A job resolves services through the DNS records of the system zone: a service in bridge or host mode has none, and in an existing VPC bare names need its DHCP options to search the zone.',
  },
  'ecs/job-on-demand': {
    severity: 'info',
    summary: 'A job without a schedule becomes a task definition that runs on demand (aws ecs run-task).',
  },
  'ecs/job-retries': {
    severity: 'warning',
    summary: 'ECS runs a job task once: on-failure retries are not carried out.',
  },
  'ecs/cron-days': {
    severity: 'error',
    summary: 'EventBridge cron cannot set both a day of month and a day of week.',
  },
  'ecs/depends-on': {
    severity: 'info',
    summary: 'ECS orders creation only: a dependency is created first, but nothing waits for it to be healthy or complete.',
  },
  'ecs/depends-on-across-stacks': {
    severity: 'info',
    summary: 'A workload and its dependency landed in different stacks of a split system: CloudFormation does not order their creation.',
  },
  'ecs/stack-split': {
    severity: 'info',
    summary: "The system is too large for one CloudFormation stack: shared infrastructure stays in the system's stack, workloads go to stacks chosen by the hash of their names.",
  },
  'ecs/stack-limits': {
    severity: 'error',
    summary: 'A stack exceeds a CloudFormation limit (500 resources, 200 outputs, a 1 MB template): the shared infrastructure alone (found before synthesis), or one workload or a stack as synthesized.',
  },
  'ecs/listener-port-conflict': {
    severity: 'error',
    summary: "Two ports published on the same fixed host port ask for the same listener port on the system's load balancer (a port published on a dynamic host port takes a free one).",
  },
  'ecs/dynamic-listener-port': {
    severity: 'info',
    summary: 'A port published on a dynamic host port whose container port is taken on its load balancer listens on the next free port, chosen the same way for the same system.',
  },
  'ecs/loopback-port': {
    severity: 'warning',
    summary: "A port published on the host's loopback (hostIp 127.x) is reachable only from that host: ECS publishes it on no load balancer, and it stays reachable by name.",
  },
  'ecs/project-folder-efs': {
    severity: 'info',
    summary: 'A volume that lives in a project folder on a single Docker host (hostPath) is an EFS file system: its data is there, starting empty, not in the folder.',
  },
  'ecs/volume-size': {
    severity: 'info',
    summary: 'EFS grows with its content: the requested size and storage class are not used.',
  },
  'ecs/tmpfs-fargate': {
    severity: 'warning',
    summary: "Fargate has no tmpfs: an ephemeral volume backed by memory is kept on the task's ephemeral storage.",
  },
  'ecs/tmpfs-size': {
    severity: 'info',
    summary: 'ECS needs a size for a tmpfs mount: one without a size limit gets 64 MiB.',
  },
  'ecs/ephemeral-size': {
    severity: 'info',
    summary: 'ECS task volumes have no size limit: the limit of an ephemeral volume is not enforced.',
  },
  'ecs/log-limits': {
    severity: 'info',
    summary: "The awslogs driver has no size limit: logs are bounded by the log group's retention instead.",
  },
  'ecs/build-image': {
    severity: 'info',
    summary: 'An image built from a Dockerfile is built and pushed by cdk deploy to the bootstrap ECR repository; its tag is not used.',
  },
  'ecs/build-context-missing': {
    severity: 'error',
    summary: 'The build context of an image does not exist, so its asset cannot be fingerprinted.',
  },
  'ecs/dockerfile-missing': {
    severity: 'error',
    summary: 'The build context of an image holds no Dockerfile of the given name, so cdk deploy could not build it.',
  },
  'ecs/build-credentials': {
    severity: 'warning',
    summary: 'Registry credentials of a built image are not used: the image is pulled from the bootstrap ECR repository.',
  },
  'ecs/secret-name-suffix': {
    severity: 'warning',
    summary: "An existing secret's ECS name ends in a hyphen and six characters, which Secrets Manager may read as the random ending of a full ARN.",
  },
  'ecs/vpc-subnets': {
    severity: 'error',
    summary: 'The existing VPC lacks the subnets this system needs (public for reachable tasks and load balancers, private for internal ones).',
  },
  'ecs/internal-network': {
    severity: 'info',
    summary: 'Tasks only on internal networks get no public IP, sit in private subnets, and reach only their networks plus HTTPS (443), which image pulls, logs and secrets need; the finding names what stays open.',
  },
  'ecs/cdk-warning': {
    severity: 'info',
    summary: 'aws-cdk-lib warned about the rendered stack.',
  },
  'ecs/cdk-error': {
    severity: 'error',
    summary: 'aws-cdk-lib reported an error in the rendered stack.',
  },
  'ecs/service-restart': {
    severity: 'info',
    summary: "An ECS service replaces every task that stops: a service's restart 'no' or 'on-failure' behaves as 'always'.",
  },
  'ecs/global-service': {
    severity: 'warning',
    summary: 'Fargate has no container instances: a global service (one copy per node) runs one task; on EC2 it is a daemon service.',
  },
  'ecs/placement': {
    severity: 'warning',
    summary: 'A placement rule ECS cannot express (any but the architecture on Fargate; a host name, Swarm manager, node id or engine label on EC2) is left out: the task may run on any host.',
  },
  'ecs/placement-attribute': {
    severity: 'warning',
    summary: 'A node label is a custom attribute of the container instances: a task is placed only on an instance that carries it, which lading\'s own instances do not.',
  },
  'ecs/placement-value': {
    severity: 'error',
    summary: 'A node label that no container instance can carry as a custom attribute (a value with characters ECS refuses, or a backslash the cluster query language cannot write) is refused: left out, the tasks would run on any instance.',
  },
  'ecs/max-replicas-per-node': {
    severity: 'warning',
    summary: 'ECS caps the tasks per container instance at 1 only (distinctInstance): a higher cap is left out.',
  },
  'ecs/stop-timeout': {
    severity: 'warning',
    summary: 'Fargate waits at most 120 seconds between the stop signal and SIGKILL: a longer grace period is cut to 120.',
  },
  'ecs/entrypoint-reset': {
    severity: 'warning',
    summary: "An empty entrypoint with no command: Docker runs the image's CMD alone, ECS the image's ENTRYPOINT.",
  },
  'ecs/stop-signal': {
    severity: 'warning',
    summary: "A task definition cannot choose the stop signal: ECS sends the image's STOPSIGNAL (SIGTERM unless the Dockerfile says otherwise).",
  },
  'ecs/extra-hosts': {
    severity: 'warning',
    summary: "An extra host ECS cannot write: an awsvpc task takes none, and no network mode knows Docker's host-gateway.",
  },
  'ecs/dns-servers-awsvpc': {
    severity: 'warning',
    summary: "A task in awsvpc network mode uses the VPC's resolver: its DNS servers are left out (bridge and host modes set them).",
  },
  'ecs/dns-search-awsvpc': {
    severity: 'warning',
    summary: "A task in awsvpc network mode searches the domains of the VPC's DHCP options: its own search domains are left out (bridge and host modes set them).",
  },
  'ecs/dns-options': {
    severity: 'warning',
    summary: 'A container definition has no resolver options (dns_opt): they are left out.',
  },
  'ecs/pids-limit': {
    severity: 'warning',
    summary: 'A container definition has no process limit (pids_limit): it is left out.',
  },
  'ecs/health-start-interval': {
    severity: 'warning',
    summary: 'An ECS container health check has no start interval (start_interval): it is left out.',
  },
  'ecs/groups': {
    severity: 'warning',
    summary: 'A container definition cannot add supplementary groups (group_add): they are left out.',
  },
  'ecs/host-pid-fargate': {
    severity: 'warning',
    summary: "A Fargate task cannot share a host's process namespace: pidMode host is left out (EC2 sets it).",
  },
  'ecs/devices-fargate': {
    severity: 'warning',
    summary: 'Fargate gives a task no host devices: they are left out (EC2 passes them in linuxParameters).',
  },
  'ecs/gpus-fargate': {
    severity: 'error',
    summary: 'Fargate gives a task no GPUs: a workload with GPUs needs the EC2 launch type.',
  },
  'ecs/gpus-not-counted': {
    severity: 'error',
    summary: "ECS gives a container a number of GPUs only (gpuCount): all of an instance's GPUs, or GPUs by id, cannot be said.",
  },
  'ecs/gpus-capacity': {
    severity: 'info',
    summary: 'Tasks that need GPUs on EC2 get GPU container instances of their own (the ECS GPU-optimized AMI), of the first listed type that holds the largest such task, enough of them for all their tasks at once.',
  },
  'ecs/gpus-instance-type': {
    severity: 'warning',
    summary: 'No GPU instance type lading chooses from holds a task of the workload (its GPUs, CPU and memory beside the daemon tasks): its tasks are placed only once the cluster has a capacity provider that does.',
  },
  'ecs/gpu-capabilities': {
    severity: 'warning',
    summary: "A task definition asks for no GPU capabilities: the NVIDIA runtime's default (compute, utility) applies unless the env sets NVIDIA_DRIVER_CAPABILITIES.",
  },
  'ecs/ulimits-fargate': {
    severity: 'warning',
    summary: 'Fargate sets only the nofile resource limit: any other ulimit is left out, and the default applies.',
  },
  'ecs/hostname': {
    severity: 'warning',
    summary: 'A task in awsvpc network mode (Fargate, and EC2 unless bridge mode) takes the host name of its network interface: a hostname is not set.',
  },
  'ecs/container-alias': {
    severity: 'info',
    summary: 'ECS names the containers of a task itself: a fixed container name becomes a second Service Connect name, so other services still reach it by that name.',
  },
  'ecs/alias-without-ports': {
    severity: 'warning',
    summary: 'Aliases and a fixed container name are Service Connect names: a service without a tcp port, or in host network mode, and a job get none, so nothing resolves them.',
  },
  'ecs/alias-in-job': {
    severity: 'warning',
    summary: "A job resolves services through the zone's DNS records, which carry each service's own name only: its aliases and fixed container name do not resolve inside the job.",
  },
  'ecs/config-file-size': {
    severity: 'error',
    summary: 'The config files of a task travel in its task definition, which holds at most 32 KiB of them: ship larger files in the image or on EFS.',
  },
  'ecs/config-file-root': {
    severity: 'error',
    summary: 'ECS mounts folders, not files: a config or secret file directly under / cannot be delivered.',
  },
  'ecs/config-file-folder': {
    severity: 'info',
    summary: "ECS mounts folders, not files: the folder of a config or secret file becomes a read-only volume holding the image's own files of that folder beside it.",
  },
  'ecs/routed-port': {
    severity: 'info',
    summary: "A routed port that is also published is reached through the routes' load balancer: no listener of its own publishes it.",
  },
  'ecs/route-certificate': {
    severity: 'error',
    summary: 'https routes need a certificate: targetOptions.ecs.certificateArn, or hostedZone for a DNS-validated one.',
  },
  'ecs/route-zone': {
    severity: 'error',
    summary: 'A route host outside targetOptions.ecs.hostedZone can have neither a DNS-validated certificate nor an alias record there.',
  },
} as const satisfies CodeTable;

export type EcsCode = CodeOf<typeof ECS_CODES>;

/** What collects the findings of one ECS render: a misspelt code fails `tsc`. */
export type EcsReporter = Reporter<EcsCode>;
