import { parse } from 'yaml';
import { Image, Job, Network, Port, Service, System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { composeTarget } from '../../lib/targets/compose';
import { renderKubernetes } from '../../lib/targets/kubernetes';
import type { TargetResult } from '../../lib/targets/target';
import { importCorpus, syntheticCorpusNames } from '../import/support/import-kit';
import { realCorpusNames } from '../import/support/fidelity';
import { loadExamples } from '../support/examples';
import { parseManifest } from '../support/kubernetes-validators';
import { composeMatrix, composeNames, kubernetesMatrix, kubernetesNames } from '../support/reachability';
import { CONTEXT } from '../support/target-kit';

function fromCompose(spec: SystemSpec): { matrix: readonly string[]; result: TargetResult } {
  const result = composeTarget.render(spec, CONTEXT) as TargetResult;
  const file = result.files.find((f) => f.path === `${spec.name}/compose.yaml`);
  if (!file) throw new Error(`no compose file for ${spec.name}`);
  return { matrix: composeMatrix(parse(file.content)), result };
}

function fromKubernetes(spec: SystemSpec): readonly string[] {
  const text = renderKubernetes(spec).files[0]?.content;
  if (!text) throw new Error(`no manifest for ${spec.name}`);
  return kubernetesMatrix(parseManifest(text));
}

/**
 * Internal networks, a job, a port bound to loopback, ports with and without source CIDR blocks, and a dynamic
 * port: every case the judges tell apart.
 */
function exposure(): System {
  const sys = new System('exposure');
  const front = new Network(sys, 'front');
  const back = new Network(sys, 'back', { internal: true });
  new Service(sys, 'db', {
    image: Image.of('postgres:16.4'),
    ports: [Port.tcp(5432).publish(5432, { hostIp: '127.0.0.1' }), Port.tcp(9187)],
    networks: [back],
  });
  new Service(sys, 'api', {
    image: Image.of('api:1.0'),
    ports: [Port.tcp(8000).publish(8000, { from: ['10.0.0.0/8'] }), Port.udp(514).publish()],
    networks: [front, back],
  });
  new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.http(80).publish(8080)], networks: [front] });
  new Job(sys, 'migrate', { image: Image.of('migrate:1.0'), networks: [back] });
  return sys;
}

describe('reachability: the Compose file and the Kubernetes manifest allow the same connections', () => {
  test('GIVEN the examples WHEN judged THEN they have connections to compare', () => {
    const lines = loadExamples().flatMap((app) => fromCompose(app.spec).matrix);
    expect(lines).toEqual(expect.arrayContaining(['catserver -> catnip 6379/tcp', 'outside:8080 -> dogserver 80/tcp']));
  });

  test.each(loadExamples().map((app) => [app.name, app.spec] as const))('GIVEN example %s WHEN judged from both outputs THEN the matrices are equal', (_name, spec) => {
    expect(fromKubernetes(spec)).toEqual(fromCompose(spec).matrix);
  });

  const corpus = [...syntheticCorpusNames(), ...realCorpusNames().map((n) => `real/${n}`)].sort();
  const corpusSpecs = new Map(corpus.map((name) => {
    const system = importCorpus(name).system;
    if (!system) throw new Error(`${name} did not import`);
    return [name, system.toSpec()] as const;
  }));
  /**
   * Files Kubernetes refuses to render, each for the one error the test names: they have no manifest to judge.
   * None since long-syntax's host-path volume became a bind mount (two replicas may share it).
   */
  const REFUSED: Record<string, string> = {};

  test('GIVEN the import corpus WHEN rendered to Kubernetes THEN only the listed files are refused, each for its listed error', () => {
    const refused = Object.fromEntries(
      [...corpusSpecs].flatMap(([name, spec]) => {
        const errors = renderKubernetes(spec).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
        return errors.length > 0 ? [[name, [...new Set(errors)].join(' ')]] : [];
      }),
    );
    expect(refused).toEqual(REFUSED);
  });

  test.each(corpus.filter((n) => !(n in REFUSED)))('GIVEN the Compose file %s of the import corpus WHEN imported and judged from both outputs THEN the matrices are equal', (name) => {
    const spec = corpusSpecs.get(name)!;
    expect(fromKubernetes(spec)).toEqual(fromCompose(spec).matrix);
  });

  test('GIVEN internal networks, a job, a loopback-bound port and source CIDR blocks WHEN judged THEN the matrices differ only where Compose says it cannot restrict', () => {
    const spec = exposure().toSpec();
    const compose = fromCompose(spec);
    const kubernetes = fromKubernetes(spec);
    expect(kubernetes).toEqual([
      'api -> db 5432/tcp',
      'api -> db 9187/tcp',
      'api -> web 80/tcp',
      'db -> api 514/udp',
      'db -> api 8000/tcp',
      'migrate -> api 514/udp',
      'migrate -> api 8000/tcp',
      'migrate -> db 5432/tcp',
      'migrate -> db 9187/tcp',
      'outside:* -> api 514/udp',
      'outside:8080 -> web 80/tcp',
      'outside[10.0.0.0/8]:8000 -> api 8000/tcp',
      'web -> api 514/udp',
      'web -> api 8000/tcp',
    ]);
    // Compose publishes api 8000 to any source, and says so; every other line is the same
    const flagged = compose.result.diagnostics.filter((d) => d.code === 'compose/source-cidrs').map((d) => d.path);
    expect(flagged).toEqual(['exposure/api ports[0]']);
    const widened = kubernetes.map((line) => line.replace('outside[10.0.0.0/8]:8000', 'outside:8000'));
    expect(compose.matrix).toEqual([...widened].sort());
  });

  test('GIVEN container names and aliases WHEN judged from both outputs THEN every name resolves to the same workload', () => {
    const sys = new System('names');
    const back = new Network(sys, 'back');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432)], networks: [back], containerName: 'pg', aliases: ['database'] });
    new Service(sys, 'api', { image: Image.of('api:1.0'), ports: [Port.tcp(8000).publish(8000)], networks: [back], aliases: ['backend', 'app'] });
    const spec = sys.toSpec();
    const compose = composeTarget.render(spec, CONTEXT) as TargetResult;
    const names = composeNames(parse(compose.files.find((f) => f.path === 'names/compose.yaml')!.content));
    expect(names).toEqual(['api -> api', 'app -> api', 'backend -> api', 'database -> db', 'db -> db', 'pg -> db']);
    expect(kubernetesNames(parseManifest(renderKubernetes(spec).files[0].content))).toEqual(names);
  });

  test.each(loadExamples().map((app) => [app.name, app.spec] as const))('GIVEN example %s WHEN names are judged from both outputs THEN they are equal', (_name, spec) => {
    const compose = composeTarget.render(spec, CONTEXT) as TargetResult;
    const names = composeNames(parse(compose.files.find((f) => f.path === `${spec.name}/compose.yaml`)!.content));
    expect(kubernetesNames(parseManifest(renderKubernetes(spec).files[0].content))).toEqual(names);
  });

  test.each(corpus.filter((n) => !(n in REFUSED)))('GIVEN the Compose file %s of the import corpus WHEN imported and names are judged from both outputs THEN they are equal', (name) => {
    const spec = corpusSpecs.get(name)!;
    const compose = composeTarget.render(spec, CONTEXT) as TargetResult;
    const names = composeNames(parse(compose.files.find((f) => f.path === `${spec.name}/compose.yaml`)!.content));
    expect(kubernetesNames(parseManifest(renderKubernetes(spec).files[0].content))).toEqual(names);
  });
});
