import { parse } from 'yaml';
import { Image, Job, Network, Port, Service, System } from '../../lib/model';
import { composeTarget } from '../../lib/targets/compose';
import { renderEcs } from '../../lib/targets/ecs/target';
import type { TargetResult } from '../../lib/targets/target';
import type { SystemSpec } from '../../lib/model/spec';
import { loadExamples } from '../support/examples';
import { composeNames, composeReachability, ecsNames, type Reachability } from '../support/reachability';
import { ecsReachability, type CfnTemplate } from '../support/reachability-ecs';
import { CONTEXT } from '../support/target-kit';
import { PROJECT_ROOT } from './support/ecs-kit';

const apps = loadExamples();

function templatesOf(spec: SystemSpec): CfnTemplate[] {
  const result = renderEcs(spec, { projectRoot: PROJECT_ROOT, projectRootFromTargetDir: '../..' });
  return result.files.filter((f) => f.path.endsWith('.template.json')).map((f) => JSON.parse(f.content) as CfnTemplate);
}

function ecsMatrix(spec: SystemSpec): Reachability {
  return ecsReachability(templatesOf(spec));
}

/**
 * The Compose matrix as ECS renders it. A load balancer listens on fixed ports: a port Compose publishes on a host
 * port Docker picks (`<- *`) is on the listener of its container port when no other port holds it (ecs/dynamic-port-fargate says so on Fargate;
 * on EC2 the task's host port is dynamic behind it). On EC2 a task with a dynamic host port uses bridge mode, on the
 * container instances' group (ecs/ec2-network-isolation says so when the system has networks to keep apart).
 */
function asEcs(matrix: Reachability, bridged: readonly string[]): Reachability {
  const networks = Object.fromEntries(Object.entries(matrix.networks).map(([name, nets]) => [name, bridged.some((b) => name === b || name.startsWith(`${b}-`)) ? ['(instances)'] : nets]));
  return { ...matrix, networks, published: matrix.published.map((p) => p.replace(/ (\d+)\/(tcp|udp) <- \*$/, ' $1/$2 <- $1')).sort() };
}

/** Services whose task uses bridge mode on EC2: those with a port published on a dynamic host port. */
const bridgedOnEc2 = (spec: SystemSpec): string[] => spec.services.filter((s) => s.main.ports.some((p) => p.publish === 'dynamic')).map((s) => s.name);

describe('ECS: who reaches whom, read from the templates', () => {
  test.each(apps.map((a) => [a.name, a] as const))('GIVEN the %s example WHEN rendered on Compose and on ECS THEN the same workloads reach each other and the outside reaches the same ports', (_name, app) => {
    const compose = composeTarget.render(app.spec, CONTEXT) as TargetResult;
    const expected = asEcs(composeReachability(parse(compose.files[0].content)), app.spec.options.ecs.launchType === 'ec2' ? bridgedOnEc2(app.spec) : []);
    expect(ecsMatrix(app.spec)).toEqual(expected);
  });
});

describe('ECS: who reaches whom on the EC2 launch type', () => {
  test.each(apps.map((a) => [a.name, a] as const))('GIVEN the %s example on EC2 WHEN rendered on Compose and on ECS THEN the matrices are the same', (_name, app) => {
    const spec = { ...app.spec, options: { ...app.spec.options, ecs: { ...app.spec.options.ecs, launchType: 'ec2' as const } } };
    const compose = composeTarget.render(spec, CONTEXT) as TargetResult;
    expect(ecsMatrix(spec)).toEqual(asEcs(composeReachability(parse(compose.files[0].content)), bridgedOnEc2(spec)));
  });
});

describe('ECS: who reaches whom, beyond the examples', () => {
  test('GIVEN a loopback-bound port, source CIDRs, tcp and udp on one port, an internal network and a job WHEN rendered THEN the matrix read from the templates is the model', () => {
    const sys = new System('edge');
    const backend = new Network(sys, 'backend', { internal: true });
    const frontend = new Network(sys, 'frontend');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432).publish(5432, { hostIp: '127.0.0.1' })], networks: [backend] });
    new Service(sys, 'api', { image: Image.of('api:1'), ports: [Port.tcp(8000).publish(8000, { from: ['10.0.0.0/8'] })], networks: [frontend, backend] });
    new Service(sys, 'dns', { image: Image.of('coredns/coredns:1.11.1'), ports: [Port.udp(53).publish(53), Port.tcp(53).publish(53)], networks: [frontend] });
    new Job(sys, 'migrate', { image: Image.of('m:1'), restart: 'no', networks: [backend] });
    expect(ecsMatrix(sys.toSpec())).toEqual({
      networks: { api: ['backend (internal)', 'frontend'], db: ['backend (internal)'], dns: ['frontend'], migrate: ['backend (internal)'] },
      peers: ['api <-> db', 'api <-> dns', 'api <-> migrate', 'db <-> migrate'],
      published: ['api 8000/tcp <- 8000 from 10.0.0.0/8', 'dns 53/tcp <- 53', 'dns 53/udp <- 53'],
    });
  });
});

describe('ECS: which name resolves to which service, read from the Service Connect aliases', () => {
  const composeNamesOf = (spec: SystemSpec) => composeNames(parse((composeTarget.render(spec, CONTEXT) as TargetResult).files[0].content));

  test('GIVEN container names and aliases WHEN rendered on Compose and on ECS THEN every name resolves to the same service', () => {
    const sys = new System('names');
    const back = new Network(sys, 'back');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432)], networks: [back], containerName: 'pg', aliases: ['database'] });
    new Service(sys, 'api', { image: Image.of('api:1.0'), ports: [Port.tcp(8000).publish(8000)], networks: [back], aliases: ['backend', 'app'] });
    const spec = sys.toSpec();
    expect(ecsNames(templatesOf(spec))).toEqual(['api -> api', 'app -> api', 'backend -> api', 'database -> db', 'db -> db', 'pg -> db']);
    expect(ecsNames(templatesOf(spec))).toEqual(composeNamesOf(spec));
  });

  test.each(apps.map((a) => [a.name, a] as const))('GIVEN the %s example WHEN rendered on Compose and on ECS THEN the same names resolve to the same services', (_name, app) => {
    expect(ecsNames(templatesOf(app.spec))).toEqual(composeNamesOf(app.spec));
  });
});
