import { ModelValidationError, System, TargetOptions } from '../../lib/model';
import { errorOf, modelErrorOf } from './helpers';

const VPC = { vpcId: 'vpc-0abc1234', availabilityZones: ['us-east-1a', 'us-east-1b'], publicSubnetIds: ['subnet-0a1', 'subnet-0b2'], privateSubnetIds: ['subnet-0c3', 'subnet-0d4'] };
const RETENTIONS = '1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653';

describe('target options', () => {
  it('GIVEN no target options WHEN specified THEN each target\'s defaults are resolved in the spec', () => {
    expect(new System('shop').toSpec().options).toEqual({
      compose: { secrets: 'env' },
      swarm: { secrets: 'files' },
      kubernetes: { networkPolicies: true, fixedPortServiceType: 'LoadBalancer' },
      ecs: { launchType: 'fargate', logRetentionDays: 30, containerInsights: false, vpcFlowLogs: false },
    });
  });

  it('GIVEN every option set WHEN specified THEN each is kept', () => {
    const sys = new System('shop', {
      targetOptions: {
        compose: { secrets: 'files' },
        swarm: { secrets: 'env' },
        kubernetes: { networkPolicies: false, fixedPortServiceType: 'NodePort', namespace: 'shop-prod' },
        ecs: { launchType: 'ec2', vpc: VPC, logRetentionDays: 365, containerInsights: true, vpcFlowLogs: true, accessLogsBucket: 'shop-access-logs' },
      },
    });
    expect(sys.toSpec().options).toEqual({
      compose: { secrets: 'files' },
      swarm: { secrets: 'env' },
      kubernetes: { networkPolicies: false, fixedPortServiceType: 'NodePort', namespace: 'shop-prod' },
      ecs: { launchType: 'ec2', vpc: VPC, logRetentionDays: 365, containerInsights: true, vpcFlowLogs: true, accessLogsBucket: 'shop-access-logs' },
    });
  });

  it.each<[string, TargetOptions, string]>([
    [
      'an unknown compose secrets mode',
      { compose: { secrets: 'vault' as never } },
      "shop targetOptions.compose.secrets: must be 'env' or 'files' (got \"vault\"). Use 'env' for ${VAR:?} interpolation or 'files' for Compose secrets.",
    ],
    [
      'an unknown swarm secrets mode',
      { swarm: { secrets: 'environment' as never } },
      "shop targetOptions.swarm.secrets: must be 'env' or 'files' (got \"environment\"). Use 'env' for ${VAR:?} interpolation or 'files' for Swarm secrets.",
    ],
    [
      'a misspelt swarm option',
      { swarm: { secret: 'env' } as never },
      "shop targetOptions.swarm: unknown prop 'secret' (did you mean 'secrets'?)",
    ],
    [
      'networkPolicies as a string',
      { kubernetes: { networkPolicies: 'no' as never } },
      'shop targetOptions.kubernetes.networkPolicies: must be true or false (got "no"). Write networkPolicies: false for clusters without a policy engine.',
    ],
    [
      'a ClusterIP service type for fixed ports',
      { kubernetes: { fixedPortServiceType: 'ClusterIP' as never } },
      "shop targetOptions.kubernetes.fixedPortServiceType: must be 'LoadBalancer' or 'NodePort' (got \"ClusterIP\"). Use 'NodePort' for clusters without a load balancer.",
    ],
    ['an uppercase namespace', { kubernetes: { namespace: 'Prod' } }, "shop targetOptions.kubernetes.namespace: must be a DNS-1123 label (got \"Prod\"). Write e.g. 'shop'."],
    ['a 64-character namespace', { kubernetes: { namespace: 'n'.repeat(64) } }, `shop targetOptions.kubernetes.namespace: must be a DNS-1123 label (got "${'n'.repeat(64)}"). Write e.g. 'shop'.`],
    [
      'an unknown launch type',
      { ecs: { launchType: 'external' as never } },
      "shop targetOptions.ecs.launchType: must be 'fargate' or 'ec2' (got \"external\"). Use 'ec2' for bind mounts, privileged containers and dynamic host ports.",
    ],
    ['a Container Insights switch that is not a boolean', { ecs: { containerInsights: 'yes' as never } }, 'shop targetOptions.ecs.containerInsights: must be true or false (got "yes"). Write containerInsights: true to turn it on.'],
    ['a flow-log switch that is not a boolean', { ecs: { vpcFlowLogs: 1 as never } }, 'shop targetOptions.ecs.vpcFlowLogs: must be true or false (got 1). Write vpcFlowLogs: true to turn it on.'],
    ['an access-log bucket that is no S3 name', { ecs: { accessLogsBucket: 'Logs_Bucket' } }, 'shop targetOptions.ecs.accessLogsBucket: must be an S3 bucket name (got "Logs_Bucket"). Write the bucket\'s name, e.g. \'shop-access-logs\'.'],
    ['a retention CloudWatch does not offer', { ecs: { logRetentionDays: 10 } }, `shop targetOptions.ecs.logRetentionDays: not a retention CloudWatch Logs offers (got 10). Use one of ${RETENTIONS}.`],
    ['a VPC id without its prefix', { ecs: { vpc: { ...VPC, vpcId: 'my-vpc' } } }, "shop targetOptions.ecs.vpc.vpcId: must be a VPC id (got \"my-vpc\"). Write e.g. 'vpc-0abc1234'."],
    [
      'one availability zone',
      { ecs: { vpc: { ...VPC, availabilityZones: ['us-east-1a'] } } },
      "shop targetOptions.ecs.vpc.availabilityZones: need at least two availability zones (got [\"us-east-1a\"]). Write e.g. ['us-east-1a', 'us-east-1b'].",
    ],
    [
      'fewer public subnets than zones',
      { ecs: { vpc: { ...VPC, publicSubnetIds: ['subnet-0a1'] } } },
      "shop targetOptions.ecs.vpc.publicSubnetIds: need one subnet id per availability zone (got [\"subnet-0a1\"]). Write e.g. ['subnet-0a1', 'subnet-0b2'].",
    ],
    [
      'a private subnet that is not a subnet id',
      { ecs: { vpc: { ...VPC, privateSubnetIds: ['subnet-0c3', 'sn-2'] } } },
      "shop targetOptions.ecs.vpc.privateSubnetIds: need one subnet id per availability zone (got [\"subnet-0c3\",\"sn-2\"]). Write e.g. ['subnet-0a1', 'subnet-0b2'].",
    ],
  ])('GIVEN %s WHEN the System is created THEN it fails with the exact message', (_given, targetOptions, message) => {
    expect(modelErrorOf(() => new System('shop', { targetOptions }))).toBe(message);
  });

  it('GIVEN options changed after the System was created WHEN specified THEN toSpec checks them again', () => {
    const ecs: { launchType?: string } = {};
    const sys = new System('shop', { targetOptions: { ecs: ecs as never } });
    ecs.launchType = 'external';
    const e = errorOf(() => sys.toSpec());
    expect(e).toBeInstanceOf(ModelValidationError);
    expect(e.message).toBe("shop targetOptions.ecs.launchType: must be 'fargate' or 'ec2' (got \"external\"). Use 'ec2' for bind mounts, privileged containers and dynamic host ports.");
  });
});
