import { generateSystem } from '../../../bench/generate';
import { Image, Port, Service } from '../../../lib/model';
import type { SystemSpec } from '../../../lib/model/spec';

/** The hosted zone of the routed sites. */
export const ROUTED_ZONE = { zoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'example.com' } as const;

/**
 * 150 generated services and 8 sites behind the routes' load balancer, as the webapp's prod stage routes them: each
 * site on a host of its own, every other one on a path prefix, and `site-0` also at `/admin` (two rules, one target
 * group), `site-2` and `site-5` also published on a dynamic host port (on EC2 bridge mode: the load balancer admits
 * the container instances). Split over stacks, with the routed services in several of them. Without `routes`, the same sites routed nowhere.
 */
export function routedSystem(launchType: 'ec2' | 'fargate', routes = true): SystemSpec {
  const sys = generateSystem(150, 'routed');
  for (let i = 0; i < 8; i++) {
    const url = `https://site${i}.example.com/${i % 2 === 1 ? 'api' : ''}`;
    const http = i === 2 || i === 5 ? Port.http(80).publish() : Port.http(80);
    const port = i === 0 ? http.route(url).route('https://site0.example.com/admin') : http.route(url);
    new Service(sys, `site-${i}`, { image: Image.of('nginx:1.27'), ports: [routes ? port : Port.http(80)] });
  }
  const spec = sys.toSpec();
  return { ...spec, options: { ...spec.options, ecs: { ...spec.options.ecs, launchType, hostedZone: ROUTED_ZONE } } };
}
