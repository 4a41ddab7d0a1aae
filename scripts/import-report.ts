// Imports every real-world Compose file of the corpus (test/import/corpus/real), renders it on every target,
// checks each output with tools lading did not write, and prints how many import and target warnings drop or
// change a value of the file, against the count recorded before the import-fidelity work (BASELINE.json there).
//
//   npm run import-report              the report; exits 1 when a file fails to import, render or validate
//   npm run import-report -- --quick   the same without the outside validators (seconds instead of minutes)
//   npm run import-report -- --record  writes the current counts as BASELINE.json
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { composeSchemaErrors, dockerComposeErrors } from '../test/support/compose-validators';
import { scriptProblems } from '../test/support/docker-validators';
import { validateManifest } from '../test/support/kubernetes-validators';
import { stackConfigErrors } from '../test/support/swarm-validators';
import { fidelityOf, realCorpusNames, REAL_CORPUS, type FidelityResult, type LossOwner } from '../test/import/support/fidelity';

const BASELINE = path.join(REAL_CORPUS, 'BASELINE.json');
const OWNERS: readonly LossOwner[] = ['import', 'secret-files', 'project-binds'];

interface Counts {
  readonly total: number;
  readonly byOwner: Record<LossOwner, number>;
  readonly byFile: Record<string, number>;
}

function countsOf(results: readonly FidelityResult[]): Counts {
  const byOwner = { import: 0, 'secret-files': 0, 'project-binds': 0 } as Record<LossOwner, number>;
  const byFile: Record<string, number> = {};
  for (const r of results) {
    byFile[r.name] = r.losses.length;
    for (const l of r.losses) byOwner[l.owner]++;
  }
  return { total: results.reduce((n, r) => n + r.losses.length, 0), byOwner, byFile };
}

/** What the outside tools say about one file's outputs: empty when all accept them. */
function validate(r: FidelityResult, templates: string[], dir: string): string[] {
  const problems: string[] = [];
  const file = (target: 'compose' | 'kubernetes' | 'docker' | 'swarm') => r.outputs[target]?.files[0]?.content ?? '';
  const compose = file('compose');
  problems.push(...composeSchemaErrors(compose).map((p) => `compose schema: ${p}`));
  problems.push(...dockerComposeErrors(compose, path.join(REAL_CORPUS, r.name, 'dist', 'compose', r.spec?.name ?? r.name)).map((p) => `docker-compose: ${p}`));
  problems.push(...validateManifest(file('kubernetes')).map((p) => `kubernetes: ${JSON.stringify(p)}`));
  problems.push(...stackConfigErrors(file('swarm')).map((p) => `swarm: ${p}`));
  problems.push(...scriptProblems(file('docker')).map((p) => `docker: ${p}`));
  for (const f of r.outputs.ecs?.files ?? []) {
    if (!f.path.endsWith('.template.json')) continue;
    const out = path.join(dir, r.name, f.path);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, f.content);
    templates.push(out);
  }
  return problems;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const record = process.argv.includes('--record');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-import-report-'));
  const results: FidelityResult[] = [];
  let failed = 0;
  const templates: string[] = [];
  try {
    for (const name of realCorpusNames()) {
      const r = await fidelityOf(name);
      results.push(r);
      const problems = [...r.errors, ...(quick || r.errors.length > 0 ? [] : validate(r, templates, dir))];
      const owners = OWNERS.map((o) => `${o} ${r.losses.filter((l) => l.owner === o).length}`).join(', ');
      console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${name}: ${r.losses.length} lost or changed (${owners})`);
      for (const l of r.losses) console.log(`       ${l.code} ${l.where}: ${l.message}`);
      for (const p of problems) console.log(`   !   ${p}`);
      if (problems.length > 0) failed++;
    }
    if (!quick && templates.length > 0) {
      const lint = spawnSync('cfn-lint', templates, { encoding: 'utf8' });
      if (lint.error) throw new Error(`cfn-lint is needed to check the ECS output (${lint.error.message}). Install it with \`pip install cfn-lint\`.`);
      if (lint.status !== 0) {
        failed++;
        console.log(`FAIL cfn-lint:\n${lint.stdout}${lint.stderr}`);
      } else console.log(`ok   cfn-lint accepts ${templates.length} ECS templates`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const now = countsOf(results);
  if (record) {
    fs.writeFileSync(BASELINE, `${JSON.stringify(now, null, 2)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), BASELINE)}`);
  }
  const before = JSON.parse(fs.readFileSync(BASELINE, 'utf8')) as Counts;
  const fall = (b: number, n: number) => (b === 0 ? '0%' : `${Math.round((100 * (b - n)) / b)}%`);
  console.log(`\n${results.length} files; warnings that drop or change a value: ${now.total} (baseline ${before.total}, down ${fall(before.total, now.total)})`);
  for (const o of OWNERS) console.log(`  ${o.padEnd(14)} ${String(now.byOwner[o]).padStart(4)} (baseline ${before.byOwner[o]}, down ${fall(before.byOwner[o], now.byOwner[o])})`);
  console.log(`${failed === 0 ? 'every file imports, renders on every target' + (quick ? '' : ' and validates') : `${failed} failed`}`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
