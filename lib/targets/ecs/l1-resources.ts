import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import { CLOUD_MAP_SERVICE, ECS_SERVICE, IAM, TASK_DEFINITION, toCloudFormation } from './cfn-properties';

/*
 * aws-cdk-lib's L1 resources for the resources lading makes per workload, their properties written by
 * cfn-properties.ts: the same template, without the generated converters' type checks of lading's own values.
 */

type Props = Record<string, unknown>;

export class CfnTaskDefinition extends ecs.CfnTaskDefinition {
  protected renderProperties(props: Props): Props {
    return toCloudFormation(props, TASK_DEFINITION) as Props;
  }
}

export class CfnService extends ecs.CfnService {
  protected renderProperties(props: Props): Props {
    return toCloudFormation(props, ECS_SERVICE) as Props;
  }
}

export class CfnCloudMapService extends servicediscovery.CfnService {
  protected renderProperties(props: Props): Props {
    return toCloudFormation(props, CLOUD_MAP_SERVICE) as Props;
  }
}

export class CfnRole extends iam.CfnRole {
  protected renderProperties(props: Props): Props {
    return toCloudFormation(props, IAM) as Props;
  }
}

export class CfnPolicy extends iam.CfnPolicy {
  protected renderProperties(props: Props): Props {
    return toCloudFormation(props, IAM) as Props;
  }
}
