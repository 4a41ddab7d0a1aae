import * as fs from 'fs';
import * as path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { publishLabel, toSvg } from '../../lib/graph';
import { examples, README_EXAMPLE, README_PICTURE, ROOT } from './examples';

const EXAMPLES = examples();

/** The text of every `<text>` element, entities decoded: what a reader sees in the picture. */
function visibleTexts(svg: string): string[] {
  const tree = new XMLParser({ preserveOrder: true, ignoreAttributes: true, htmlEntities: true, processEntities: true }).parse(svg);
  const out: string[] = [];
  const walk = (node: unknown, inText: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, inText));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '#text' && inText) out.push(String(value));
      else if (key !== ':@') walk(value, inText || key === 'text');
    }
  };
  walk(tree, false);
  return out;
}

describe('the graph as SVG (laid out by Graphviz)', () => {
  test.each(EXAMPLES.map((a) => [a.name, a] as const))(
    'GIVEN the example %s WHEN drawn THEN the SVG is well-formed XML showing every workload, network and published port',
    async (_name, app) => {
      // WHEN
      const svg = await toSvg(app.spec);
      // THEN
      expect(XMLValidator.validate(svg)).toBe(true);
      const texts = visibleTexts(svg);
      const workloads = [...app.spec.services, ...app.spec.jobs];
      expect(workloads.length).toBeGreaterThan(0);
      for (const w of workloads) expect(texts).toContain(w.name);
      for (const s of workloads.flatMap((w) => w.sidecars)) expect(texts).toContain(s.name);
      for (const n of app.spec.networks) expect(texts).toContain(`network ${n.name}${n.internal ? ' (internal)' : ''}`);
      for (const v of app.spec.volumes) expect(texts).toContain(`volume ${v.name}`);
      const published = workloads.flatMap((w) => w.main.ports.filter((p) => p.publish !== 'none'));
      for (const p of published) expect(texts).toContain(publishLabel(p));
    },
  );

  test('GIVEN every example WHEN drawn twice THEN the SVG is byte-identical', async () => {
    for (const app of EXAMPLES) expect(await toSvg(app.spec)).toBe(await toSvg(app.spec));
  });

  test('GIVEN the picture committed for the README WHEN the example is drawn now THEN they are equal', async () => {
    const app = EXAMPLES.find((a) => a.name === README_EXAMPLE)!;
    const now = await toSvg(app.spec);
    const committed = fs.existsSync(README_PICTURE) ? fs.readFileSync(README_PICTURE, 'utf8') : '(missing)';
    if (committed !== now) {
      throw new Error(`${README_PICTURE} is out of date. Refresh it: node bin/lading.js graph --app ${README_EXAMPLE} > docs/${README_EXAMPLE}.svg`);
    }
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(`](docs/${README_EXAMPLE}.svg)`);
  });
});
