import { App, Yaml } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { Image, Service, System } from '../../lib/model';
import { loadExamples } from '../support/examples';
import { buildChart } from '../../lib/targets/kubernetes/chart';
import { dump } from 'js-yaml';
import { chartManifest, stringifyManifest } from '../../lib/targets/kubernetes/manifest';
import { render } from './render';


/** Every document of a manifest as a YAML 1.1 parser (kubectl's, go-yaml) reads it. */
function readAs11(text: string): unknown[] {
  return parseAllDocuments(text, { version: '1.1' }).map((d) => d.toJS());
}

describe('Kubernetes manifest serialization', () => {
  test('GIVEN env values that YAML 1.1 reads as booleans, numbers or base-60 WHEN rendered THEN they are quoted and read back as the same strings', () => {
    const sys = new System('quoting');
    const values = { A: 'yes', B: 'off', C: '1:20', D: '0777', E: '8080', F: 'y', G: '~', H: 'line one\nline two', I: '' };
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), env: values });
    const r = render(sys);
    for (const text of ['"yes"', '"off"', '"1:20"', '"0777"', '"8080"', '"y"', '"~"', '""']) expect(r.yaml).toContain(`value: ${text}\n`);
    const env = (readAs11(r.yaml).find((o: any) => o.kind === 'Deployment') as any).spec.template.spec.containers[0].env;
    expect(Object.fromEntries(env.map((e: { name: string; value: string }) => [e.name, e.value]))).toEqual(values);
  });

  test('GIVEN many documents, some with a text ending in blank lines WHEN written as a manifest THEN it is what dump writes of each, joined by ---', () => {
    // texts ending in a blank line make js-yaml end their document with `...`: at the end, the start and inside a call
    const ends = new Set([15, 16, 20, 39]);
    const docs = Array.from({ length: 40 }, (_, i) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `c${i}` },
      data: { quoted: 'yes', text: ends.has(i) ? `keep ${i}\n\n` : `line ${i}\n` },
    }));
    const expected = docs.map((d) => dump(d, { lineWidth: -1, noRefs: true, quoteStyle: 'double' })).join('---\n');
    expect(expected).toContain('...\n---\n');
    expect(stringifyManifest(docs)).toBe(expected);
    expect(stringifyManifest([])).toBe('');
  });

  test.each(loadExamples().map((a) => [a.name, a.spec] as const))(
    'GIVEN the example %s WHEN written THEN a YAML 1.1 reader gets the same objects from it as from cdk8s own Yaml.stringify',
    (_name, spec) => {
      const { chart } = buildChart(new App(), spec);
      const docs = chart.toJson();
      expect(readAs11(chartManifest(chart))).toEqual(readAs11(Yaml.stringify(...docs)));
      expect(readAs11(chartManifest(chart))).toEqual(JSON.parse(JSON.stringify(docs)));
    },
  );

  test.each(loadExamples().map((a) => [a.name, a.spec] as const))(
    'GIVEN the example %s WHEN its manifest is written THEN it is the text of toJson, whose rewritten objects the writer sorts itself',
    (_name, spec) => {
      const { chart } = buildChart(new App(), spec);
      expect(chartManifest(chart)).toBe(stringifyManifest(chart.toJson()));
    },
  );
});
