import type { Chart } from 'cdk8s';
import { DUMP_SCHEMA, jsToAst, present } from 'js-yaml';
import { joinDocuments } from './manifest-file';

/** js-yaml's `dump` options for a manifest: no line folding, strings double-quoted when quoted. */
const PRESENTER = { schema: DUMP_SCHEMA, lineWidth: -1, quoteStyle: 'double' } as const;

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

/**
 * Documents js-yaml writes in one call. Its `dump` sets up options and tag tables on every call: for a few
 * thousand small objects, about a third of the time; a tree of every document at once lives long enough to be
 * copied by the garbage collector. 1,000 services (2,120 objects), CPU time on a busy 2-core machine: 283 ms in
 * one call per object, 195 ms in calls of 16 (as much in calls of 8 or 32), 270 ms in one call of all.
 */
const DOCUMENTS_PER_CALL = 16;

/**
 * YAML documents separated by `---` (manifest-file.ts `joinDocuments`), no line folding, no anchors: what `dump`
 * writes of each, joined. Each call writes a stream of documents, every one after the first with its own `---`.
 */
export function stringifyManifest(documents: readonly unknown[]): string {
  const texts: string[] = [];
  for (let start = 0; start < documents.length; start += DOCUMENTS_PER_CALL) {
    const [list] = jsToAst(documents.slice(start, start + DOCUMENTS_PER_CALL), DUMP_SCHEMA, { noRefs: true });
    const items = list.contents?.kind === 'sequence' ? list.contents.items : [];
    texts.push(present(items.map((contents, i) => ({ contents, directives: [], explicitStart: i > 0 })), PRESENTER));
  }
  return joinDocuments(texts);
}
