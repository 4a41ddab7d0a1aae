import { workloadsPerPart } from '../../synth/parts';
import { partDiagnostics, type PartJoiner } from '../target';
import { joinDocuments, manifestFile } from './manifest-file';

/**
 * A large system renders in parts (`renderKubernetesPart`): each part builds and writes one contiguous share of
 * the workloads, in order, with the findings a whole render reports of them; the first part writes the objects
 * they share before them, the last the Ingress and NetworkPolicies after them. Joined in index order, the
 * manifest is the whole render's, byte for byte, and the findings are the whole render's, each once.
 */
export const kubernetesJoiner: PartJoiner = {
  partsOf: (spec, threads) => Math.max(1, Math.min(threads, Math.floor((spec.services.length + spec.jobs.length) / workloadsPerPart()))),
  join: (spec, _context, parts) => {
    const diagnostics = partDiagnostics(parts);
    if (diagnostics.some((d) => d.severity === 'error')) return { files: [], diagnostics };
    const shares = parts.map((p) => String(p.data ?? '')).filter((text) => text !== '');
    return { files: [{ path: manifestFile(spec.name), content: joinDocuments(shares) }], diagnostics };
  },
};
