import { App, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { toCloudFormation } from '../../lib/targets/ecs/cfn-properties';

/** aws-cdk-lib's own rendering of a task definition's properties. */
class Rendered extends ecs.CfnTaskDefinition {
  render(props: Record<string, unknown>): Record<string, unknown> {
    return this.renderProperties(props);
  }
}

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
});
