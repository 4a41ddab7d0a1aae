import { App, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import { CLOUD_MAP_SERVICE, ECS_SERVICE, IAM, toCloudFormation } from '../../lib/targets/ecs/cfn-properties';

/** aws-cdk-lib's own rendering of a task definition's properties. */
class Rendered extends ecs.CfnTaskDefinition {
  render(props: Record<string, unknown>): Record<string, unknown> {
    return this.renderProperties(props);
  }
}

/** aws-cdk-lib's own rendering of the other resource types' properties. */
class RenderedService extends ecs.CfnService {
  render(props: Record<string, unknown>): Record<string, unknown> {
    return this.renderProperties(props);
  }
}
class RenderedCloudMapService extends servicediscovery.CfnService {
  render(props: Record<string, unknown>): Record<string, unknown> {
    return this.renderProperties(props);
  }
}
class RenderedRole extends iam.CfnRole {
  render(props: Record<string, unknown>): Record<string, unknown> {
    return this.renderProperties(props);
  }
}
class RenderedPolicy extends iam.CfnPolicy {
  render(props: Record<string, unknown>): Record<string, unknown> {
    return this.renderProperties(props);
  }
}

/** Every property lading writes into an ECS service, resolved. */
const SERVICE = {
  cluster: { Ref: 'Cluster' },
  deploymentConfiguration: {
    maximumPercent: 200,
    minimumHealthyPercent: 50,
    deploymentCircuitBreaker: { enable: true, rollback: true },
    alarms: { alarmNames: [], enable: false, rollback: false },
  },
  deploymentController: { type: 'ECS' },
  desiredCount: 2,
  enableEcsManagedTags: false,
  healthCheckGracePeriodSeconds: 60,
  launchType: 'FARGATE',
  loadBalancers: [{ containerName: 'web', containerPort: 8080, targetGroupArn: { Ref: 'TargetGroup' } }],
  networkConfiguration: { awsvpcConfiguration: { assignPublicIp: 'DISABLED', subnets: [{ 'Fn::ImportValue': 'Shop:Subnet' }], securityGroups: [{ 'Fn::GetAtt': ['Group', 'GroupId'] }] } },
  placementConstraints: [{ type: 'distinctInstance' }],
  placementStrategies: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
  platformVersion: 'LATEST',
  propagateTags: 'SERVICE',
  schedulingStrategy: 'REPLICA',
  serviceConnectConfiguration: {
    enabled: true,
    namespace: 'shop',
    services: [{ portName: 'http-8080', discoveryName: 'web-http-8080', clientAliases: [{ dnsName: 'web', port: 8080 }] }],
  },
  serviceName: 'web',
  serviceRegistries: [{ registryArn: { 'Fn::GetAtt': ['CloudMap', 'Arn'] } }],
  tags: [{ key: 'team', value: 'shop' }],
  taskDefinition: { Ref: 'TaskDefinition' },
};

/** Every property lading writes into a Cloud Map service, resolved. */
const CLOUD_MAP = {
  name: 'web',
  dnsConfig: { dnsRecords: [{ type: 'A', ttl: 10 }], namespaceId: { 'Fn::GetAtt': ['Namespace', 'Id'] }, routingPolicy: 'MULTIVALUE' },
  healthCheckCustomConfig: { failureThreshold: 1 },
  namespaceId: { 'Fn::GetAtt': ['Namespace', 'Id'] },
  tags: [{ key: 'team', value: 'shop' }],
};

/** A policy document: its keys are IAM's, kept as they are. */
const DOCUMENT = { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' } }], Version: '2012-10-17' };

/** Every property lading writes into a task definition, resolved (intrinsic functions as the template has them). */
const PROPS = {
  containerDefinitions: [
    {
      command: ['serve', '--port', '8080'],
      cpu: 256,
      dependsOn: [{ containerName: 'web-files', condition: 'SUCCESS' }],
      dnsServers: ['10.0.0.2'],
      dockerLabels: { 'com.example.team': 'shop', zeta: 'last', alpha: 'first' },
      dockerSecurityOptions: ['no-new-privileges'],
      entryPoint: ['/bin/app'],
      environment: [{ name: 'MODE', value: 'prod' }],
      essential: true,
      extraHosts: [{ hostname: 'db', ipAddress: '10.0.0.9' }],
      healthCheck: { command: ['CMD', 'true'], interval: 30, retries: 3, startPeriod: 0, timeout: 5 },
      hostname: 'web',
      image: { 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/repo:tag' },
      interactive: true,
      linuxParameters: {
        initProcessEnabled: true,
        capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] },
        devices: [{ hostPath: '/dev/dri', containerPath: '/dev/dri', permissions: ['read', 'write'] }],
        tmpfs: [{ containerPath: '/tmp', size: 64, mountOptions: ['ro'] }],
      },
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': { Ref: 'Logs' }, 'awslogs-stream-prefix': 'web', 'awslogs-region': { Ref: 'AWS::Region' } } },
      memory: 512,
      memoryReservation: 256,
      mountPoints: [{ sourceVolume: 'data', containerPath: '/data', readOnly: false }],
      name: 'web',
      portMappings: [{ containerPort: 8080, hostPort: 0, protocol: 'tcp', appProtocol: 'http', name: 'http-8080' }],
      privileged: true,
      pseudoTerminal: true,
      readonlyRootFilesystem: true,
      repositoryCredentials: { credentialsParameter: { Ref: 'Secret' } },
      secrets: [{ name: 'PASSWORD', valueFrom: { 'Fn::ImportValue': 'Shop:Secret' } }],
      stopTimeout: 30,
      systemControls: [{ namespace: 'net.core.somaxconn', value: '1024' }],
      ulimits: [{ name: 'nofile', softLimit: 1024, hardLimit: 4096 }],
      user: '1000:1000',
      volumesFrom: [{ sourceContainer: 'web', readOnly: false }],
      workingDirectory: '/srv',
    },
  ],
  cpu: '256',
  executionRoleArn: { 'Fn::GetAtt': ['ExecutionRole', 'Arn'] },
  family: 'shop-web',
  memory: '512',
  networkMode: 'bridge',
  pidMode: 'host',
  placementConstraints: [{ type: 'memberOf', expression: 'attribute:zone == a' }],
  requiresCompatibilities: ['EC2'],
  runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
  tags: [{ key: 'team', value: 'shop' }],
  taskRoleArn: { 'Fn::GetAtt': ['TaskRole', 'Arn'] },
  volumes: [
    { name: 'scratch' },
    { name: 'bind-web-0', host: { sourcePath: '/opt/shop/src' } },
    { name: 'data', efsVolumeConfiguration: { filesystemId: { Ref: 'Volume' }, transitEncryption: 'ENABLED', authorizationConfig: { accessPointId: { Ref: 'AccessPoint' }, iam: 'ENABLED' } } },
  ],
};

describe('ECS: a task definition written in CloudFormation names', () => {
  test('GIVEN every property lading writes into a task definition WHEN written by cfn-properties THEN it is what aws-cdk-lib writes, key for key and in the same order', () => {
    const rendered = new Rendered(new Stack(new App(), 'Shop'), 'TaskDefinition', { containerDefinitions: [] }).render(PROPS);
    expect(JSON.stringify(toCloudFormation(PROPS))).toBe(JSON.stringify(rendered));
  });

  test.each([
    ['an ECS service', RenderedService, SERVICE, ECS_SERVICE],
    ['a Cloud Map service', RenderedCloudMapService, CLOUD_MAP, CLOUD_MAP_SERVICE],
    ['a role', RenderedRole, { assumeRolePolicyDocument: DOCUMENT, managedPolicyArns: [{ Ref: 'Managed' }], tags: [{ key: 'team', value: 'shop' }] }, IAM],
    ['a policy', RenderedPolicy, { policyDocument: DOCUMENT, policyName: 'TaskRoleDefaultPolicy', roles: [{ Ref: 'TaskRole' }] }, IAM],
  ] as const)('GIVEN every property lading writes into %s WHEN written by cfn-properties THEN it is what aws-cdk-lib writes, key for key and in the same order', (_, Type, props, naming) => {
    const rendered = new Type(new Stack(new App(), 'Shop'), 'Resource', { assumeRolePolicyDocument: DOCUMENT, policyDocument: DOCUMENT, policyName: 'Policy' } as never).render(props);
    expect(JSON.stringify(toCloudFormation(props, naming))).toBe(JSON.stringify(rendered));
  });
});
