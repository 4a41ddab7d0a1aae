import { partDiagnostics, type PartJoiner } from '../target';
import { joinDocuments, manifestFile } from './manifest-file';

/**
 * Services and jobs per part below which a thread of its own costs more than it saves: every part loads
 * cdk8s-plus and builds the whole chart, and only writes its share of the objects (bench/RESULTS.md).
 */
const WORKLOADS_PER_PART = 300;

/**
 * A large system renders in parts (`renderKubernetesPart`): each part builds the whole chart, so names, findings
 * and references are those of a whole render, and writes the YAML of one contiguous share of its objects, in
 * cdk8s's order; joined in index order, the manifest is the whole render's, byte for byte.
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
