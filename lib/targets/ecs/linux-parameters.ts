import type * as ecs from 'aws-cdk-lib/aws-ecs';
import { listOrNone } from './containers';

/**
 * A container's `linuxParameters`, gathered from what asks for them (init, capabilities, devices, tmpfs mounts):
 * written as aws-cdk-lib's LinuxParameters writes them, with a `Capabilities` object whether or not it lists any.
 */
export class LinuxParameters {
  readonly add: string[] = [];
  readonly drop: string[] = [];
  readonly devices: ecs.CfnTaskDefinition.DeviceProperty[] = [];
  readonly tmpfs: ecs.CfnTaskDefinition.TmpfsProperty[] = [];

  constructor(private readonly initProcessEnabled?: boolean) {}

  render(): ecs.CfnTaskDefinition.LinuxParametersProperty {
    return {
      initProcessEnabled: this.initProcessEnabled,
      capabilities: { add: listOrNone(this.add), drop: listOrNone(this.drop) },
      devices: listOrNone(this.devices),
      tmpfs: listOrNone(this.tmpfs),
    };
  }
}
