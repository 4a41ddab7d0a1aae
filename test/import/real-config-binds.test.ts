import * as path from 'node:path';
import { parse } from 'yaml';
import { expectValidCompose } from '../support/compose-validators';
import { parseManifest, validateManifest } from '../support/kubernetes-validators';
import { expectValidStack } from '../support/swarm-validators';
import { fidelityOf, outputText, REAL_CORPUS, workloadOf, type FidelityResult } from './support/fidelity';

/** Configuration bound into registry images in the real-world corpus: [corpus file, service, project path, target]. */
const BINDS = [
  ['elasticsearch-logstash-kibana', 'logstash', 'logstash/pipeline/logstash-nginx.config', '/usr/share/logstash/pipeline/logstash-nginx.config'],
  ['temporal', 'temporal', 'dynamicconfig', '/etc/temporal/config/dynamicconfig'],
  ['dlaravel-nfs', 'web', 'etc', '/etc/nginx/conf.d'],
  ['dlaravel-nfs', 'php', 'etc/php', '/usr/local/etc/php/conf.d'],
] as const;

const results = new Map<string, FidelityResult>();

beforeAll(async () => {
  for (const name of new Set(BINDS.map(([n]) => n))) results.set(name, await fidelityOf(name));
}, 300_000);

/** The container of a service or of a sidecar (dlaravel-nfs's php shares web's network: a sidecar of web). */
function containerOf(r: FidelityResult, service: string) {
  for (const s of r.spec!.services) for (const c of [s.main, ...s.sidecars]) if (c.name === service) return { workload: s.name, container: c };
  return { workload: service, container: workloadOf(r, service).main };
}

describe('real-world files: configuration bound into registry images reaches every target', () => {
  test.each(BINDS)('GIVEN %s, whose %s binds ./%s WHEN imported THEN a config file at %s, and no target leaves it out', (name, service, file, target) => {
    const r = results.get(name)!;
    expect(r.errors).toEqual([]);
    const { workload, container } = containerOf(r, service);
    const mounted = container.files.find((f) => f.target === target)!;
    expect(mounted.kind).toBe('config');
    const config = r.spec!.configFiles.find((c) => c.name === mounted.source)!;
    expect(config.projectPath).toBe(file);
    expect(r.losses.filter((l) => l.owner === 'project-binds' && l.message.includes(`./${file} `))).toEqual([]);

    // Kubernetes: a ConfigMap with the file(s), mounted at the target
    const manifest = outputText(r, 'kubernetes');
    expect(validateManifest(manifest)).toEqual([]);
    const objects = parseManifest(manifest) as any[];
    const map = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === config.name);
    const keys = Object.keys({ ...map.data, ...map.binaryData });
    expect(keys.length).toBe(config.files.length);
    const pod = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === workload).spec.template.spec;
    const volume = pod.volumes.find((v: any) => v.configMap?.name === config.name);
    const mounts = pod.containers.find((c: any) => c.name === service).volumeMounts.filter((m: any) => m.name === volume.name);
    expect(mounts.map((m: any) => m.mountPath.startsWith(target))).toContain(true);
    expect(mounts.every((m: any) => m.readOnly === true)).toBe(true);

    // Swarm: top-level configs, mounted by the service at the target
    const stack = outputText(r, 'swarm');
    expectValidStack(stack);
    const swarm = parse(stack);
    const engineName = workload === service ? service : `${workload}-${service}`; // a sidecar is a service of its own
    const swarmTargets = (swarm.services[engineName].configs ?? []).map((c: any) => c.target);
    expect(swarmTargets.some((t: string) => t === target || t.startsWith(`${target}/`))).toBe(true);
    expect(Object.keys(swarm.configs).some((k) => k.includes(config.name))).toBe(true);

    // ECS: a files container writes the file(s) before the container starts
    const template = JSON.parse(outputText(r, 'ecs'));
    const definitions = Object.values(template.Resources as Record<string, any>)
      .filter((x) => x.Type === 'AWS::ECS::TaskDefinition')
      .flatMap((t) => t.Properties.ContainerDefinitions as any[]);
    const files = definitions.find((d) => d.Name === `${service}-files`);
    expect(files.Essential).toBe(false);
    expect(definitions.find((d) => d.Name === service).DependsOn).toContainEqual({ ContainerName: `${service}-files`, Condition: 'SUCCESS' });

    // Compose: the config file under configs, accepted by the compose-spec schema and docker-compose 1.29.2
    const compose = outputText(r, 'compose');
    expectValidCompose(compose, path.join(REAL_CORPUS, name, 'dist', 'compose', name));
    const composeTargets = (parse(compose).services[engineName].configs ?? []).map((c: any) => c.target);
    expect(composeTargets.some((t: string) => t === target || t.startsWith(`${target}/`))).toBe(true);
  });

  test('GIVEN the writable binds among them WHEN imported THEN each has an import/config-read-only info at its line, and none is counted as a loss', () => {
    const infos = [...results.values()].flatMap((r) => r.imported.diagnostics.filter((d) => d.code === 'import/config-read-only').map((d) => `${r.name} ${d.keyPath}`));
    expect(infos.sort()).toEqual([
      'dlaravel-nfs services.php.volumes[0]',
      'dlaravel-nfs services.web.volumes[1]',
      'elasticsearch-logstash-kibana services.logstash.volumes[0]',
      'temporal services.temporal.volumes[0]',
    ]);
    expect([...results.values()].flatMap((r) => r.losses.map((l) => l.code))).not.toContain('import/config-read-only');
  });
});
