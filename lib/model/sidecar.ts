import { Construct } from 'constructs';
import { CONTAINER_PROP_KEYS, ContainerProps, resolveContainer } from './container';
import { ModelError } from './errors';
import { checkKnownProps, propNames } from './known-props';
import { checkName, uniqueId } from './names';
import { RUNTIME_PROP_KEYS } from './runtime';
import type { ContainerSpec, SidecarSpec } from './spec';

export interface SidecarProps extends ContainerProps {
  /**
   * Mount every volume of the main container at the same paths (Docker's `--volumes-from`).
   * @default true
   */
  readonly volumesFrom?: boolean;
}

const SIDECAR_PROPS = propNames<SidecarProps>({ ...CONTAINER_PROP_KEYS, volumesFrom: true });

/** Props of the workload a sidecar runs beside (how it runs on its host, its networks, its order), which a sidecar cannot set for itself. */
const WORKLOAD_ONLY_PROPS: readonly string[] = [...Object.keys(RUNTIME_PROP_KEYS), 'networks', 'hostNetwork', 'dependsOn'].sort();

/**
 * A container beside a workload's main one, in the same Pod (Kubernetes) or task (ECS), or a Compose service
 * with `network_mode: service:<main>`. It has no ports of its own: it shares the main container's network.
 */
export class Sidecar extends Construct {
  public readonly name: string;
  /** @internal */
  public readonly _spec: Omit<SidecarSpec, 'mounts'> & { ownMounts: ContainerSpec['mounts'] };
  /** @internal */
  public readonly _sidecarProps: SidecarProps;

  constructor(scope: Construct, id: string, props: SidecarProps) {
    super(scope, uniqueId(scope, id));
    const path = this.node.path;
    this.name = checkName(path, 'sidecar', id);
    this._sidecarProps = props;
    if ((props as { ports?: unknown })?.ports !== undefined) {
      throw new ModelError(path, 'ports', "a sidecar shares the main container's network and has no ports", (props as { ports?: unknown }).ports, 'Declare the ports on the service');
    }
    const workloadProp = WORKLOAD_ONLY_PROPS.find((k) => (props as unknown as Record<string, unknown>)?.[k] !== undefined);
    if (workloadProp !== undefined) {
      const main = scope.node.id;
      throw new ModelError(path, workloadProp, `a sidecar takes no ${workloadProp}: it is a prop of the workload ${main} it runs beside`, (props as unknown as Record<string, unknown>)[workloadProp], `Set ${workloadProp} on ${main}, or run ${this.name} as a service of its own`);
    }
    checkKnownProps(path, '', props, SIDECAR_PROPS, ['user']);
    const c = resolveContainer(this.name, path, props, undefined);
    const { mounts, ...rest } = c;
    this._spec = { ...rest, ownMounts: mounts, volumesFrom: props.volumesFrom ?? true };
  }

  /** @internal The sidecar's spec, with the main container's mounts first when it has volumesFrom. */
  public _toSpec(main: ContainerSpec): SidecarSpec {
    const { ownMounts, ...rest } = this._spec;
    const inherited = this._spec.volumesFrom ? main.mounts : [];
    const taken = new Set(inherited.map((m) => m.target));
    ownMounts.forEach((m, i) => {
      if (taken.has(m.target)) {
        throw new ModelError(this.node.path, `mounts[${i}].target`, 'mount target already used by a volume of the main container (volumesFrom)', m.target, 'Mount another path or set volumesFrom: false');
      }
    });
    return { ...rest, mounts: [...inherited, ...ownMounts] };
  }
}
