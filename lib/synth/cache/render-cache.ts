import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { TargetFile, TargetResult } from '../../targets/target';

/** What is kept of one render: the target's files and findings, and the output paths of the app. */
export interface KeptRender extends TargetResult {
  readonly outputs: readonly string[];
}

interface Entry {
  readonly key: string;
  readonly result: KeptRender;
  /** A hash of `result`, checked on every read: a damaged entry is rendered again, never served. */
  readonly sum: string;
}

/**
 * Renders kept on disk by their key (render-key.ts): one JSON file per key, written whole under a temporary
 * name and then renamed, so a concurrent reader sees all of an entry or none of it.
 */
export class RenderCache {
  constructor(public readonly dir: string) {}

  get(key: string): KeptRender | undefined {
    let entry: Entry;
    try {
      entry = JSON.parse(fs.readFileSync(this.file(key), 'utf8')) as Entry;
    } catch {
      return undefined;
    }
    if (entry.key !== key || entry.sum !== sum(entry.result)) return undefined;
    return entry.result;
  }

  put(key: string, result: KeptRender): void {
    // a lading bug is never kept: the next synth tries again
    if (result.diagnostics.some((d) => d.code.startsWith('internal/'))) return;
    const plain: KeptRender = {
      files: result.files.map((f): TargetFile => ({ path: f.path, content: f.content })),
      diagnostics: result.diagnostics,
      outputs: result.outputs,
    };
    const file = this.file(key);
    const partial = `${file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      fs.writeFileSync(partial, JSON.stringify({ key, result: plain, sum: sum(plain) } satisfies Entry));
      fs.renameSync(partial, file);
    } catch {
      // a cache that cannot be written costs time, never output
      fs.rmSync(partial, { force: true });
    }
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}

function sum(result: KeptRender): string {
  return createHash('sha256').update(JSON.stringify(result)).digest('hex');
}
