import { Construct } from 'constructs';
import { resolveDockerName } from './docker-name';
import { ModelError } from './errors';
import { checkKnownProps, propNames } from './known-props';
import { checkName, uniqueId } from './names';

export interface NetworkProps {
  /**
   * No traffic leaves the network, as with `docker network create --internal`: Compose keeps `internal`,
   * Kubernetes limits egress to members and DNS, ECS gives members no public IP.
   * @default false
   */
  readonly internal?: boolean;
  /**
   * The name of the Docker network on Compose, Swarm and docker, as `docker network ls` shows it: the network an
   * earlier Compose file named, or one that other Compose projects join, e.g. `shop_backend`. Kubernetes and ECS
   * have no Docker networks and use the network's name.
   * @default - Compose and Swarm: `<app>_<name>`; docker: `<app>-<name>`
   */
  readonly dockerName?: string;
}

/**
 * A private network (`docker network create`). Workloads reach each other by name only through a network they
 * share; a workload that names none is on the system's `default` network.
 */
export class Network extends Construct {
  static isNetwork(x: unknown): x is Network {
    return typeof x === 'object' && x !== null && (x as { [NETWORK]?: boolean })[NETWORK] === true;
  }

  public readonly name: string;
  public readonly internal: boolean;
  public readonly dockerName?: string;

  constructor(scope: Construct, id: string, props: NetworkProps = {}) {
    super(scope, uniqueId(scope, id));
    Object.defineProperty(this, NETWORK, { value: true });
    this.name = checkName(this.node.path, 'network', id);
    if (this.name === 'default') {
      throw new ModelError(this.node.path, 'name', "'default' is the network of workloads that name none", id, "Give the network another name, e.g. 'backend'");
    }
    checkKnownProps(this.node.path, '', props, propNames<NetworkProps>({ internal: true, dockerName: true }));
    this.internal = props.internal ?? false;
    this.dockerName = resolveDockerName(this.node.path, 'network', props.dockerName);
  }
}

const NETWORK = Symbol.for('lading.Network');
