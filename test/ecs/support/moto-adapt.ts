import * as fs from 'fs';
import * as path from 'path';

/** A change made to a template so moto 5.2.1 can create it, with the reason. */
export interface MotoAdaptation {
  readonly template: string;
  readonly change: string;
  readonly reason: string;
}

type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown>; DependsOn?: string | string[] }> };

/** Resource types moto's CloudFormation cannot create, and what that does to a stack. */
const UNSUPPORTED: Record<string, string> = {
  'AWS::ServiceDiscovery::HttpNamespace': 'moto 5.2.1 has no AWS::ServiceDiscovery resources; a GetAtt on one leaves the stack stuck',
  'AWS::ServiceDiscovery::PrivateDnsNamespace': 'moto 5.2.1 has no AWS::ServiceDiscovery resources; a GetAtt on one leaves the stack stuck',
  'AWS::ServiceDiscovery::Service': 'moto 5.2.1 has no AWS::ServiceDiscovery resources; a GetAtt on one leaves the stack stuck',
};

function mentions(value: unknown, ids: ReadonlySet<string>): boolean {
  if (Array.isArray(value)) return value.some((v) => mentions(v, ids));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.Ref === 'string' && ids.has(o.Ref)) return true;
    const att = o['Fn::GetAtt'];
    if (Array.isArray(att) && ids.has(String(att[0]))) return true;
    return Object.values(o).some((v) => mentions(v, ids));
  }
  return false;
}

const NLB_PROTOCOLS = new Set(['TCP', 'UDP', 'TCP_UDP', 'TLS']);
const NLB_REASON = "moto 5.2.1's CloudFormation ignores a load balancer's Type and makes every one an ALB, which refuses TCP and UDP listeners";
const SECRET_REASON = "moto 5.2.1's CloudFormation has no AWS::SecretsManager::Secret: a Ref to it resolves to nothing and leaves IAM statements without resources";

function replaceRefs(value: unknown, replacements: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => replaceRefs(v, replacements));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.Ref === 'string' && replacements.has(o.Ref)) return replacements.get(o.Ref);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = replaceRefs(v, replacements);
    return out;
  }
  return value;
}

/**
 * Rewrites every template of a cloud assembly so that moto can create it, and returns what it changed and why:
 * - drops the Cloud Map namespace and services, and the Service Connect and registry properties that name them;
 * - replaces each generated Secrets Manager secret by a literal ARN;
 * - drops network load balancer listeners and target groups, and the service registrations that use them.
 * Fails when something still refers to a dropped resource.
 */
export function adaptAssemblyForMoto(dir: string): MotoAdaptation[] {
  const out: MotoAdaptation[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.template.json')).sort()) {
    const p = path.join(dir, file);
    let t = JSON.parse(fs.readFileSync(p, 'utf8')) as Template;
    const dropped = new Set<string>();
    const secrets = new Map<string, string>();
    for (const [id, r] of Object.entries(t.Resources)) {
      const props = r.Properties ?? {};
      if (UNSUPPORTED[r.Type]) {
        dropped.add(id);
        out.push({ template: file, change: `removed ${id} (${r.Type})`, reason: UNSUPPORTED[r.Type] });
      } else if (r.Type === 'AWS::SecretsManager::Secret') {
        secrets.set(id, `arn:aws:secretsmanager:us-east-1:123456789012:secret:${id}-AbCdEf`);
        out.push({ template: file, change: `replaced ${id} (${r.Type}) by a literal ARN`, reason: SECRET_REASON });
      } else if ((r.Type === 'AWS::ElasticLoadBalancingV2::Listener' || r.Type === 'AWS::ElasticLoadBalancingV2::TargetGroup') && NLB_PROTOCOLS.has(String(props.Protocol))) {
        dropped.add(id);
        out.push({ template: file, change: `removed ${id} (${r.Type}, ${String(props.Protocol)})`, reason: NLB_REASON });
      }
    }
    for (const id of [...dropped, ...secrets.keys()]) delete t.Resources[id];
    t = replaceRefs(t, secrets) as Template;
    for (const [id, r] of Object.entries(t.Resources)) {
      const props = r.Properties ?? {};
      if (r.Type === 'AWS::ECS::Service' && props.ServiceConnectConfiguration !== undefined) {
        delete props.ServiceConnectConfiguration;
        out.push({ template: file, change: `removed ${id}.ServiceConnectConfiguration`, reason: 'it names the Cloud Map namespace that moto cannot create' });
      }
      if (r.Type === 'AWS::ECS::Service' && props.ServiceRegistries !== undefined) {
        delete props.ServiceRegistries;
        out.push({ template: file, change: `removed ${id}.ServiceRegistries`, reason: 'it names the Cloud Map service that moto cannot create' });
      }
      if (r.Type === 'AWS::ECS::Cluster' && props.ServiceConnectDefaults !== undefined) {
        delete props.ServiceConnectDefaults;
        out.push({ template: file, change: `removed ${id}.ServiceConnectDefaults`, reason: 'it names the Cloud Map namespace that moto cannot create' });
      }
      if (r.Type === 'AWS::ECS::Service' && Array.isArray(props.LoadBalancers)) {
        const kept = props.LoadBalancers.filter((lb) => !mentions(lb, dropped));
        if (kept.length !== props.LoadBalancers.length) {
          out.push({ template: file, change: `removed ${props.LoadBalancers.length - kept.length} network load balancer registration(s) of ${id}`, reason: NLB_REASON });
          if (kept.length > 0) props.LoadBalancers = kept;
          else {
            delete props.LoadBalancers;
            delete props.HealthCheckGracePeriodSeconds;
          }
        }
      }
      if (r.DependsOn !== undefined) {
        r.DependsOn = (Array.isArray(r.DependsOn) ? r.DependsOn : [r.DependsOn]).filter((x) => !dropped.has(x));
      }
      if (mentions(r, dropped)) throw new Error(`${file}: ${id} still refers to a resource moto cannot create`);
    }
    fs.writeFileSync(p, JSON.stringify(t, undefined, 1));
  }
  return out;
}
