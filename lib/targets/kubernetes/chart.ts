import { ApiObject, App } from 'cdk8s';
import type { SystemSpec } from '../../model/spec';
import type { ChartContext } from './context';
import { Findings } from './diagnostics';
import { MANAGED_BY_LABEL, PART_OF_LABEL } from './names';
import { renderNetworkPolicies } from './network-policies';
import { applyOverride, isObject, OverridingChart, overrideKindDefaults } from './overrides';
import { SecretRefs } from './secrets';
import { claimSize, renderClaims } from './volumes';
import { renderWorkload } from './workload';

/**
 * Builds the chart of one app, named after it, in `app`: the PersistentVolumeClaims, each workload with its
 * Services, then the NetworkPolicies. `render` synthesizes it in memory; `bin/kubernetes.ts` lets `cdk8s synth`
 * write it: both get the same manifest.
 */
export function buildChart(app: App, spec: SystemSpec): { chart: OverridingChart; findings: Findings } {
  const findings = new Findings();
  const options = spec.options.kubernetes;
  const chart = new OverridingChart(app, spec.name, {
    ...(options.namespace ? { namespace: options.namespace } : {}),
    labels: { [PART_OF_LABEL]: spec.name, [MANAGED_BY_LABEL]: 'lading' },
    disableResourceNameHashes: true,
  });
  const deferred: (() => void)[] = [];
  const names = new Map<string, string>();
  const secrets = new SecretRefs(chart, spec, findings);
  const claims = renderClaims(chart, spec, findings);
  const ctx: ChartContext = {
    chart,
    spec,
    findings,
    claims,
    secrets,
    secretName: (s) => secrets.nameOf(s),
    defer: (step) => deferred.push(step),
    name: (kind, name, path, max) => {
      const key = `${kind}\u0000${name}`;
      if (name.length > max) {
        findings.add('kubernetes/object-name', path, `the ${kind} name ${name} is ${name.length} characters long; Kubernetes allows ${max}`, 'Shorten the name in the model.');
        return false;
      }
      if (names.has(key)) {
        findings.add('kubernetes/object-name', path, `the ${kind} name ${name} is also used by ${names.get(key)}`, 'Rename one of them in the model.');
        return false;
      }
      names.set(key, path);
      return true;
    },
  };
  for (const v of spec.volumes) {
    ctx.name('PersistentVolumeClaim', v.name, v.path, 253);
    const claim = claims.get(v.name)!;
    deferred.push(() =>
      applyOverride(ApiObject.of(claim), (json) => {
        overrideKindDefaults(json);
        const resources = isObject(json.spec) ? json.spec.resources : undefined;
        if (isObject(resources)) resources.requests = { storage: claimSize(v.sizeBytes) };
      }),
    );
  }
  for (const w of [...spec.services, ...spec.jobs]) renderWorkload(ctx, w);
  renderNetworkPolicies(ctx);
  // an error leaves the manifest unwritten, and may leave an object incomplete (a pod without containers)
  if (!findings.hasErrors) for (const step of deferred) step();
  return { chart, findings };
}
