/**
 * The manifest file of one app and how its YAML documents join. Loads no rendering library: the joiner of parts
 * (parts.ts) uses it too.
 */

/** The file of one app, relative to dist/kubernetes: what `cdk8s synth` names a chart's output too. */
export function manifestFile(app: string): string {
  return `${app}.k8s.yaml`;
}

/** YAML documents, each ending in a newline, as one manifest: separated by `---`. */
export function joinDocuments(documents: readonly string[]): string {
  return documents.join('---\n');
}
