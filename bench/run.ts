/**
 * `npm run bench`: synthesizes generated systems of 10, 100 and 1,000 services on every target as whole processes,
 * beside hand-written cdk8s-plus-27 and aws-cdk-lib programs (the baseline) and plain serialization of the final
 * objects (the floor), times `lading import` at 1,000, 2,000 and 4,000 services, and writes bench/RESULTS.md.
 * BENCH_QUICK=1 runs one repetition of each; BENCH_ONLY=import runs the import alone and replaces its section,
 * BENCH_ONLY=incremental the incremental synth alone (bench/incremental-bench.ts). Every other lading run renders
 * cold: its render cache is off.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importBench, withImportSection, type ImportBenchTools } from './import-bench';
import { incrementalBench, withIncrementalSection, type IncrementalBenchTools } from './incremental-bench';

const ROOT = path.resolve(__dirname, '..');
const QUICK = process.env.BENCH_QUICK === '1';
const SIZES = [10, 100, 1000] as const;
const REPS: Record<number, number> = QUICK ? { 10: 1, 100: 1, 1000: 1 } : { 10: 7, 100: 7, 1000: 5 };
const TARGETS = ['compose', 'kubernetes', 'ecs', 'docker'] as const;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-bench-'));

interface Run {
  readonly wall: number;
  readonly rssMiB: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** One whole process under /usr/bin/time: wall seconds and peak resident memory. */
function run(command: string, args: readonly string[], env: Record<string, string> = {}): Run {
  const timeFile = path.join(scratch, 'time.txt');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, command, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1 << 30,
  });
  if (r.error) throw new Error(`/usr/bin/time is needed by the benchmark (${r.error.message}); install GNU time.`);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stderr.slice(-3000)}`);
  const [wall, kib] = fs.readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
  return { wall, rssMiB: kib / 1024, stdout: r.stdout, stderr: r.stderr };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The median wall time and memory of `reps` runs, and the last run's output. */
function repeat(reps: number, once: () => Run): { wall: number; rssMiB: number; last: Run } {
  const runs = Array.from({ length: reps }, once);
  return { wall: median(runs.map((r) => r.wall)), rssMiB: median(runs.map((r) => r.rssMiB)), last: runs[runs.length - 1] };
}

function repeatJson<T extends Record<string, unknown>>(reps: number, once: () => Run): T[] {
  return Array.from({ length: reps }, () => JSON.parse(once().stdout.trim().split('\n').pop()!) as T);
}

const lading = (args: readonly string[], env: Record<string, string> = {}, preload: readonly string[] = []) =>
  run('node', [...preload.flatMap((p) => ['-r', p]), 'bin/lading.js', ...args], { LADING_CACHE: '0', ...env });
const script = (file: string, args: readonly string[]) => run('node', ['-r', './bench/register.js', file, ...args]);

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const lines: string[] = [];
const log = (s: string) => {
  console.log(s);
};

interface Cell {
  wall: number;
  rssMiB: number;
  render: number;
  model: number;
  load: number;
  /** ratio: the median of lading's wall time over the baseline's, run by run. */
  baseline?: { wall: number; rssMiB: number; ratio: number };
  floor?: { wall: number; serialize: number };
}
const cells = new Map<string, Cell>();
const started = Date.now();
const importTools: ImportBenchTools = { lading, script, median, scratch, reps: QUICK ? 1 : 3, log };

// BENCH_ONLY=import: the import alone, its section of RESULTS.md replaced and the rest kept
if (process.env.BENCH_ONLY === 'import') {
  const resultsFile = path.join(__dirname, 'RESULTS.md');
  const section = importBench(importTools);
  fs.writeFileSync(resultsFile, withImportSection(fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, 'utf8') : '# Benchmark results\n', section));
  fs.rmSync(scratch, { recursive: true, force: true });
  log(`wrote the import section of bench/RESULTS.md in ${fmt((Date.now() - started) / 60000, 1)} minutes`);
  process.exit(0);
}

const incrementalTools: IncrementalBenchTools = { lading, script, median, scratch, reps: QUICK ? 1 : 5, largeReps: QUICK ? 1 : 9, log };

// BENCH_ONLY=incremental: the incremental synth alone, its section of RESULTS.md replaced and the rest kept
if (process.env.BENCH_ONLY === 'incremental') {
  const resultsFile = path.join(__dirname, 'RESULTS.md');
  const section = incrementalBench(incrementalTools, ROOT);
  fs.writeFileSync(resultsFile, withIncrementalSection(fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, 'utf8') : '# Benchmark results\n', section));
  fs.rmSync(scratch, { recursive: true, force: true });
  log(`wrote the incremental section of bench/RESULTS.md in ${fmt((Date.now() - started) / 60000, 1)} minutes`);
  process.exit(0);
}

// warm bin/register.js's compile cache once, as any second synth on a machine finds it
script('bench/dump-spec.ts', ['10', path.join(scratch, 'spec-warm.json')]);
lading(['synth', '--apps-dir', 'bench/apps', '--target', 'compose', 'kubernetes', 'ecs', 'docker', '--out', path.join(scratch, 'out-warm')]);
script('bench/baseline/cdk8s-baseline.ts', [path.join(scratch, 'spec-warm.json'), path.join(scratch, 'warm-out.yaml')]);
script('bench/baseline/cdk-baseline.ts', [path.join(scratch, 'spec-warm.json'), path.join(scratch, 'warm-out-ecs')]);
script('bench/work.ts', ['compose', '10']);

for (const n of SIZES) {
  const reps = REPS[n];
  const specFile = path.join(scratch, `spec-${n}.json`);
  script('bench/dump-spec.ts', [String(n), specFile]);
  for (const target of TARGETS) {
    const out = path.join(scratch, `out-${target}-${n}`);
    const program = target === 'kubernetes' ? 'bench/baseline/cdk8s-baseline.ts' : target === 'ecs' ? 'bench/baseline/cdk-baseline.ts' : undefined;
    const dest = path.join(scratch, `baseline-${target}-${n}${target === 'kubernetes' ? '.yaml' : ''}`);
    // lading and its baseline alternate, so that both see the same moments of a shared machine
    const ladingRuns: Run[] = [];
    const baselineRuns: Run[] = [];
    for (let i = 0; i < reps; i++) {
      ladingRuns.push(lading(['synth', '--apps-dir', 'bench/apps', '--target', target, '--out', out], { LADING_BENCH_SERVICES: String(n) }));
      if (program) baselineRuns.push(script(program, [specFile, dest]));
    }
    const work = repeatJson<{ model: number; load: number; render: number; errors: number }>(reps, () => script('bench/work.ts', [target, String(n)]));
    if (work.some((w) => w.errors > 0)) throw new Error(`${target} reported errors for ${n} services`);
    const cell: Cell = {
      wall: median(ladingRuns.map((r) => r.wall)),
      rssMiB: median(ladingRuns.map((r) => r.rssMiB)),
      render: median(work.map((w) => w.render)),
      model: median(work.map((w) => w.model)),
      load: median(work.map((w) => w.load)),
    };
    if (program) {
      cell.baseline = {
        wall: median(baselineRuns.map((r) => r.wall)),
        rssMiB: median(baselineRuns.map((r) => r.rssMiB)),
        ratio: median(ladingRuns.map((r, i) => r.wall / baselineRuns[i].wall)),
      };
    }
    if (target !== 'docker') {
      const objects = path.join(scratch, `objects-${target}-${n}.json`);
      script('bench/floor.ts', ['prepare', target, path.join(out, target), objects]);
      const floorRuns = Array.from({ length: reps }, () => script('bench/floor.ts', ['run', target, objects]));
      cell.floor = { wall: median(floorRuns.map((r) => r.wall)), serialize: median(floorRuns.map((r) => (JSON.parse(r.stdout.trim()) as { serialize: number }).serialize)) };
    }
    cells.set(`${target}-${n}`, cell);
    log(`${target} ${n}: ${fmt(cell.wall)} s, ${fmt(cell.rssMiB, 0)} MiB, render ${fmt(cell.render, 0)} ms${cell.baseline ? `, baseline ${fmt(cell.baseline.wall)} s` : ''}${cell.floor ? `, floor ${fmt(cell.floor.wall)} s / ${fmt(cell.floor.serialize, 0)} ms` : ''}`);
  }
}

// all three rendering targets for 1,000 services in one process
const allThree = lading(['synth', '--apps-dir', 'bench/apps', '--target', 'compose', 'kubernetes', 'ecs', '--out', path.join(scratch, 'out-all-1000')], { LADING_BENCH_SERVICES: '1000' });
log(`compose+kubernetes+ecs 1000: ${fmt(allThree.wall)} s, ${fmt(allThree.rssMiB, 0)} MiB`);

// cfn-lint on every template of the 1,000-service system, in one invocation
const templates = fs.readdirSync(path.join(scratch, 'out-ecs-1000', 'ecs', 'bench-1000')).filter((f) => f.endsWith('.template.json')).map((f) => path.join(scratch, 'out-ecs-1000', 'ecs', 'bench-1000', f));
const lintStart = Date.now();
const lint = spawnSync('cfn-lint', ['--format', 'json', '--', ...templates], { encoding: 'utf8', maxBuffer: 1 << 30 });
if (lint.error) throw new Error(`cfn-lint is needed by the benchmark (${lint.error.message}); pip install cfn-lint==1.51.0`);
const lintSeconds = (Date.now() - lintStart) / 1000;
const findings = JSON.parse(lint.stdout || '[]') as { Level: string; Rule: { Id: string }; Message: string; Filename: string }[];
const limits = templates.map((t) => {
  const content = fs.readFileSync(t, 'utf8');
  const json = JSON.parse(content) as { Resources: object; Outputs?: object };
  return { stack: path.basename(t, '.template.json'), resources: Object.keys(json.Resources).length, outputs: Object.keys(json.Outputs ?? {}).length, bytes: Buffer.byteLength(content) };
});
log(`cfn-lint on ${templates.length} templates: ${fmt(lintSeconds, 1)} s, ${findings.length} findings`);

// `lading synth` on the examples, all targets, as shipped and with the alternatives
const exampleReps = QUICK ? 1 : 3;
const examples = (preload: readonly string[] = [], entry = 'bin/lading.js') =>
  repeat(exampleReps, () => run('node', [...preload.flatMap((p) => ['-r', p]), entry, 'synth', '--out', path.join(scratch, 'out-examples')]));
const shipped = examples();
const validated = examples(['./bench/validation-on.js']);
const typeChecked = examples([], 'bench/typecheck-lading.js');
const tsNodeLoader = examples([], 'bench/ts-node-lading.js');
const uncached = repeat(exampleReps, () => run('node', ['bin/lading.js', 'synth', '--out', path.join(scratch, 'out-examples')], { LADING_SWC_CACHE: '0' }));
const composeOnly = lading(['synth', '--target', 'compose', '--out', path.join(scratch, 'out-examples-compose')], {}, ['./bench/trace-libraries.js']);
const composeLibraries = /libraries-loaded: (.*)/.exec(composeOnly.stderr)?.[1] ?? '?';
const npmSynth = repeat(exampleReps, () => run('npm', ['run', '--silent', 'synth', '--', '--out', path.join(scratch, 'out-examples-npm')]));
const importSection = importBench(importTools);
log(`examples: shipped ${fmt(shipped.wall)} s, validation on ${fmt(validated.wall)} s, type-checked ${fmt(typeChecked.wall)} s, ts-node as the loader ${fmt(tsNodeLoader.wall)} s, no compile cache ${fmt(uncached.wall)} s`);

// ---- the report
const version = (pkg: string) => (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
const cpu = os.cpus()[0]?.model ?? 'unknown';
const ratio = (a: number, b: number | undefined) => (b === undefined || b === 0 ? 'n/a' : `${fmt(a / b)}x`);
lines.push('# Benchmark results', '');
lines.push(`Written by \`npm run bench\` (bench/run.ts)${QUICK ? ' in quick mode (one repetition)' : ''}; the run took ${fmt((Date.now() - started) / 60000, 1)} minutes.`, '');
lines.push('## Machine and versions', '');
lines.push(`- ${os.cpus().length} CPUs (\`nproc\`: ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()}), ${cpu}; ${fmt(os.totalmem() / 2 ** 30, 1)} GiB memory; ${os.type()} ${os.release()}`);
lines.push(`- node ${process.version}; aws-cdk-lib ${version('aws-cdk-lib')}, cdk8s ${version('cdk8s')}, cdk8s-plus-27 ${version('cdk8s-plus-27')}, constructs ${version('constructs')}, yaml ${version('yaml')}, js-yaml ${version('js-yaml')}, ts-node ${version('ts-node')}, @swc/core ${version('@swc/core')}; ${spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).stdout.trim()}`);
lines.push(`- repetitions: ${SIZES.map((n) => `${REPS[n]} at ${n}`).join(', ')} services; every figure is the median. The machine is shared, so compare the ratios more than the seconds.`, '');
lines.push('## What is measured', '');
lines.push('- **lading**: `node bin/lading.js synth --apps-dir bench/apps --target <t>` as a whole process (bin/register.js loads lading and the generated app, compiled by @swc/core and cached once compiled; the run warms the cache first, the model validates it, the target renders, lint runs, files are written), under `/usr/bin/time`: wall seconds and peak resident memory.');
lines.push('- **render**: inside one process (bench/work.ts), the time of `target.render(spec)` alone: the synth work, without node start, module loading and the model.');
lines.push('- **baseline**: bench/baseline/cdk8s-baseline.ts and bench/baseline/cdk-baseline.ts, hand-written cdk8s-plus-27 and aws-cdk-lib programs that read the same system description (the spec dumped to JSON) and build the same objects directly, run the same way (node with bin/register.js), writing their manifest or cloud assembly. A lading run and a baseline run alternate; lading/baseline is the median of their run-by-run ratios.');
lines.push('- **floor**: bench/floor.ts loads lading\'s final objects (read back from its output beforehand, untimed, and kept as JSON) and serializes them alone with the serializer lading uses (js-yaml for Compose and Kubernetes, `JSON.stringify` for the ECS templates), run the same way; "floor s" is that whole process (node, the loader, `JSON.parse`, serialization), "floor ms" the serialization.');
lines.push('- The generated system (bench/generate.ts): n services, each with a port, one or two of n/50 networks (the first internal), limits, a health check, log limits, labels; every 5th a secret, every 50th a volume, every 20th a sidecar, every 50th an http port published on the ALB, every 100th a tcp port on the NLB, every 10th a dependency; n/50 jobs, half scheduled.', '');
lines.push('## Per target', '');
lines.push('| target | services | lading s | peak MiB | render ms | model ms | baseline s | baseline MiB | lading/baseline | floor s | floor ms | lading/floor (process) | render/floor (work) |');
lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const target of TARGETS) {
  for (const n of SIZES) {
    const c = cells.get(`${target}-${n}`)!;
    lines.push(`| ${target} | ${n} | ${fmt(c.wall)} | ${fmt(c.rssMiB, 0)} | ${fmt(c.render, 0)} | ${fmt(c.model, 0)} | ${c.baseline ? fmt(c.baseline.wall) : 'n/a'} | ${c.baseline ? fmt(c.baseline.rssMiB, 0) : 'n/a'} | ${c.baseline ? `${fmt(c.baseline.ratio)}x` : 'n/a'} | ${c.floor ? fmt(c.floor.wall) : 'n/a'} | ${c.floor ? fmt(c.floor.serialize, 0) : 'n/a'} | ${ratio(c.wall, c.floor?.wall)} | ${ratio(c.render, c.floor?.serialize)} |`);
  }
}
lines.push('', '## The targets of issue 7', '');
lines.push('| check | target | measured | met |', '| --- | --- | --- | --- |');
for (const target of ['kubernetes', 'ecs'] as const) {
  for (const n of [100, 1000]) {
    const c = cells.get(`${target}-${n}`)!;
    const r = c.baseline!.ratio;
    lines.push(`| lading/baseline, ${target}, ${n} services (whole process) | <= 1.25x | ${fmt(r)}x | ${r <= 1.25 ? 'yes' : 'no'} |`);
  }
}
for (const target of TARGETS) {
  const a = cells.get(`${target}-100`)!;
  const b = cells.get(`${target}-1000`)!;
  const whole = b.wall / a.wall;
  const work = b.render / a.render;
  lines.push(`| 1,000 / 100 services, ${target}: whole process; render alone | <= 12x | ${fmt(whole, 1)}x; ${fmt(work, 1)}x | ${whole <= 12 && work <= 12 ? 'yes' : 'no'} |`);
}
const compose1000 = cells.get('compose-1000')!;
lines.push(`| Compose render, 1,000 services | < 0.5 s | ${fmt(compose1000.render / 1000, 3)} s | ${compose1000.render < 500 ? 'yes' : 'no'} |`);
lines.push(`| \`lading synth --target compose\` on the examples loads cdk8s / aws-cdk-lib | neither | loaded: ${composeLibraries} | ${composeLibraries === '[]' ? 'yes' : 'no'} |`);
lines.push(`| compose + kubernetes + ecs, 1,000 services, one process | < 2 GiB peak | ${fmt(allThree.rssMiB, 0)} MiB in ${fmt(allThree.wall, 1)} s | ${allThree.rssMiB < 2048 ? 'yes' : 'no'} |`);
lines.push('', '## CloudFormation limits at 1,000 services (ECS)', '');
lines.push(`${templates.length} stacks; \`cfn-lint\` on all of them in one run took ${fmt(lintSeconds, 1)} s and reported ${findings.length} findings${findings.length > 0 ? `: ${findings.slice(0, 5).map((f) => `${path.basename(f.Filename)} ${f.Rule.Id}`).join(', ')}` : ''}.`, '');
lines.push('| stack | resources (<= 500) | outputs (<= 200) | template bytes (<= 1,000,000) |', '| --- | ---: | ---: | ---: |');
for (const l of limits) lines.push(`| ${l.stack} | ${l.resources} | ${l.outputs} | ${l.bytes} |`);
lines.push('', '## `npm run synth` on the examples (all targets, whole process)', '');
lines.push('| variant | wall s | peak MiB |', '| --- | ---: | ---: |');
lines.push(`| \`npm run synth\` as shipped (npm + lading: bin/register.js with a warm compile cache, CDK validation off) | ${fmt(npmSynth.wall)} | ${fmt(npmSynth.rssMiB, 0)} |`);
lines.push(`| \`node bin/lading.js synth\` as shipped | ${fmt(shipped.wall)} | ${fmt(shipped.rssMiB, 0)} |`);
lines.push(`| the same with bin/register.js's compile cache off (\`LADING_SWC_CACHE=0\`: swc compiles every file on every run) | ${fmt(uncached.wall)} | ${fmt(uncached.rssMiB, 0)} |`);
lines.push(`| the same with aws-cdk-lib's built-in CloudFormation validation on | ${fmt(validated.wall)} | ${fmt(validated.rssMiB, 0)} |`);
lines.push(`| the same with ts-node type-checking (no transpile-only, no swc) | ${fmt(typeChecked.wall)} | ${fmt(typeChecked.rssMiB, 0)} |`);
lines.push(`| the same with ts-node as the loader (transpile-only, swc; bench/ts-node-lading.js) | ${fmt(tsNodeLoader.wall)} | ${fmt(tsNodeLoader.rssMiB, 0)} |`);
lines.push('', ...importSection);
lines.push('', ...incrementalBench(incrementalTools, ROOT));
const notes = path.join(__dirname, 'NOTES.md');
if (fs.existsSync(notes)) lines.push('', fs.readFileSync(notes, 'utf8').trim());
fs.writeFileSync(path.join(__dirname, 'RESULTS.md'), `${lines.join('\n')}\n`);
fs.rmSync(scratch, { recursive: true, force: true });
log(`wrote bench/RESULTS.md in ${fmt((Date.now() - started) / 60000, 1)} minutes`);
