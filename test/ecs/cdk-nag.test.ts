import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { createEcsApp } from '../../lib/targets/ecs/assembly';
import { addSystemStacks } from '../../lib/targets/ecs';
import { Image, Port, Service, System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { exampleSystem, loadExamples } from '../support/examples';
import { PROJECT_ROOT, templateOf, withEcs } from './support/ecs-kit';

/**
 * cdk-nag's AwsSolutions pack on one system's stacks: every finding left unacknowledged, as `rule resource`. With
 * `context`, the App has that context too (a cdk.json's feature flags).
 */
function nag(spec: SystemSpec, context: Record<string, unknown> = {}): string[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-nag-'));
  try {
    const app = createEcsApp({ outdir, referenceAssets: true });
    for (const [key, value] of Object.entries(context)) app.node.setContext(key, value);
    const { stacks, diagnostics } = addSystemStacks(app, spec, { projectRoot: PROJECT_ROOT });
    if (!stacks) throw new Error(diagnostics.map((d) => d.message).join('\n'));
    const out: string[] = [];
    for (const stack of stacks.stacks) {
      const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(stack);
      for (const v of report.violations) for (const r of v.violatingResources) out.push(`${v.severity} ${v.ruleName} ${r.constructPath}: ${v.description.slice(0, 160)}`);
    }
    return out;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('ECS: cdk-nag AwsSolutions on every example', () => {
  test.each(loadExamples().map((a) => [a.name, a] as const))('%s: no finding left neither fixed nor acknowledged', (_name, app) => {
    expect(nag(app.spec)).toEqual([]);
  });
});

describe('ECS: the posture switches and what the stack acknowledges', () => {
  const webapp = exampleSystem('webapp').toSpec();
  const devbox = exampleSystem('devbox').toSpec();

  test('GIVEN Container Insights and VPC flow logs on, and an existing access-log bucket WHEN checked THEN cdk-nag still finds nothing unacknowledged', () => {
    const spec = withEcs(webapp, { containerInsights: true, vpcFlowLogs: true, accessLogsBucket: 'shop-access-logs' });
    expect(nag(spec)).toEqual([]);
    const t = templateOf(spec);
    t.hasResourceProperties('AWS::ECS::Cluster', { ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] });
    t.hasResourceProperties('AWS::EC2::FlowLog', { ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs' });
    t.resourceCountIs('AWS::S3::Bucket', 0);
    const lb = Object.values(t.findResources('AWS::ElasticLoadBalancingV2::LoadBalancer'))[0] as any;
    expect(lb.Properties.LoadBalancerAttributes).toEqual(expect.arrayContaining([{ Key: 'access_logs.s3.bucket', Value: 'shop-access-logs' }, { Key: 'access_logs.s3.enabled', Value: 'true' }]));
  });

  test('GIVEN the defaults WHEN synthesized THEN the switches left off are acknowledged in the template with the option that turns them on', () => {
    const t = templateOf(webapp);
    const cluster = Object.values(t.findResources('AWS::ECS::Cluster'))[0] as any;
    expect(cluster.Metadata.cdk_nag.rules_to_suppress).toEqual([{ id: 'AwsSolutions-ECS4', reason: expect.stringContaining('targetOptions.ecs.containerInsights') }]);
    const vpc = Object.values(t.findResources('AWS::EC2::VPC'))[0] as any;
    expect(vpc.Metadata.cdk_nag.rules_to_suppress).toEqual([{ id: 'AwsSolutions-VPC7', reason: expect.stringContaining('targetOptions.ecs.vpcFlowLogs') }]);
    t.resourceCountIs('AWS::EC2::FlowLog', 0);
  });

  test('GIVEN published ports WHEN synthesized THEN the access-log bucket is encrypted, private, TLS only and retained, and the load balancer logs to it', () => {
    const t = templateOf(webapp);
    t.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      },
    });
    const policy = Object.values(t.findResources('AWS::S3::BucketPolicy'))[0] as any;
    expect(policy.Properties.PolicyDocument.Statement[0]).toMatchObject({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    const lb = Object.values(t.findResources('AWS::ElasticLoadBalancingV2::LoadBalancer'))[0] as any;
    expect(lb.Properties.LoadBalancerAttributes).toEqual(expect.arrayContaining([{ Key: 'access_logs.s3.enabled', Value: 'true' }, { Key: 'access_logs.s3.prefix', Value: 'alb' }]));
  });

  test('GIVEN EC2 capacity WHEN synthesized THEN the container instances boot from an encrypted volume', () => {
    const t = templateOf(devbox);
    t.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: { BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true, VolumeSize: 30, VolumeType: 'gp3' } }] },
    });
  });

  test('GIVEN a service that needs GPUs on EC2 WHEN checked THEN the GPU instances, as the general ones, boot from an encrypted volume and leave no finding unacknowledged', () => {
    const sys = new System('lab');
    new Service(sys, 'ollama', { image: Image.of('ollama/ollama:0.3.12'), ports: [Port.tcp(11434).publish(11434)], gpus: { count: 1 }, resources: { memory: '8g' } });
    const spec = withEcs(sys.toSpec(), { launchType: 'ec2' });
    expect(nag(spec)).toEqual([]);
    const templates = Object.values(templateOf(spec).findResources('AWS::EC2::LaunchTemplate')) as any[];
    expect(templates.map((r) => [r.Properties.LaunchTemplateData.InstanceType, r.Properties.LaunchTemplateData.BlockDeviceMappings[0].Ebs.Encrypted]).sort()).toEqual([
      ['g4dn.xlarge', true],
      ['t3.small', true],
    ]);
  });

  test('GIVEN IAM policies minimized (a cdk.json feature flag) on EC2 and Fargate WHEN checked THEN the agent roles’ wildcards are still acknowledged as the merged statements have them', () => {
    const minimized = { '@aws-cdk/aws-iam:minimizePolicies': true };
    expect(nag(devbox, minimized)).toEqual([]);
    expect(nag(withEcs(webapp, { launchType: 'ec2' }), minimized)).toEqual([]);
    expect(nag(webapp, minimized)).toEqual([]);
  });

  test('GIVEN a finding nothing acknowledges WHEN checked THEN the check reports it', () => {
    const spec = withEcs(webapp, {});
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-nag-'));
    try {
      const app = createEcsApp({ outdir, referenceAssets: true });
      const { stacks } = addSystemStacks(app, spec, { projectRoot: PROJECT_ROOT });
      const stack = stacks!.main;
      const before = new AwsSolutionsChecks().validateScope(stack).violations.length;
      new s3.Bucket(stack, 'Unacknowledged');
      const after = new AwsSolutionsChecks().validateScope(stack).violations.map((v) => v.ruleName);
      expect(before).toBe(0);
      expect(after).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
