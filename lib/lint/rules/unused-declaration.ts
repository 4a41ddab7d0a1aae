import type { SystemSpec } from '../../model/spec';
import { containersOf } from '../containers';
import type { Rule } from '../rule';

/** The names of the volumes, secrets and config files that some container of the system uses. */
function usedNames(spec: SystemSpec): { volumes: Set<string>; secrets: Set<string>; configFiles: Set<string> } {
  const volumes = new Set<string>();
  const secrets = new Set<string>();
  const configFiles = new Set<string>();
  for (const { container } of containersOf(spec)) {
    for (const m of container.mounts) if (m.kind === 'volume') volumes.add(m.volume);
    for (const f of container.files) (f.kind === 'secret' ? secrets : configFiles).add(f.source);
    for (const s of container.secretEnv) secrets.add(s.secret);
    if (container.image.credentials !== undefined) secrets.add(container.image.credentials);
  }
  return { volumes, secrets, configFiles };
}

/**
 * A network, volume, secret or config file that no workload uses is most often one the author forgot to list
 * (`networks: [backend]`), and it is rendered all the same: an isolated network with no members, a claim or an EFS
 * file system, a Secrets Manager secret.
 */
export const unusedDeclaration: Rule = {
  code: 'lint/unused-declaration',
  check: (spec, _context, reporter) => {
    const used = usedNames(spec);
    const make = (path: string, what: string, fix: string) => reporter.make('lint/unused-declaration', path, what, fix);
    return [
      ...spec.networks
        .filter((n) => !n.isDefault && n.members.length === 0)
        .map((n) => make(n.path, `network ${n.name} is joined by no workload: it connects nothing and keeps nothing apart`, 'List it in the networks of the workloads that should reach each other, or remove it.')),
      ...spec.volumes
        .filter((v) => !used.volumes.has(v.name))
        .map((v) => make(v.path, `volume ${v.name} is mounted by no workload, yet it is created (a Kubernetes claim, an EFS file system on ECS)`, 'Mount it in the workload that keeps its data there (Mount.volume), or remove it.')),
      ...spec.secrets
        .filter((s) => !used.secrets.has(s.name))
        .map((s) => make(s.path, `secret ${s.name} is used by no workload (secretEnv, Mount.secret or image credentials)${s.existingName?.ecs === undefined ? ', yet ECS creates it in Secrets Manager' : ''}`, 'Use it in a workload, or remove it.')),
      ...spec.configFiles
        .filter((c) => !used.configFiles.has(c.name))
        .map((c) => make(c.path, `config file ${c.name} is mounted by no workload`, 'Mount it in the workload that reads it (Mount.config), or remove it.')),
    ];
  },
};
