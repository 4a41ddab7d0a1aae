/**
 * Synth work inside one process, for one target and one generated system: builds the model (model), loads the
 * target's module (load) and renders (render), and says which rendering libraries the process loaded.
 * Prints one JSON line. Usage: work <target> <services>
 */
import { performance } from 'perf_hooks';
import type { TargetName } from '../lib/diagnostics/diagnostic';
import { loadTarget } from '../lib/synth/targets';
import { generateSystem } from './generate';

async function main(): Promise<void> {
  const [target, n] = process.argv.slice(2);
  let t = performance.now();
  const spec = generateSystem(Number(n)).toSpec();
  const model = performance.now() - t;
  t = performance.now();
  const renderer = loadTarget(target as TargetName);
  const load = performance.now() - t;
  t = performance.now();
  const result = await renderer.render(spec, { projectRoot: process.cwd(), projectRootFromTargetDir: '../..' });
  const render = performance.now() - t;
  const loaded = Object.keys(require.cache).filter((k) => /node_modules\/(cdk8s|cdk8s-plus-27|aws-cdk-lib)\//.test(k));
  const libraries = [...new Set(loaded.map((k) => /node_modules\/(cdk8s-plus-27|cdk8s|aws-cdk-lib)\//.exec(k)![1]))].sort();
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  console.log(JSON.stringify({ model, load, render, files: result.files.length, errors, libraries, maxRssKiB: process.resourceUsage().maxRSS }));
}

void main();
