import type { Diagnostic } from '../../lib/diagnostics/diagnostic';
import type { System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { renderKubernetes } from '../../lib/targets/kubernetes';
import { K8sObject, parseManifest } from '../support/kubernetes-validators';

/** What a test reads from one rendering: the manifest text, its objects, the diagnostics. */
export interface Rendered {
  readonly spec: SystemSpec;
  readonly yaml: string;
  readonly objects: K8sObject[];
  readonly diagnostics: readonly Diagnostic[];
  readonly codes: string[];
  /** The object of that kind and name; throws when there is none. */
  get(kind: string, name: string): any;
  has(kind: string, name: string): boolean;
  /** The pod template of a Deployment, Job or CronJob. */
  pod(name: string): any;
  /** The first container of that name in a workload's pod. */
  container(workload: string, name?: string): any;
  diagnostic(code: string): Diagnostic;
}

export function render(system: System | SystemSpec): Rendered {
  const spec = 'toSpec' in system ? system.toSpec() : system;
  const result = renderKubernetes(spec);
  const yaml = result.files[0]?.content ?? '';
  const objects = yaml ? parseManifest(yaml) : [];
  const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata?.name === name);
  const r: Rendered = {
    spec,
    yaml,
    objects,
    diagnostics: result.diagnostics,
    codes: result.diagnostics.map((d) => d.code),
    get(kind, name) {
      const o = find(kind, name);
      if (!o) throw new Error(`no ${kind}/${name} in:\n${objects.map((x) => `${x.kind}/${x.metadata?.name}`).join('\n')}`);
      return o;
    },
    has: (kind, name) => find(kind, name) !== undefined,
    pod(name) {
      const o = objects.find((x) => ['Deployment', 'Job', 'CronJob'].includes(String(x.kind)) && x.metadata?.name === name) as any;
      if (!o) throw new Error(`no workload ${name}`);
      return o.kind === 'CronJob' ? o.spec.jobTemplate.spec.template : o.spec.template;
    },
    container(workload, name = workload) {
      const c = r.pod(workload).spec.containers.find((x: any) => x.name === name);
      if (!c) throw new Error(`no container ${name} in ${workload}`);
      return c;
    },
    diagnostic(code) {
      const d = result.diagnostics.find((x) => x.code === code);
      if (!d) throw new Error(`no ${code} among ${r.codes.join(', ') || 'no diagnostics'}`);
      return d;
    },
  };
  return r;
}
