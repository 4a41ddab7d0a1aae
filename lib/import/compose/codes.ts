import type { CodeOf, CodeTable } from '../../diagnostics/codes';

/**
 * Every diagnostic that importing a Compose file can emit, with its severity and a one-line summary.
 * Plain data: documentation and tests read it.
 */
export const IMPORT_CODES = {
  'import/invalid-file': {
    severity: 'error',
    summary: 'The file is not a Compose file lading can read: a YAML syntax error, or a key with the wrong type.',
  },
  'import/unsupported-key': {
    severity: 'warning',
    summary: 'A key that the model cannot hold: it is left out of the imported system.',
  },
  'import/unsupported-value': {
    severity: 'warning',
    summary: 'A value that the model cannot hold as written: it is left out or replaced by the nearest one, as the message says.',
  },
  'import/model-error': {
    severity: 'error',
    summary: 'A value that the model rejects (an invalid image reference, a memory limit below 6m, ...).',
  },
  'import/unset-variable': {
    severity: 'warning',
    summary: 'A variable without a default is not set: Compose, and the import, substitute an empty string.',
  },
  'import/project-folder': {
    severity: 'info',
    summary: '`${PWD}` is read as the project folder (`.`), where `docker compose up` runs, not as the importing host\'s folder.',
  },
  'import/required-variable': {
    severity: 'error',
    summary: 'A variable written `${NAME:?message}` or `${NAME?message}` is not set.',
  },
  'import/invalid-interpolation': {
    severity: 'error',
    summary: 'A `$` expression that Compose cannot interpolate, such as an unclosed `${`.',
  },
  'import/secret-variable': {
    severity: 'info',
    summary: 'An environment value read from a variable of the importing host, or from one whose name says it holds a secret, becomes a Secret, so its value enters no output.',
  },
  'import/env-file-missing': {
    severity: 'error',
    summary: 'An `env_file` that does not exist (and is not marked `required: false`).',
  },
  'import/renamed': {
    severity: 'warning',
    summary: 'A name that is not a DNS label (uppercase, `_`, too long) is renamed: other services must use the new name.',
  },
  'import/docker-volume-name': {
    severity: 'info',
    summary: 'A volume renamed for the model keeps its Docker volume (the one its `name:` gives, or else the one Compose created) on Compose, Swarm and docker, so its data is found.',
  },
  'import/data-folder': {
    severity: 'info',
    summary: 'A writable bind of a project folder that is absent or empty holds data the container writes: it becomes a volume with hostPath, bound on Compose and docker, a volume of its own elsewhere; a read-only bind of the same folder mounts that volume read-only.',
  },
  'import/config-read-only': {
    severity: 'info',
    summary: 'A writable bind of a project file, or of a folder with content, into a registry image becomes a config file, read-only in the container on every target: a container that writes there fails; make the path a volume if it must write.',
  },
  'import/unknown-reference': {
    severity: 'error',
    summary: 'A service, network or secret that is referred to but not defined (or left out by the chosen profiles).',
  },
  'import/undeclared-volume': {
    severity: 'warning',
    summary: 'A named volume that is used but not declared under the top-level `volumes`: it is created as a persistent volume.',
  },
  'import/external': {
    severity: 'warning',
    summary: 'An external network or volume becomes one that lading creates: the existing one is not reused.',
  },
  'import/secret-name': {
    severity: 'warning',
    summary: "An external secret's name cannot name a Kubernetes Secret: the imported Secret names one of its own (existingName.kubernetes), which must exist under that name.",
  },
  'import/restart-default': {
    severity: 'info',
    summary: "A service without a restart policy becomes a long-running service that restarts always (Compose's default is `no`), or a one-shot job when a service waits for it to complete.",
  },
  'import/dependency-cycle': {
    severity: 'error',
    summary: '`depends_on` forms a cycle.',
  },
  'import/sidecar': {
    severity: 'info',
    summary: 'A service in another service\'s network namespace (`network_mode: service:X`) becomes a sidecar of X.',
  },
  'import/volumes-from': {
    severity: 'info',
    summary: "`volumes_from: [X]` of a service outside X's network: X's named volumes, binds and config files become mounts of the service, at the same paths.",
  },
  'import/alias-scope': {
    severity: 'info',
    summary: "An alias reaches wider than in Compose: a link's alias, or a network alias of a service on several networks, names the workload on all of its networks.",
  },
  'import/sidecar-key': {
    severity: 'warning',
    summary: 'A sidecar shares its main service\'s network, replicas, restart policy, dependencies and host settings (dns, extra_hosts, pid), and the model gives init, ulimits, devices and GPUs to the main container only: its own are left out.',
  },
  'import/development-only': {
    severity: 'info',
    summary: '`develop` (what `docker compose watch` syncs or rebuilds while developing) is left out: the deployed system does not run it.',
  },
  'import/profile-skipped': {
    severity: 'info',
    summary: 'A service that belongs only to profiles that were not chosen is left out.',
  },
  'import/no-active-service': {
    severity: 'warning',
    summary: 'Every service belongs to a profile that is not active: the imported system has no service. Choose profiles with --profile.',
  },
  'import/build-tag': {
    severity: 'info',
    summary: 'A service that builds its image without naming it gets the tag Compose would give it: `<project>-<service>`.',
  },
  'import/http-port': {
    severity: 'info',
    summary: 'A port that an http health check (or `app_protocol: http`) probes is imported as an HTTP port.',
  },
  'import/renamed-reference': {
    severity: 'info',
    summary: 'An environment value, command or entrypoint word that names a renamed service as a host (`my_db:5432`) is written with its new name.',
  },
  'import/inferred-port': {
    severity: 'info',
    summary: 'A port that another service reaches as `<service>:<port>` (or `X_HOST` with `X_PORT`), that its own health check reaches, or that the image EXPOSEs (a project Dockerfile, a Docker Official Image, a common image the import knows) where the service declares none, is imported, so every target lets it through.',
  },
  'import/undeclared-ports': {
    severity: 'warning',
    summary: 'A service that others depend on declares no port: Kubernetes and ECS let through only declared ports.',
  },
  'import/secret-mode': {
    severity: 'warning',
    summary: 'A system holds secrets one way on Compose: with `secrets` files, environment secrets become files too.',
  },
  'import/duration-rounded': {
    severity: 'warning',
    summary: 'A duration that is not a whole number of seconds is rounded up: the model keeps whole seconds.',
  },
  'import/ecs-ec2': {
    severity: 'info',
    summary: 'Bind mounts, privileged containers, host networking, the host\'s process namespace, host devices, GPUs and global services (one task on every instance) run on ECS only with the EC2 launch type, which the import then chooses.',
  },
  'import/obsolete-version': {
    severity: 'info',
    summary: 'The top-level `version` is obsolete in the compose-spec and has no effect.',
  },
  'import/too-large': {
    severity: 'error',
    summary: 'A file larger than lading reads (10 MiB), or YAML aliases that expand to more values than it builds (a billion-laughs file).',
  },
  'import/not-utf8': {
    severity: 'error',
    summary: 'A file that is not UTF-8 text: the import names the offset of the first byte that is not.',
  },
  'import/host-variable': {
    severity: 'error',
    summary: 'A value read from a variable of the importing host where no Secret can hold it (a label, a command, part of a value): its value would enter every output.',
  },
  'import/secret-composed': {
    severity: 'warning',
    summary: 'An environment value composed of text and host variables becomes one Secret: the whole composed value must be stored in the secret.',
  },
  'import/outside-file': {
    severity: 'error',
    summary: 'An `env_file` (or an `extends.file`) outside the folder of the Compose file: refused unless `--allow-outside-files` is given.',
  },
  'import/network-driver': {
    severity: 'warning',
    summary: 'A network driver other than bridge or overlay, or a driver option, that no target honours: the message says who can then reach whom, and the fix.',
  },
  'import/network-option': {
    severity: 'info',
    summary: 'enable_ipv6 or attachable on a network: no target gives IPv6 addresses or lets containers outside the system join.',
  },
  'import/volume-driver': {
    severity: 'warning',
    summary: 'A volume kept elsewhere (a plugin, an NFS export, a CIFS share, a device) or in memory: every target creates an empty volume of its own instead.',
  },
  'import/bind-volume': {
    severity: 'info',
    summary: 'A local volume that binds a host path (driver_opts type none, o bind, device): imported as a bind mount of that path.',
  },
} as const satisfies CodeTable;

/** Every code of the import, as a union of string literals. */
export type ImportCode = CodeOf<typeof IMPORT_CODES>;
