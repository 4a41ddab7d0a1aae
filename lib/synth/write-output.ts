import * as fs from 'fs';
import * as path from 'path';

/** One unit of output that is replaced as a whole: a file or a folder under the output directory. */
export interface OutputUnit {
  /** Path relative to the output directory: `compose/shop`, `kubernetes/shop.k8s.yaml`, or `compose` (whole). */
  readonly path: string;
  /** Files to write, relative to the output directory. */
  readonly files: ReadonlyArray<{ readonly path: string; readonly content: string }>;
}

/**
 * Writes output so that a reader never sees it half-written: every file goes to a staging folder beside the
 * output first; only when all are written are the units swapped in, each by rename. If anything fails before
 * the swap, the previous output is untouched.
 */
export function writeOutput(outDir: string, units: readonly OutputUnit[]): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const staging = path.join(outDir, `.staging-${stamp}`);
  const trash = path.join(outDir, `.trash-${stamp}`);
  const written: string[] = [];
  try {
    for (const unit of units) {
      fs.mkdirSync(path.join(staging, unit.path, '..'), { recursive: true });
      for (const f of unit.files) {
        assertInside(unit.path, f.path);
        const target = path.join(staging, f.path);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, f.content);
        written.push(path.join(outDir, f.path));
      }
    }
    fs.mkdirSync(trash, { recursive: true });
    const moved: Array<{ from: string; to: string }> = [];
    try {
      units.forEach((unit, i) => {
        const live = path.join(outDir, unit.path);
        const staged = path.join(staging, unit.path);
        if (fs.existsSync(live)) {
          const old = path.join(trash, String(i));
          fs.renameSync(live, old);
          moved.push({ from: old, to: live });
        }
        if (fs.existsSync(staged)) {
          fs.mkdirSync(path.dirname(live), { recursive: true });
          fs.renameSync(staged, live);
        }
      });
    } catch (e) {
      // put back what was moved aside, so the earlier output stays whole
      for (const m of moved.reverse()) {
        fs.rmSync(m.to, { recursive: true, force: true });
        fs.renameSync(m.from, m.to);
      }
      throw e;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(trash, { recursive: true, force: true });
  }
  return written.sort();
}

function assertInside(unit: string, file: string): void {
  const rel = path.relative(unit, file);
  if (rel !== '' && (rel.startsWith('..') || path.isAbsolute(rel))) {
    throw new Error(`output file ${file} lies outside its unit ${unit}`);
  }
}
