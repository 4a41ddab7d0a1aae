import { Construct } from 'constructs';
import { ModelError } from './errors';
import { checkKnownProps, propNames } from './known-props';
import { checkName, uniqueId } from './names';
import { parseSize } from './quantities';
import { resolveDockerName } from './docker-name';
import { resolveVolumeHostPath } from './volume-host-path';

export interface VolumeProps {
  /**
   * Capacity, in Docker's or Kubernetes' notation: `10g`, `10Gi`. Compose cannot reserve a size (an info
   * diagnostic says so); EFS grows as needed.
   * @default '1Gi'
   */
  readonly size?: string;
  /**
   * The Kubernetes storage class of the claim. Only Kubernetes honours it.
   * @default - the cluster's default storage class
   */
  readonly storageClass?: string;
  /**
   * The name of the Docker volume on Compose, Swarm and docker, as `docker volume ls` shows it: keeps the data
   * of a volume an earlier Compose file created, e.g. `shop_db_data`. Kubernetes and ECS use the volume's name.
   * @default - Compose and Swarm: `<app>_<name>`; docker: `<app>-<name>`
   */
  readonly dockerName?: string;
  /**
   * The project folder that holds the data on a single Docker host, as a Compose bind mount writes it:
   * `./docker-data/mail` for `./docker-data/mail:/var/mail`. Compose and docker bind that folder (Docker creates it
   * at the first start); Kubernetes (a PersistentVolumeClaim), ECS (EFS) and Swarm (a named volume) keep the data
   * in a volume of their own, which starts empty: an info diagnostic says how to copy existing data in.
   * @default - a named Docker volume on Compose and docker
   */
  readonly hostPath?: string;
}

/** A named persistent volume (`docker volume create`): its data outlives every container. */
export class Volume extends Construct {
  static isVolume(x: unknown): x is Volume {
    return typeof x === 'object' && x !== null && (x as { [VOLUME]?: boolean })[VOLUME] === true;
  }

  public readonly name: string;
  public readonly sizeBytes: number;
  public readonly storageClass?: string;
  public readonly dockerName?: string;
  public readonly hostPath?: string;

  constructor(scope: Construct, id: string, props: VolumeProps = {}) {
    super(scope, uniqueId(scope, id));
    Object.defineProperty(this, VOLUME, { value: true });
    this.name = checkName(this.node.path, 'volume', id);
    checkKnownProps(this.node.path, '', props, propNames<VolumeProps>({ size: true, storageClass: true, dockerName: true, hostPath: true }));
    this.sizeBytes = parseSize(this.node.path, 'size', props.size ?? '1Gi');
    if (props.storageClass !== undefined && !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(props.storageClass)) {
      throw new ModelError(this.node.path, 'storageClass', 'must be a lowercase DNS name', props.storageClass, "Use the name of a StorageClass such as 'gp3'");
    }
    this.storageClass = props.storageClass;
    this.dockerName = resolveDockerName(this.node.path, 'volume', props.dockerName);
    this.hostPath = resolveVolumeHostPath(this.node.path, props.hostPath);
  }
}

const VOLUME = Symbol.for('lading.Volume');
