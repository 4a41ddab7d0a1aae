import { Image, Mount, Service, System, Volume } from '../../lib/model';
import { templateOf } from '../ecs/support/ecs-kit';
import { render as renderK8s } from '../kubernetes/render';
import { validateManifest } from '../support/kubernetes-validators';

const base = { image: Image.of('ghcr.io/example/api:1.0'), resources: { memory: '512m', memoryReservation: '256m', cpuShares: 512 } };

function scaled(autoscale: object, extra: object = {}) {
  const sys = new System('shop');
  new Service(sys, 'api', { ...base, ...extra, autoscale } as never);
  return sys;
}

describe('autoscale: { min, max, cpuPercent?, memoryPercent? }', () => {
  test('GIVEN autoscale WHEN specified THEN replicas is min and the spec keeps the signals', () => {
    const s = scaled({ min: 2, max: 10, cpuPercent: 70 }).toSpec().services[0];
    expect([s.replicas, s.autoscale]).toEqual([2, { min: 2, max: 10, cpuPercent: 70 }]);
  });

  test.each([
    [{ min: 2, max: 4, cpuPercent: 70 }, { replicas: 3 }, 'shop/api replicas: a service that autoscales has no fixed replicas (got 3). Remove replicas: autoscale.min is how many copies run at least.'],
    [{ min: 5, max: 4, cpuPercent: 70 }, {}, 'shop/api autoscale.max: must be at least min (5) (got 4). Raise max to 5 or more.'],
    [{ min: 0, max: 4, cpuPercent: 70 }, {}, 'shop/api autoscale.min: must be a whole number from 1 to 1000 (got 0). Write e.g. autoscale: { min: 2, max: 10, cpuPercent: 70 }.'],
    [{ min: 1, max: 4, cpuPercent: 170 }, {}, 'shop/api autoscale.cpuPercent: must be a whole percentage from 1 to 100 (got 170). Write e.g. cpuPercent: 70.'],
    [{ min: 1, max: 4 }, {}, 'shop/api autoscale: needs a signal to scale on: cpuPercent, memoryPercent or both (got {"min":1,"max":4}). Add e.g. cpuPercent: 70.'],
    [{ min: 1, max: 4, cpu: 70 }, {}, "shop/api autoscale: unknown prop 'cpu'"],
  ])('GIVEN autoscale %j with %j WHEN constructed THEN the error names the prop', (autoscale, extra, message) => {
    expect(() => scaled(autoscale, extra)).toThrow(message);
  });

  test('GIVEN autoscale WHEN rendered for Kubernetes THEN an autoscaling/v2 HPA scales the Deployment, which leaves replicas out, and both pass the schemas', () => {
    const r = renderK8s(scaled({ min: 2, max: 10, cpuPercent: 70, memoryPercent: 80 }));
    expect(r.get('HorizontalPodAutoscaler', 'api')).toMatchObject({
      apiVersion: 'autoscaling/v2',
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
          { type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 80 } } },
        ],
      },
    });
    expect(r.get('Deployment', 'api').spec.replicas).toBeUndefined();
    expect(validateManifest(r.yaml)).toEqual([]);
  });

  test('GIVEN autoscale WHEN rendered for ECS THEN a scalable target from min to max and one target-tracking policy per signal', () => {
    const t = templateOf(scaled({ min: 2, max: 10, cpuPercent: 70, memoryPercent: 80 }).toSpec());
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 2, MaxCapacity: 10, ScalableDimension: 'ecs:service:DesiredCount' });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 70, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } },
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 80, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageMemoryUtilization' } },
    });
    t.hasResourceProperties('AWS::ECS::Service', { ServiceName: 'api', DesiredCount: 2 });
  });

  test('GIVEN autoscale max > 1 on a single-writer volume WHEN rendered for Kubernetes THEN the error names autoscale.max', () => {
    const sys = new System('shop');
    const data = new Volume(sys, 'data');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), resources: { cpuShares: 512 }, mounts: [Mount.volume(data, '/data')], autoscale: { min: 1, max: 3, cpuPercent: 70 } });
    expect(renderK8s(sys).diagnostic('kubernetes/single-writer-replicas').path).toBe('shop/db autoscale.max');
  });
});
