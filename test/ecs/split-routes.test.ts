import * as path from 'path';
import { Image, Port, Service, System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { measureTemplate } from '../../lib/targets/ecs/stack-limits';
import { planStacks, sharedWeight, STACK_LIMITS } from '../../lib/targets/ecs/stack-plan';
import { renderEcs } from '../../lib/targets/ecs/target';
import { PROJECT_ROOT } from './support/ecs-kit';
import { routedSystem } from './support/routed-system';
import { cfnLint, findingLines } from './support/cfn-lint';

type Resource = { Type: string; Properties?: Record<string, unknown> };
type Template = { Resources: Record<string, Resource> };

const render = (spec: SystemSpec) => renderEcs(spec, { projectRoot: PROJECT_ROOT, projectRootFromTargetDir: '../..' });
const templatesOf = (files: readonly { path: string; content: string }[]) =>
  new Map(files.filter((f) => f.path.endsWith('.template.json')).map((f) => [path.basename(f.path, '.template.json'), JSON.parse(f.content) as Template]));
const ofType = (t: Template, type: string) => Object.entries(t.Resources).filter(([, r]) => r.Type === type);

/** Every `Fn::ImportValue` and `Ref` target in a value. */
function references(value: unknown, out: { imports: string[]; refs: string[] } = { imports: [], refs: [] }) {
  if (Array.isArray(value)) value.forEach((v) => references(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'Fn::ImportValue') out.imports.push(String(v));
      else if (k === 'Ref' && typeof v === 'string') out.refs.push(v);
      else references(v, out);
    }
  }
  return out;
}

describe('ECS: a system split over stacks whose services have routes', () => {
  const spec = routedSystem('fargate');
  const result = render(spec);
  const templates = templatesOf(result.files);
  const main = templates.get('Routed')!;
  const workloads = [...templates].filter(([name]) => name !== 'Routed');
  const onEc2 = render(routedSystem('ec2'));

  test('GIVEN routed services in several workload stacks WHEN rendered THEN it synthesizes without a dependency cycle, and the shared stack depends on no workload stack', () => {
    const plan = planStacks(spec);
    expect(plan.split).toBe(true);
    expect(new Set([...plan.bucketOf].filter(([name]) => name.startsWith('site-')).map(([, key]) => key)).size).toBeGreaterThan(1);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(templates.size).toBe(plan.buckets.length + 1);
    const manifest = JSON.parse(result.files.find((f) => f.path === 'routed/manifest.json')!.content);
    expect(manifest.artifacts.Routed.dependencies ?? []).not.toEqual(expect.arrayContaining([expect.stringMatching(/Services/)]));
    expect(references(main.Resources).imports).toEqual([]);
  });

  test('WHEN rendered THEN the load balancer, its listeners, certificate and records are in the shared stack, and each listener rule sits beside its target group in its service\'s stack', () => {
    expect(ofType(main, 'AWS::ElasticLoadBalancingV2::ListenerRule')).toEqual([]);
    expect(ofType(main, 'AWS::ElasticLoadBalancingV2::TargetGroup')).toEqual([]);
    expect(ofType(main, 'AWS::ElasticLoadBalancingV2::Listener').map(([, r]) => r.Properties?.Port).sort()).toEqual([443, 80]);
    expect(ofType(main, 'AWS::CertificateManager::Certificate')).toHaveLength(1);
    expect(ofType(main, 'AWS::Route53::RecordSet')).toHaveLength(8);
    let rules = 0;
    for (const [name, t] of workloads) {
      for (const [id, rule] of ofType(t, 'AWS::ElasticLoadBalancingV2::ListenerRule')) {
        rules++;
        const refs = references(rule.Properties);
        // the listener of the shared stack by import, the target group of this stack by Ref
        expect([name, id, refs.imports.length]).toEqual([name, id, 1]);
        const groups = refs.refs.filter((ref) => t.Resources[ref]?.Type === 'AWS::ElasticLoadBalancingV2::TargetGroup');
        expect([name, id, groups.length]).toEqual([name, id, 1]);
      }
    }
    expect(rules).toBe(9);
  });

  test('WHEN rendered THEN the priorities of the listener rules are unique across the stacks: 1 to 9, by host then the longest path first', () => {
    const byPriority = new Map<number, string[]>();
    for (const [, t] of workloads) {
      for (const [, rule] of ofType(t, 'AWS::ElasticLoadBalancingV2::ListenerRule')) {
        const p = rule.Properties!;
        const conditions = p.Conditions as { Field: string; HostHeaderConfig?: { Values: string[] }; PathPatternConfig?: { Values: string[] } }[];
        const host = conditions.find((c) => c.Field === 'host-header')!.HostHeaderConfig!.Values[0];
        const paths = conditions.find((c) => c.Field === 'path-pattern')!.PathPatternConfig!.Values;
        byPriority.set(p.Priority as number, [...(byPriority.get(p.Priority as number) ?? []), `${host}${paths[0]}`]);
      }
    }
    expect([...byPriority].sort((a, b) => a[0] - b[0])).toEqual([
      [1, ['site0.example.com/admin']],
      [2, ['site0.example.com/*']],
      [3, ['site1.example.com/api']],
      [4, ['site2.example.com/*']],
      [5, ['site3.example.com/api']],
      [6, ['site4.example.com/*']],
      [7, ['site5.example.com/api']],
      [8, ['site6.example.com/*']],
      [9, ['site7.example.com/api']],
    ]);
  });

  test('WHEN rendered THEN the rules that admit the load balancer to a routed service are in the service\'s stack, both ways', () => {
    const toSites = (t: Template, type: string) => ofType(t, type).filter(([, r]) => String(r.Properties?.Description).startsWith('routes to site-'));
    expect(toSites(main, 'AWS::EC2::SecurityGroupIngress')).toEqual([]);
    expect(toSites(main, 'AWS::EC2::SecurityGroupEgress')).toEqual([]);
    expect(workloads.reduce((n, [, t]) => n + toSites(t, 'AWS::EC2::SecurityGroupIngress').length, 0)).toBe(8);
    expect(workloads.reduce((n, [, t]) => n + toSites(t, 'AWS::EC2::SecurityGroupEgress').length, 0)).toBe(8);
  });

  test('GIVEN the EC2 launch type WHEN rendered THEN no cycle either: the load balancer admits the container instances of the bridged services in the shared stack, and the listener rules are in the workload stacks', () => {
    expect(onEc2.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const t = templatesOf(onEc2.files);
    const shared = t.get('Routed')!;
    expect(ofType(shared, 'AWS::ElasticLoadBalancingV2::ListenerRule')).toEqual([]);
    expect(references(shared.Resources).imports).toEqual([]);
    const toSites = (x: Template) => ofType(x, 'AWS::EC2::SecurityGroupIngress').filter(([, r]) => String(r.Properties?.Description).startsWith('routes to site-'));
    // the two bridged sites, in different workload stacks, are admitted by one rule on the instances' port range
    expect(toSites(shared).map(([, r]) => [r.Properties!.Description, r.Properties!.FromPort, r.Properties!.ToPort])).toEqual([['routes to site-2 http-80', 32768, 65535]]);
    expect([...t].filter(([name]) => name !== 'Routed').reduce((n, [, x]) => n + toSites(x).length, 0)).toBe(6);
    expect([...t].filter(([name]) => name !== 'Routed').reduce((n, [, x]) => n + ofType(x, 'AWS::ElasticLoadBalancingV2::ListenerRule').length, 0)).toBe(9);
  });

  test('GIVEN the routes WHEN the shared stack is estimated THEN it counts what the routes add to it: the balancer, its group, two listeners, the certificate and a record per host', () => {
    const added = Object.keys(main.Resources).filter((id) => id.startsWith('Routes') || id.startsWith('Alias')).length;
    expect(added).toBe(13);
    expect(sharedWeight(spec).resources - sharedWeight(routedSystem('fargate', false)).resources).toBe(added);
  });

  test('GIVEN services with many routes each WHEN planned THEN the routes\' target groups, rules and security-group rules count, and every stack stays within the limits', () => {
    const sys = new System('portal');
    for (let i = 0; i < 55; i++) {
      let port = Port.http(8080);
      for (const p of ['a', 'b', 'c', 'd']) port = port.route(`https://app${i}.example.com/${p}`);
      new Service(sys, `app-${i}`, { image: Image.of('nginx:1.27'), ports: [port] });
    }
    const routed = sys.toSpec();
    const portal = { ...routed, options: { ...routed.options, ecs: { ...routed.options.ecs, certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666' } } };
    const unrouted = { ...portal, services: portal.services.map((s) => ({ ...s, main: { ...s.main, ports: s.main.ports.map(({ routes: _, ...p }) => p) } })) };
    expect(planStacks(unrouted).split).toBe(false);
    expect(planStacks(portal).split).toBe(true);
    const r = render(portal);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const stacks = templatesOf(r.files);
    expect(stacks.size).toBeGreaterThan(2);
    let rules = 0;
    for (const [name, t] of stacks) {
      rules += ofType(t, 'AWS::ElasticLoadBalancingV2::ListenerRule').length;
      expect([name, measureTemplate(name, JSON.stringify(t)).resources <= STACK_LIMITS.resources]).toEqual([name, true]);
    }
    expect(rules).toBe(220);
  });

  test('WHEN cfn-lint checks all the templates, on Fargate and on EC2, in one run THEN it finds nothing', () => {
    const templates = (
      [
        ['fargate', result],
        ['ec2', onEc2],
      ] as const
    ).flatMap(([launchType, r]) => r.files.filter((f) => f.path.endsWith('.template.json')).map((f) => ({ path: path.join(launchType, path.basename(f.path)), content: f.content })));
    const r = cfnLint(templates, 600000);
    expect(findingLines(r.findings)).toEqual([]);
    expect(r.status).toBe(0);
  }, 600000);
});
