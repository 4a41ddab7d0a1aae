import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { toSvg } from '../../lib/graph';
import { chromium, dumpDom } from './chromium';
import { examples } from './examples';

interface Rendered {
  image: { complete: boolean; width: number; height: number };
  bbox: { width: number; height: number };
  texts: number;
}

/** A page that shows the SVG as an image and inline, and writes what the browser measured into #result. */
function page(svg: string): string {
  const inline = svg.slice(svg.indexOf('<svg'));
  return `<!doctype html>
<html><body>
<img id="picture" src="picture.svg">
<div id="inline">${inline}</div>
<pre id="result"></pre>
<script>
window.addEventListener('load', () => {
  const img = document.getElementById('picture');
  const box = document.querySelector('#inline svg g').getBBox();
  document.getElementById('result').textContent = JSON.stringify({
    image: { complete: img.complete, width: img.naturalWidth, height: img.naturalHeight },
    bbox: { width: box.width, height: box.height },
    texts: document.querySelectorAll('#inline svg text').length,
  });
});
</script>
</body></html>
`;
}

describe('the SVG in a browser', () => {
  test('GIVEN the webapp example drawn as SVG WHEN headless Chromium opens it THEN it renders with a non-empty bounding box', async () => {
    // GIVEN
    const app = examples().find((a) => a.name === 'webapp')!;
    const svg = await toSvg(app.spec);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-graph-'));
    fs.writeFileSync(path.join(dir, 'picture.svg'), svg);
    fs.writeFileSync(path.join(dir, 'index.html'), page(svg));
    // WHEN
    const dom = dumpDom(path.join(dir, 'index.html'));
    // THEN
    const m = /<pre id="result">([^<]*)<\/pre>/.exec(dom);
    if (!m || m[1] === '') throw new Error(`the page reported nothing; the DOM was:\n${dom.slice(0, 2000)}`);
    const rendered = JSON.parse(m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as Rendered;
    expect(rendered.image.complete).toBe(true);
    expect(rendered.image.width).toBeGreaterThan(100);
    expect(rendered.image.height).toBeGreaterThan(100);
    expect(rendered.bbox.width).toBeGreaterThan(100);
    expect(rendered.bbox.height).toBeGreaterThan(100);
    expect(rendered.texts).toBeGreaterThan(10);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('GIVEN no chromium on the path WHEN a browser test starts THEN it fails with how to install it', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-no-chromium-'));
    expect(() => chromium([empty])).toThrow(/`chromium` is not on PATH.*Install Debian's package: apt-get install -y chromium/);
    fs.rmSync(empty, { recursive: true, force: true });
  });
});
