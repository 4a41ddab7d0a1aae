import { partDiagnostics, type PartJoiner } from '../target';
import { joinDocuments, manifestFile } from './manifest-file';

/**
 * Services and jobs per part below which a thread of its own costs more than it saves: every part's thread
 * starts Node and loads cdk8s-plus again (about 0.15 s of a core), and builds the objects all workloads share.
 */
const WORKLOADS_PER_PART = 500;

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
