import { partDiagnostics, type PartJoiner } from '../target';
import { joinDocuments, manifestFile } from './manifest-file';

/**
 * Services and jobs per part below which a thread of its own costs more than it saves: every part's thread
 * starts Node and loads cdk8s-plus again (about 0.15 s of a core), and a render in one thread already keeps a
 * second core busy with V8's garbage collector. On 2 cores, 1,000 services rendered in one thread took 0.68 to
 * 1.19 s, in two parts 0.73 to 1.35 s (8 runs each, alternating); 2,000 took about as long either way.
 */
const WORKLOADS_PER_PART = 1000;

/**
 * A large system renders in parts (`renderKubernetesPart`): each part builds and writes one contiguous share of
 * the workloads, in order, with the findings a whole render reports of them; the first part writes the objects
 * they share before them, the last the Ingress and NetworkPolicies after them. Joined in index order, the
 * manifest is the whole render's, byte for byte, and the findings are the whole render's, each once.
 */
export const kubernetesJoiner: PartJoiner = {
  partsOf: (spec, threads) => Math.max(1, Math.min(threads, Math.floor((spec.services.length + spec.jobs.length) / WORKLOADS_PER_PART))),
  join: (spec, _context, parts) => {
    const diagnostics = partDiagnostics(parts);
    if (diagnostics.some((d) => d.severity === 'error')) return { files: [], diagnostics };
    const shares = parts.map((p) => String(p.data ?? '')).filter((text) => text !== '');
    return { files: [{ path: manifestFile(spec.name), content: joinDocuments(shares) }], diagnostics };
  },
};
