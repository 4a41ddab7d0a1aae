import { judge, listOf, type Doc, type Reachability } from './compose';

/** Reachability in a stack file: `networks` (Swarm's `host` network external), and the long `ports` syntax. */
export function stackReachability(doc: Doc): Reachability {
  const networksOf = (_name: string, service: any): string[] => {
    const own = listOf(service.networks);
    return own.length > 0 ? own : ['default'];
  };
  const portsOf = (service: any): string[] =>
    (service.ports ?? []).map((p: any) => {
      if (typeof p !== 'object' || p.mode !== 'ingress') throw new Error(`a port the judge does not read: ${JSON.stringify(p)}`);
      return `${p.target}/${p.protocol ?? 'tcp'} <- ${p.published ?? '*'}`;
    });
  return judge(doc, networksOf, portsOf);
}
