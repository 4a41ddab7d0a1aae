import { blockYaml } from './block-yaml';
import { joinDocuments } from './manifest-file';
import type { OverridingChart } from './overrides';

/**
 * A chart's manifest: its objects as cdk8s renders them (`Chart.toJson`, overrides applied), one YAML document
 * each, in cdk8s's order and key order. Written as js-yaml writes them rather than by cdk8s's `Yaml.stringify`:
 * the same documents in a fraction of the time; js-yaml's dump schema quotes every string that YAML 1.1 parsers
 * (kubectl's among them) would read as something else (`"yes"`, `"0755"`, `"1:20"`). The target and `cdk8s synth`
 * (bin/kubernetes.ts) both write through here, so they write the same bytes.
 */
export function chartManifest(chart: OverridingChart): string {
  return joinDocuments(chart.manifestDocuments().map(({ json, sortBelowRoot }) => blockYaml(json, sortBelowRoot)));
}

/**
 * YAML documents separated by `---` (manifest-file.ts `joinDocuments`), no line folding, no anchors: what js-yaml's
 * `dump` writes of each (block-yaml.ts), joined.
 */
export function stringifyManifest(documents: readonly unknown[]): string {
  return joinDocuments(documents.map((document) => blockYaml(document)));
}
