import { Image, Job, Port, Service, System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { cfnLintProblems } from './support/cfn-lint';
import { codes, find, resources, serviceOf, synthEcs, templateOf, withEcs } from './support/ecs-kit';

/** A system on EC2 with a web service and an inference service asking for `gpus` GPUs. */
function withGpus(gpus: number, inference: { cpus?: number; memory?: string; replicas?: number } = {}): SystemSpec {
  const sys = new System('shop');
  new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.http(80).publish(80)], resources: { memory: '256m' } });
  new Service(sys, 'ollama', {
    image: Image.of('ollama/ollama:0.3.12'),
    ports: [Port.tcp(11434)],
    gpus: { count: gpus },
    replicas: inference.replicas ?? 1,
    resources: { memory: inference.memory ?? '12g', ...(inference.cpus !== undefined ? { cpus: inference.cpus } : {}) },
  });
  return withEcs(sys.toSpec(), { launchType: 'ec2' });
}

const instanceTypes = (t: NonNullable<ReturnType<typeof synthEcs>['template']>) =>
  Object.values(resources(t, 'AWS::EC2::LaunchTemplate')).map((r) => r.Properties.LaunchTemplateData.InstanceType).sort();

describe('ECS: GPU container instances for tasks that need GPUs', () => {
  test("GIVEN a service asking for 1 GPU, 2 CPUs and 12 GiB, 3 replicas WHEN synthesized THEN the cluster gets 4 g4dn.xlarge GPU instances on the GPU-optimized AMI beside the general ones, sized without it, and cfn-lint is clean", () => {
    const { template, diagnostics } = synthEcs(withGpus(1, { cpus: 2, replicas: 3 }));
    const t = template!;
    expect(instanceTypes(t)).toEqual(['g4dn.xlarge', 't3.small']);
    t.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', { MinSize: '4', MaxSize: '4' });
    t.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', { MinSize: '2', MaxSize: '2' });
    const amis = Object.values((t.toJSON().Parameters ?? {}) as Record<string, { Default?: string }>).map((p) => p.Default);
    expect(amis).toEqual(expect.arrayContaining(['/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id']));
    expect(Object.values(resources(t, 'AWS::ECS::ClusterCapacityProviderAssociations')).flatMap((r) => r.Properties.CapacityProviders)).toHaveLength(2);
    expect(find(diagnostics, 'ecs/gpus-capacity')).toMatchObject({
      severity: 'info',
      path: 'shop targetOptions.ecs.launchType',
      message: 'the cluster gets 4 g4dn.xlarge GPU container instances (1 GPU, 4096 CPU units and 16384 MiB each, the ECS GPU-optimized AMI) for 4 tasks of ollama at once; the largest needs 1 GPU, 2048 CPU units and 12288 MiB',
    });
    expect(find(diagnostics, 'ecs/ec2-capacity').message).toContain('2 t3.small container instances');
    expect(codes(diagnostics)).not.toContain('ecs/gpus-instance-type');
    // a task without GPUs is kept off the GPU instances, whose room is for the GPU tasks
    expect(serviceOf(t, 'web').Properties.PlacementConstraints).toEqual([{ Type: 'memberOf', Expression: 'attribute:ecs.instance-type != g4dn.xlarge' }]);
    expect(serviceOf(t, 'ollama').Properties.PlacementConstraints).toBeUndefined();
    expect(cfnLintProblems([{ path: 'gpus.template.json', content: JSON.stringify(t.toJSON()) }])).toEqual([]);
  });

  test('GIVEN a task asking for 4 GPUs WHEN synthesized THEN the GPU instances are of a type with 4 GPUs', () => {
    const { template, diagnostics } = synthEcs(withGpus(4));
    expect(instanceTypes(template!)).toEqual(['g4dn.12xlarge', 't3.small']);
    expect(find(diagnostics, 'ecs/gpus-capacity').message).toContain('2 g4dn.12xlarge GPU container instances (4 GPUs,');
  });

  test("GIVEN a task asking for more GPUs than any listed type has WHEN synthesized THEN 'ecs/gpus-instance-type' warns with the largest figures, and no GPU instances are built", () => {
    const { template, diagnostics } = synthEcs(withGpus(16));
    expect(instanceTypes(template!)).toEqual(['t3.small']);
    expect(codes(diagnostics)).not.toContain('ecs/gpus-capacity');
    const d = find(diagnostics, 'ecs/gpus-instance-type');
    expect([d.severity, d.path, d.message, d.fix]).toEqual([
      'warning',
      'shop/ollama gpus',
      'no GPU instance type lading chooses from (g4dn.xlarge, g4dn.2xlarge, g4dn.4xlarge, g4dn.8xlarge, g4dn.12xlarge, g4dn.16xlarge, g4dn.metal, g5.48xlarge) holds a task of ollama, which needs 16 GPUs, no CPU units and 12288 MiB beside the daemon tasks: it is placed on no container instance',
      'Ask for at most 8 GPUs, 196608 CPU units and 786432 MiB less the daemon tasks, or add a capacity provider of larger GPU instances to the cluster in the CDK app.',
    ]);
  });

  test('GIVEN a scheduled job beside a GPU service WHEN synthesized THEN its rule runs the task off the GPU instances', () => {
    const sys = new System('shop');
    new Service(sys, 'ollama', { image: Image.of('ollama/ollama:0.3.12'), gpus: { count: 1 }, resources: { memory: '8g' } });
    new Job(sys, 'report', { image: Image.of('report:1'), schedule: '0 3 * * *' });
    const t = templateOf(withEcs(sys.toSpec(), { launchType: 'ec2' }));
    const rule = Object.values(resources(t, 'AWS::Events::Rule'))[0];
    expect(rule.Properties.Targets[0].EcsParameters.PlacementConstraints).toEqual([{ Type: 'memberOf', Expression: 'attribute:ecs.instance-type != g4dn.xlarge' }]);
  });

  test("GIVEN a job run on demand beside a GPU service WHEN synthesized THEN 'ecs/job-on-demand' gives the run-task command with the constraint that keeps it off the GPU instances", () => {
    const sys = new System('shop');
    new Service(sys, 'ollama', { image: Image.of('ollama/ollama:0.3.12'), gpus: { count: 1 }, resources: { memory: '8g' } });
    new Job(sys, 'migrate', { image: Image.of('migrate:1') });
    const { diagnostics } = synthEcs(withEcs(sys.toSpec(), { launchType: 'ec2' }));
    expect(find(diagnostics, 'ecs/job-on-demand').message).toBe(
      "the task definition shop-migrate runs on demand: aws ecs run-task --task-definition shop-migrate --placement-constraints 'type=memberOf,expression=attribute:ecs.instance-type != g4dn.xlarge'",
    );
  });

  test('GIVEN no workload asks for GPUs on EC2 WHEN synthesized THEN there are no GPU instances', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.http(80).publish(80)] });
    const { template, diagnostics } = synthEcs(withEcs(sys.toSpec(), { launchType: 'ec2' }));
    expect(instanceTypes(template!)).toEqual(['t3.small']);
    expect(codes(diagnostics)).not.toContain('ecs/gpus-capacity');
  });
});
