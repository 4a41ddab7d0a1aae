import type { Chart } from 'cdk8s';
import { joinDocuments } from './manifest-file';
import { dump } from 'js-yaml';

/**
 * A chart's manifest: its objects as cdk8s renders them (`Chart.toJson`, overrides applied), one YAML document
 * each, in cdk8s's order and key order. Written by js-yaml rather than cdk8s's `Yaml.stringify`: the same
 * documents in about a third of the time; its dump schema quotes every string that YAML 1.1 parsers (kubectl's
 * among them) would read as something else (`"yes"`, `"0755"`, `"1:20"`). The target and `cdk8s synth`
 * (bin/kubernetes.ts) both write through here, so they write the same bytes.
 */
export function chartManifest(chart: Chart): string {
  return stringifyManifest(chart.toJson());
}

/** YAML documents separated by `---`, no line folding. */
export function stringifyManifest(documents: readonly unknown[]): string {
  return joinDocuments(documents.map(stringifyDocument));
}

/** One YAML document of a manifest, no line folding, no anchors, strings double-quoted when quoted. */
export function stringifyDocument(document: unknown): string {
  return dump(document, { lineWidth: -1, noRefs: true, quoteStyle: 'double' });
}
