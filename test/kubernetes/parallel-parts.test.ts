import { spawnSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { ApiObject } from 'cdk8s';
import { generateSystem } from '../../bench/generate';
import { Image, Port, Service, System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { renderAll } from '../../lib/synth/parallel/render-pool';
import { joinerOf } from '../../lib/synth/parts';
import { kubernetesTarget } from '../../lib/targets/kubernetes';
import * as chartModule from '../../lib/targets/kubernetes/chart';

// a test makes objects depend on each other in one chart; every other build is the real one
jest.mock('../../lib/targets/kubernetes/chart', () => {
  const actual = jest.requireActual('../../lib/targets/kubernetes/chart');
  return { ...actual, buildChart: jest.fn(actual.buildChart) };
});
import type { RenderContext, TargetPart } from '../../lib/targets/target';
import { loadExamples } from '../support/examples';
import { ROOT } from '../support/run-cli';

const context: RenderContext = { projectRoot: ROOT, projectRootFromTargetDir: '../..' };
const joiner = joinerOf('kubernetes')!;

/** `spec` rendered in `count` parts, each as a thread of its own would, and joined. */
async function inParts(spec: SystemSpec, count: number) {
  const parts: TargetPart[] = [];
  for (let index = 0; index < count; index++) parts.push(await kubernetesTarget.renderPart!(spec, context, { index, count }));
  return joiner.join(spec, context, parts);
}

describe('Kubernetes: a system rendered in parts', () => {
  const large = generateSystem(400).toSpec();

  test.each([...loadExamples().map((a) => [a.name, a.spec] as const), ['generated, 400 services', large] as const])(
    'GIVEN %s WHEN rendered whole and in 2, 3 and 5 parts THEN the manifest is byte-identical and the diagnostics are the same',
    async (_name, spec) => {
      const whole = await kubernetesTarget.render(spec, context);
      expect(whole.files).toHaveLength(1);
      for (const count of [2, 3, 5]) {
        const joined = await inParts(spec, count);
        expect(joined.files.map((f) => f.path)).toEqual(whole.files.map((f) => f.path));
        expect(joined.files[0].content).toBe(whole.files[0].content);
        expect(JSON.stringify(joined.diagnostics)).toBe(JSON.stringify(whole.diagnostics));
      }
    },
  );

  test('GIVEN a system with an error WHEN rendered in parts THEN no file, and the findings of a whole render', async () => {
    const s = new System('shop');
    new Service(s, 'a'.repeat(60), { image: Image.of('nginx:1.27'), ports: [Port.tcp(80).publish()] });
    new Service(s, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80)] });
    const spec = s.toSpec();
    const whole = await kubernetesTarget.render(spec, context);
    expect(whole.diagnostics.some((d) => d.code === 'kubernetes/object-name' && d.severity === 'error')).toBe(true);
    const joined = await inParts(spec, 2);
    expect(joined.files).toEqual([]);
    expect(joined.diagnostics).toEqual(whole.diagnostics);
  });

  test('GIVEN a Service name taken in one part and wanted again in the next WHEN rendered in parts THEN the later one is refused, as in a whole render', async () => {
    const s = new System('shop');
    // web publishes port 80 on a fixed host port: its LoadBalancer Service is web-lb, the name the second workload's Service wants
    new Service(s, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80).publish(8080)] });
    new Service(s, 'web-lb', { image: Image.of('haproxy:2.9'), ports: [Port.tcp(80)] });
    const spec = s.toSpec();
    const whole = await kubernetesTarget.render(spec, context);
    const refused = whole.diagnostics.filter((d) => d.code === 'kubernetes/object-name');
    expect(refused.map((d) => d.message)).toEqual(['the Service name web-lb is also used by shop/web ports']);
    const joined = await inParts(spec, 2);
    expect(joined.files).toEqual([]);
    expect(joined.diagnostics).toEqual(whole.diagnostics);
  });

  test('GIVEN a chart whose objects depend on each other WHEN rendered in parts THEN the part fails rather than write them out of order', async () => {
    const real: typeof chartModule.buildChart = jest.requireActual('../../lib/targets/kubernetes/chart').buildChart;
    (chartModule.buildChart as jest.Mock).mockImplementationOnce((...args: Parameters<typeof real>) => {
      const built = real(...args);
      const [first, second] = built.chart.node.findAll().filter((c) => c instanceof ApiObject);
      first.node.addDependency(second);
      return built;
    });
    const spec = loadExamples().find((a) => a.name === 'webapp')!.spec;
    await expect(Promise.resolve().then(() => kubernetesTarget.renderPart!(spec, context, { index: 0, count: 2 }))).rejects.toThrow('depends on another');
    // the same part renders when nothing depends on anything
    expect((await kubernetesTarget.renderPart!(spec, context, { index: 0, count: 2 })).data).toContain('kind: Deployment');
  });

  test('GIVEN 2,000 services WHEN rendered by the pool on 2 threads and on 1 THEN the same manifest and diagnostics; in 2 parts', async () => {
    const spec = generateSystem(2000).toSpec();
    expect(joiner.partsOf(spec, 2)).toBe(2);
    const job = { target: 'kubernetes' as const, spec, targetDir: path.join(os.tmpdir(), 'dist', 'kubernetes'), projectRoot: ROOT };
    const [parallel] = await renderAll([job], 2);
    const [serial] = await renderAll([job], 1);
    expect(serial.files).toHaveLength(1);
    expect(parallel.files[0].content).toBe(serial.files[0].content);
    expect(JSON.stringify(parallel.diagnostics)).toBe(JSON.stringify(serial.diagnostics));
    expect(parallel.outputs).toEqual(serial.outputs);
  });

  test('GIVEN the size of a system WHEN counting its parts THEN up to 1,999 services and jobs render whole, more in a part per thread and per 1,000', () => {
    const small = loadExamples()[0].spec;
    const sized = (services: number, jobs = 0) => ({ ...small, services: new Array(services).fill(small.services[0]), jobs: new Array(jobs).fill(small.jobs[0] ?? small.services[0]) });
    expect(joiner.partsOf(small, 2)).toBe(1);
    expect(joiner.partsOf(large, 2)).toBe(1);
    expect(joiner.partsOf(sized(1000, 20), 2)).toBe(1);
    expect(joiner.partsOf(sized(1990, 10), 2)).toBe(2);
    expect(joiner.partsOf(sized(1990, 10), 1)).toBe(1);
    expect(joiner.partsOf(sized(5000), 4)).toBe(4);
    expect(joiner.partsOf(sized(3000), 8)).toBe(3);
  });

  test('GIVEN the joiner WHEN its module is loaded THEN neither cdk8s nor cdk8s-plus-27 is', () => {
    const script = [
      "require('./lib/synth/parts').joinerOf('kubernetes');",
      "const loaded = Object.keys(require.cache).filter((f) => /node_modules[\\\\/](cdk8s|cdk8s-plus-27)[\\\\/]/.test(f));",
      'process.stdout.write(JSON.stringify(loaded));',
    ].join('\n');
    const r = spawnSync(process.execPath, ['-r', './bin/register.js', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});
