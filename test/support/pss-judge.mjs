// Judges Kubernetes manifests with @monokle/validation's Pod Security Standards plugin, every rule on (baseline and
// restricted), offline: only the built-in plugin is loaded. Reads a multi-document YAML manifest on stdin and
// prints JSON: { rules: the rule ids that ran, findings: [{ rule, name, resource, message }] }.
import { createDefaultMonokleValidator } from '@monokle/validation';
import { parseAllDocuments } from 'yaml';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const content = Buffer.concat(chunks).toString('utf8');

const validator = createDefaultMonokleValidator();
const rules = {};
for (const id of [101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 201, 202, 203, 204, 205, 206]) rules[`PSS${id}`] = 'err';
await validator.preload({ plugins: { 'pod-security-standards': true }, rules });
const resources = parseAllDocuments(content)
  .map((doc, i) => ({ doc, i }))
  .filter(({ doc }) => doc.contents !== null)
  .map(({ doc, i }) => {
    const json = doc.toJS();
    const text = doc.toString();
    return {
      id: `${json.kind}-${json.metadata?.name}-${i}`,
      fileId: 'manifest.yaml',
      filePath: 'manifest.yaml',
      fileOffset: 0,
      name: json.metadata?.name ?? '',
      apiVersion: json.apiVersion,
      kind: json.kind,
      content: json,
      text,
    };
  });
if (resources.length === 0) throw new Error('no Kubernetes resources in the manifest');
const response = await validator.validate({ resources });
const findings = [];
for (const run of response.runs) {
  const names = new Map((run.tool.extensions ?? []).flatMap((e) => e.rules ?? []).map((r) => [r.id, r.name]));
  for (const r of run.results) {
    const resource = r.locations?.[1]?.logicalLocations?.[0]?.fullyQualifiedName ?? '';
    findings.push({ rule: r.ruleId, name: names.get(r.ruleId), resource, message: r.message?.text ?? '' });
  }
}
process.stdout.write(JSON.stringify({ rules: response.runs.flatMap((run) => (run.tool.extensions ?? []).flatMap((e) => (e.rules ?? []).map((r) => r.id))), findings }));
