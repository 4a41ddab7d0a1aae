import { Image, Job, Service, System } from '../../lib/model';
import { cpuQuantity, cpuSharesQuantity, memoryQuantity } from '../../lib/targets/kubernetes/quantities';
import { validateManifest } from '../support/kubernetes-validators';
import { render } from './render';

function resourcesOf(resources: object) {
  const sys = new System('shop');
  new Service(sys, 'app', { image: Image.of('nginx:1.27'), resources });
  return render(sys);
}

describe('Kubernetes: resources', () => {
  test('--memory is limits.memory, in readable units', () => {
    expect(resourcesOf({ memory: '512m' }).container('app').resources).toEqual({ limits: { memory: '512Mi' } });
  });

  test('--memory-reservation is requests.memory', () => {
    expect(resourcesOf({ memoryReservation: '1g' }).container('app').resources).toEqual({ requests: { memory: '1Gi' } });
  });

  test('--cpu-shares is requests.cpu = shares/1024 CPU', () => {
    expect(resourcesOf({ cpuShares: 256 }).container('app').resources).toEqual({ requests: { cpu: '250m' } });
    expect(resourcesOf({ cpuShares: 2048 }).container('app').resources).toEqual({ requests: { cpu: '2' } });
  });

  test('--cpus is limits.cpu', () => {
    expect(resourcesOf({ cpus: 0.5 }).container('app').resources).toEqual({ limits: { cpu: '500m' } });
    expect(resourcesOf({ cpus: 2 }).container('app').resources).toEqual({ limits: { cpu: '2' } });
  });

  test('all four together', () => {
    // GIVEN docker run --memory 1g --memory-reservation 512m --cpu-shares 512 --cpus 1
    const r = resourcesOf({ memory: '1g', memoryReservation: '512m', cpuShares: 512, cpus: 1 });
    // THEN requests and limits, never raw bytes
    expect(r.container('app').resources).toEqual({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '512Mi' } });
    expect(r.yaml).not.toMatch(/memory: "?\d+"?$/m);
  });

  test('nothing set, nothing written: none of cdk8s-plus-27 injected requests and limits', () => {
    const r = resourcesOf({});
    expect(r.container('app')).not.toHaveProperty('resources');
    expect(r.yaml).not.toMatch(/1500m|2048Mi/);
  });

  test('quantities: the largest binary unit that is exact, whole CPUs or millicores', () => {
    expect(memoryQuantity(64 * 1024 * 1024)).toEqual({ text: '64Mi', rounded: false });
    expect(memoryQuantity(1536 * 1024 * 1024)).toEqual({ text: '1536Mi', rounded: false });
    expect(memoryQuantity(3 * 1024 ** 4)).toEqual({ text: '3Ti', rounded: false });
    expect(memoryQuantity(1000)).toEqual({ text: '1Ki', rounded: true });
    expect(cpuQuantity(1500)).toEqual({ text: '1500m', rounded: false });
    expect(cpuSharesQuantity(100)).toEqual({ text: '98m', rounded: true });
  });

  test('--gpus N is limits nvidia.com/gpu on the main container, beside its other limits; not on a sidecar; the pod tolerates the nvidia.com/gpu taint; the Kubernetes schema accepts it', () => {
    const sys = new System('shop');
    const app = new Service(sys, 'app', { image: Image.of('ollama/ollama:0.3.12'), resources: { memory: '8g' }, gpus: { count: 2 } });
    app.addSidecar('exporter', { image: Image.of('utkuozdemir/nvidia_gpu_exporter:1.2.1') });
    const r = render(sys);
    expect(r.container('app').resources).toEqual({ limits: { memory: '8Gi', 'nvidia.com/gpu': '2' } });
    expect(r.container('app', 'exporter').resources).toBeUndefined();
    expect(r.pod('app').spec.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(validateManifest(r.yaml)).toEqual([]);
  });

  test('a CronJob whose main container requests GPUs tolerates the nvidia.com/gpu taint in its job template; a workload without GPUs has no toleration', () => {
    const sys = new System('shop');
    new Job(sys, 'train', { image: Image.of('shop/train:1.0'), schedule: '0 3 * * *', gpus: { count: 1 } });
    new Service(sys, 'web', { image: Image.of('nginx:1.27') });
    const r = render(sys);
    expect(r.pod('train').spec.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(r.container('train').resources).toEqual({ limits: { 'nvidia.com/gpu': '1' } });
    expect(r.pod('web').spec.tolerations).toBeUndefined();
    expect(validateManifest(r.yaml)).toEqual([]);
  });
});
