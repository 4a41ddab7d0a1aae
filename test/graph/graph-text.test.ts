import { Dependency, HealthCheck, Image, Job, Mount, Network, Port, Service, System, Volume } from '../../lib/model';
import { buildSystemGraph, publishLabel, sizeLabel, dotOf, toMermaid, toMermaidMarkdown } from '../../lib/graph';
import { examples } from './examples';

const EXAMPLES = examples();

describe('the graph as text (Mermaid and DOT)', () => {
  test.each(EXAMPLES.map((a) => [a.name, a] as const))('GIVEN the example %s WHEN drawn THEN the Mermaid and DOT text match the snapshot', (_name, app) => {
    expect(toMermaid(app.spec)).toMatchSnapshot('mermaid');
    expect(dotOf(app.spec)).toMatchSnapshot('dot');
  });

  test('GIVEN every example WHEN drawn twice THEN the text is the same', () => {
    for (const app of EXAMPLES) {
      expect(toMermaid(app.spec)).toBe(toMermaid(app.spec));
      expect(dotOf(app.spec)).toBe(dotOf(app.spec));
    }
  });

  test('GIVEN a service on two networks WHEN drawn THEN it sits outside both groups and joins each', () => {
    // GIVEN
    const sys = new System('shop');
    const front = new Network(sys, 'front');
    const back = new Network(sys, 'back', { internal: true });
    new Service(sys, 'api', { image: Image.of('shop/api:1.0'), networks: [front, back] });
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), networks: [back] });
    // WHEN
    const graph = buildSystemGraph(sys.toSpec());
    // THEN
    expect(graph.groups.map((g) => [g.label, g.nodes.map((n) => n.id)])).toEqual([
      ['network back (internal)', ['w_db']],
      ['network front', []],
    ]);
    expect(graph.loose.map((n) => n.id)).toEqual(['w_api']);
    expect(graph.edges.filter((e) => e.kind === 'joins')).toEqual([
      { kind: 'joins', from: 'w_api', to: 'n_back' },
      { kind: 'joins', from: 'w_api', to: 'n_front' },
    ]);
    const dot = dotOf(sys.toSpec());
    expect(dot).toContain('"w_api" -> "n_back" [style=dotted, arrowhead=none, label="joins", lhead="cluster_n_back"];');
    expect(dot).toContain('graph [label="network back (internal)", style="rounded,dashed,filled"');
    expect(toMermaid(sys.toSpec())).toContain('  w_api -.-|"joins"| n_front\n');
    expect(toMermaid(sys.toSpec())).toContain('  style n_back stroke:#b85450,stroke-dasharray:5 5\n');
  });

  test('GIVEN fixed and dynamic published ports WHEN drawn THEN edges come from outside, labelled host -> container/protocol', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80).publish(8080), Port.udp(1234).publish(), Port.tcp(9000)] });
    const spec = sys.toSpec();
    expect(buildSystemGraph(spec).edges).toEqual([
      { kind: 'publish', from: 'outside', to: 'w_web', label: '8080 -> 80/tcp' },
      { kind: 'publish', from: 'outside', to: 'w_web', label: '* -> 1234/udp' },
    ]);
    expect(toMermaid(spec)).toContain('  outside -->|"8080 -> 80/tcp"| w_web\n');
    expect(dotOf(spec)).toContain('"outside" -> "w_web" [label="* -> 1234/udp"');
    expect(publishLabel(spec.services[0].main.ports[2])).toBe('* -> 9000/tcp');
  });

  test('GIVEN a port bound to loopback and one with source CIDR blocks WHEN labelled THEN the label says so', () => {
    const sys = new System('shop');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432).publish(5432, { hostIp: '127.0.0.1' }), Port.tcp(8000).publish(8000, { from: ['10.0.0.0/8'] })] });
    const [loopback, restricted] = sys.toSpec().services[0].main.ports;
    expect(publishLabel(loopback)).toBe('127.0.0.1:5432 -> 5432/tcp');
    expect(publishLabel(restricted)).toBe('8000 -> 8000/tcp from 10.0.0.0/8');
  });

  test('GIVEN no published port WHEN drawn THEN there is no outside node', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80)] });
    expect(buildSystemGraph(sys.toSpec()).loose.map((n) => n.id)).toEqual([]);
    expect(toMermaid(sys.toSpec())).not.toContain('outside');
  });

  test('GIVEN dependencies WHEN drawn THEN dashed edges run from the dependent, labelled with the condition', () => {
    const sys = new System('shop');
    const db = new Service(sys, 'db', { image: Image.of('postgres:16.4'), health: HealthCheck.tcp(5432) });
    const migrate = new Job(sys, 'migrate', { image: Image.of('shop/migrate:1.0'), dependsOn: [Dependency.healthy(db)] });
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), dependsOn: [Dependency.completed(migrate), Dependency.started(db)] });
    const spec = sys.toSpec();
    expect(buildSystemGraph(spec).edges).toEqual([
      { kind: 'depends', from: 'w_migrate', to: 'w_db', label: 'healthy' },
      { kind: 'depends', from: 'w_web', to: 'w_db', label: 'started' },
      { kind: 'depends', from: 'w_web', to: 'w_migrate', label: 'completed' },
    ]);
    expect(dotOf(spec)).toContain('"w_web" -> "w_migrate" [label="completed", style=dashed];');
    expect(toMermaid(spec)).toContain('  w_migrate -.->|"healthy"| w_db\n');
    expect(toMermaid(spec)).toContain('w_migrate("<b>migrate</b><br/>shop/migrate:1.0<br/>job, runs once")');
  });

  test('GIVEN volumes, a bind mount and a sidecar WHEN drawn THEN storage nodes join the services that mount them, sidecars sit inside', () => {
    const sys = new System('shop');
    const data = new Volume(sys, 'data', { size: '10Gi' });
    const logs = new Volume(sys, 'logs', { size: '512m' });
    const app = new Service(sys, 'app', {
      image: Image.of('busybox:1.36'),
      replicas: 3,
      mounts: [Mount.volume(data, '/data'), Mount.bind('./src', '/src', { readOnly: true }), Mount.ephemeral('/tmp')],
    });
    app.addSidecar('shipper', { image: Image.of('fluent-bit:3.1'), mounts: [Mount.volume(logs, '/logs')], volumesFrom: true });
    const spec = sys.toSpec();
    const graph = buildSystemGraph(spec);
    expect(graph.edges).toEqual([
      { kind: 'mount', from: 'w_app', to: 'b_1', label: '/src (ro)' },
      { kind: 'mount', from: 'w_app', to: 'v_data', label: '/data' },
      { kind: 'mount', from: 'w_app', to: 'v_logs', label: '/logs' },
    ]);
    expect(graph.loose.map((n) => [n.id, n.kind])).toEqual([
      ['v_data', 'volume'],
      ['v_logs', 'volume'],
      ['b_1', 'bind'],
    ]);
    expect(toMermaid(spec)).toContain(
      'w_app("<b>app</b><br/>busybox:1.36<br/>service, 3 replicas<br/>sidecar <b>shipper</b>: fluent-bit:3.1")',
    );
    expect(toMermaid(spec)).toContain('v_logs[("<b>volume logs</b><br/>512Mi")]');
    expect(dotOf(spec)).toContain('sidecar <b>shipper</b><br/>fluent-bit:3.1</td>');
  });

  test('GIVEN a global service and an autoscaled one WHEN drawn THEN the boxes say one per node and the range of replicas', () => {
    const sys = new System('shop');
    new Service(sys, 'agent', { image: Image.of('grafana/agent:v0.40.0'), mode: 'global' });
    new Service(sys, 'api', { image: Image.of('shop/api:1.0'), autoscale: { min: 2, max: 6, cpuPercent: 60 }, resources: { cpuShares: 256 } });
    const mermaid = toMermaid(sys.toSpec());
    expect(mermaid).toContain('w_agent("<b>agent</b><br/>grafana/agent:v0.40.0<br/>service, one per node")');
    expect(mermaid).toContain('w_api("<b>api</b><br/>shop/api:1.0<br/>service, 2 to 6 replicas")');
  });

  test('GIVEN names with double hyphens WHEN drawn as Mermaid THEN ids hold no `--`', () => {
    const sys = new System('shop');
    new Service(sys, 'a--b', { image: Image.of('nginx:1.27') });
    expect(toMermaid(sys.toSpec())).toContain('    w_a__b("<b>a--b</b>');
  });

  test('GIVEN a spec WHEN written as Markdown THEN it is one fenced mermaid block under the app name', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27') });
    const md = toMermaidMarkdown(sys.toSpec());
    expect(md.startsWith('# shop\n')).toBe(true);
    expect(md).toContain(`\n\`\`\`mermaid\n${toMermaid(sys.toSpec())}\`\`\`\n`);
    expect(md.match(/```/g)).toHaveLength(2);
  });

  test.each([
    [10 * 1024 ** 3, '10Gi'],
    [512 * 1024 ** 2, '512Mi'],
    [1536, '1536 bytes'],
    [2048, '2Ki'],
    [1000, '1000 bytes'],
  ])('GIVEN %d bytes THEN the volume label reads %s', (bytes, label) => {
    expect(sizeLabel(bytes)).toBe(label);
  });
});
