import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { publishLabel, toMermaid } from '../../lib/graph';
import { dumpDom } from './chromium';
import { examples, ROOT } from './examples';

const MERMAID = path.join(ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');

interface Drawn {
  name: string;
  error?: string;
  texts?: string[];
}

/** A page that renders each diagram with Mermaid itself, as code hosts do, and writes what it drew into #result. */
function page(diagrams: Record<string, string>): string {
  return `<!doctype html>
<html><body>
<pre id="result"></pre>
<script src="file://${MERMAID}"></script>
<script>
const diagrams = ${JSON.stringify(diagrams)};
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
(async () => {
  const out = [];
  for (const [name, text] of Object.entries(diagrams)) {
    try {
      const { svg } = await mermaid.render('d-' + name, text);
      const host = document.createElement('div');
      host.innerHTML = svg;
      out.push({ name, texts: [...host.querySelectorAll('text, span, p')].map((e) => e.textContent.trim()).filter((t) => t !== '') });
    } catch (e) {
      out.push({ name, error: String(e && e.message || e) });
    }
  }
  document.getElementById('result').textContent = JSON.stringify(out);
})();
</script>
</body></html>
`;
}

describe('the Mermaid text, drawn by Mermaid', () => {
  test('GIVEN every example as Mermaid WHEN Mermaid renders it in headless Chromium THEN it draws every workload, network and published port', () => {
    // GIVEN
    const apps = examples();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-mermaid-'));
    fs.writeFileSync(path.join(dir, 'index.html'), page(Object.fromEntries(apps.map((a) => [a.name, toMermaid(a.spec)]))));
    // WHEN
    const dom = dumpDom(path.join(dir, 'index.html'));
    fs.rmSync(dir, { recursive: true, force: true });
    // THEN
    const m = /<pre id="result">([^<]*)<\/pre>/.exec(dom);
    if (!m || m[1] === '') throw new Error(`Mermaid reported nothing; the DOM began:\n${dom.slice(0, 2000)}`);
    const drawn = JSON.parse(m[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as Drawn[];
    expect(drawn.map((d) => [d.name, d.error])).toEqual(apps.map((a) => [a.name, undefined]));
    for (const app of apps) {
      const texts = drawn.find((d) => d.name === app.name)!.texts!.join('\n');
      const workloads = [...app.spec.services, ...app.spec.jobs];
      for (const w of workloads) expect(texts).toContain(w.name);
      for (const n of app.spec.networks) expect(texts).toContain(`network ${n.name}`);
      for (const p of workloads.flatMap((w) => w.main.ports.filter((x) => x.publish !== 'none'))) expect(texts).toContain(publishLabel(p));
    }
  });
});
