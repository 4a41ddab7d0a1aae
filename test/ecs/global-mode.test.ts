import { Image, Mount, Service, System } from '../../lib/model';
import { find, serviceOf, synthEcs, templateOf } from './support/ecs-kit';

const agent = (options?: ConstructorParameters<typeof System>[1]) => {
  const sys = new System('shop', options);
  new Service(sys, 'agent', { image: Image.of('prom/node-exporter:v1.8.0'), mode: 'global', mounts: [Mount.bind('/proc', '/host/proc', { readOnly: true })] });
  return sys.toSpec();
};

describe('ECS: a global service', () => {
  test('GIVEN mode global on EC2 WHEN rendered THEN it is a daemon service with no desired count, replaced instance by instance', () => {
    const s = serviceOf(templateOf(agent({ targetOptions: { ecs: { launchType: 'ec2' } } })), 'agent');
    expect(s.Properties.SchedulingStrategy).toBe('DAEMON');
    expect(s.Properties.DesiredCount).toBeUndefined();
    expect(s.Properties.DeploymentConfiguration).toMatchObject({ MinimumHealthyPercent: 0, MaximumPercent: 100 });
  });

  test("GIVEN mode global on Fargate WHEN rendered THEN one task runs and 'ecs/global-service' says how to run one per instance", () => {
    const sys = new System('shop');
    new Service(sys, 'agent', { image: Image.of('prom/node-exporter:v1.8.0'), mode: 'global' });
    const { template, diagnostics } = synthEcs(sys.toSpec());
    expect(serviceOf(template!, 'agent').Properties).toMatchObject({ DesiredCount: 1, LaunchType: 'FARGATE' });
    expect(find(diagnostics, 'ecs/global-service')).toMatchObject({
      severity: 'warning',
      path: 'shop/agent mode',
      message: 'Fargate has no container instances to run a task on each: the global service agent runs one task',
    });
  });
});
