import * as fs from 'fs';
import * as path from 'path';

/** What the import benchmark needs of bench/run.ts: a whole process timed under /usr/bin/time. */
export interface Timed {
  readonly wall: number;
  readonly rssMiB: number;
  readonly stdout: string;
}

export interface ImportBenchTools {
  /** `node bin/lading.js ...args` under /usr/bin/time. */
  readonly lading: (args: readonly string[]) => Timed;
  /** `node -r ./bench/register.js file ...args` under /usr/bin/time. */
  readonly script: (file: string, args: readonly string[]) => Timed;
  readonly median: (xs: readonly number[]) => number;
  readonly scratch: string;
  readonly reps: number;
  readonly log: (s: string) => void;
}

/** The numbers of services the import is measured at. */
export const IMPORT_SIZES = [1000, 2000, 4000] as const;

interface ImportCell {
  readonly bytes: number;
  readonly wall: number;
  readonly rssMiB: number;
  readonly load: number;
  readonly write: number;
}

/**
 * `lading import` on the Compose file of the generated system (as the Compose target writes it) at 1,000, 2,000
 * and 4,000 services: the whole process, and inside one process the load (parse, extends, convert, plan, build
 * the System and its spec) and the writing of the app module. Returns the section of bench/RESULTS.md.
 */
export function importBench(t: ImportBenchTools): string[] {
  const cells = new Map<number, ImportCell>();
  for (const n of IMPORT_SIZES) {
    const file = path.join(t.scratch, `import-${n}`, 'compose.yaml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    t.script('bench/compose-file.ts', [String(n), file]);
    const out = path.join(t.scratch, `import-${n}`, 'app.ts');
    const whole: Timed[] = [];
    const work: { load: number; write: number; bytes: number; errors: number }[] = [];
    // the whole process and the work inside one alternate, so that both see the same moments of a shared machine
    for (let i = 0; i < t.reps; i++) {
      whole.push(t.lading(['import', file, '--out', out, '--force']));
      work.push(JSON.parse(t.script('bench/import-work.ts', [file]).stdout.trim().split('\n').pop() as string));
    }
    if (work.some((w) => w.errors > 0)) throw new Error(`the import reported errors for ${n} services`);
    const cell: ImportCell = {
      bytes: fs.statSync(file).size,
      wall: t.median(whole.map((r) => r.wall)),
      rssMiB: t.median(whole.map((r) => r.rssMiB)),
      load: t.median(work.map((w) => w.load)),
      write: t.median(work.map((w) => w.write)),
    };
    cells.set(n, cell);
    t.log(`import ${n}: ${cell.wall.toFixed(2)} s, ${cell.rssMiB.toFixed(0)} MiB, load ${cell.load.toFixed(0)} ms, write ${cell.write.toFixed(0)} ms`);
  }
  const lines = ['## Import (issue 14)', ''];
  lines.push(
    '`node bin/lading.js import compose.yaml --out app.ts --force` on the Compose file that the Compose target writes for the generated system, as a whole process under `/usr/bin/time`; **load** and **write** inside one process (bench/import-work.ts): `loadCompose` (parse, extends, convert, plan, build the System and its spec) and `writeApp`. Medians of ' +
      `${t.reps} runs.`,
    '',
  );
  lines.push('| services | file bytes | lading import s | peak MiB | load ms | write ms |', '| ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [n, c] of cells) lines.push(`| ${n} | ${c.bytes} | ${c.wall.toFixed(2)} | ${c.rssMiB.toFixed(0)} | ${c.load.toFixed(0)} | ${c.write.toFixed(0)} |`);
  lines.push('', '| check | target | measured | met |', '| --- | --- | --- | --- |');
  for (const [a, b] of [[1000, 2000], [2000, 4000]] as const) {
    const x = cells.get(a) as ImportCell;
    const y = cells.get(b) as ImportCell;
    const whole = y.wall / x.wall;
    const load = (y.load + y.write) / (x.load + x.write);
    lines.push(`| ${b.toLocaleString('en')} / ${a.toLocaleString('en')} services: whole process; load + write | <= 2.3x | ${whole.toFixed(2)}x; ${load.toFixed(2)}x | ${whole <= 2.3 && load <= 2.3 ? 'yes' : 'no'} |`);
  }
  return lines;
}

/** RESULTS.md with its import section replaced by `section` (or added at the end). */
export function withImportSection(results: string, section: readonly string[]): string {
  const text = results.trimEnd();
  const start = text.indexOf('\n## Import (issue 14)');
  if (start < 0) return `${text}\n\n${section.join('\n')}\n`;
  const next = text.indexOf('\n## ', start + 1);
  return `${text.slice(0, start)}\n${section.join('\n')}\n${next < 0 ? '' : `${text.slice(next)}\n`}`;
}
