import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCompose } from '../../../lib/import/compose';

/**
 * Imports a compose text from a fresh project folder holding `files` (a name ending in `/` is an empty folder), as
 * the system `name`; the folder is removed afterwards.
 */
export function importProject(compose: string, files: Record<string, string> = {}, name = 'shop') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-import-project-'));
  try {
    for (const [file, content] of Object.entries(files)) {
      if (file.endsWith('/')) {
        fs.mkdirSync(path.join(dir, file), { recursive: true });
        continue;
      }
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), content);
    }
    fs.writeFileSync(path.join(dir, 'compose.yaml'), compose);
    return loadCompose({ file: path.join(dir, 'compose.yaml'), projectRoot: dir, env: {}, name });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
