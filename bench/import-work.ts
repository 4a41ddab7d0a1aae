/**
 * Import work inside one process, for one Compose file: loads it into the model (load: parse, extends, convert,
 * plan, build the System and its spec) and writes the app module's text (write). Prints one JSON line.
 * Usage: import-work <compose file>
 */
import { performance } from 'perf_hooks';
import { loadCompose } from '../lib/import/compose';
import { writeApp } from '../lib/import/typescript';

const [file] = process.argv.slice(2);
let t = performance.now();
const imported = loadCompose({ file, env: {}, projectRoot: process.cwd() });
const load = performance.now() - t;
t = performance.now();
const text = writeApp(imported.plan, { source: file, diagnostics: imported.diagnostics });
const write = performance.now() - t;
const errors = imported.diagnostics.filter((d) => d.severity === 'error').length;
console.log(JSON.stringify({ load, write, bytes: text.length, errors, workloads: imported.plan.workloads.length }));
