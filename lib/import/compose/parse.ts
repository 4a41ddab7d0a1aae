import { LineCounter, parseDocument } from 'yaml';
import { fail, type ImportContext } from './context';
import { LocatedError, toLocated, type LocatedMap } from './located';

/**
 * Parses the text of a Compose file into its located top-level mapping; a YAML error, a file that is not a mapping
 * and aliases that expand too far each stop the import with one line that names `ctx.file`.
 */
export function parseComposeText(ctx: Pick<ImportContext, 'file'>, content: string): LocatedMap {
  const counter = new LineCounter();
  const doc = parseDocument(content, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const line = counter.linePos(first.pos[0]).line;
    fail(ctx, '', line, `not valid YAML: ${first.message.split('\n')[0]}`);
  }
  try {
    const root = toLocated(doc, counter, doc.contents);
    if (root.kind !== 'map') fail(ctx, '', root.line, 'a compose file is a mapping with services at the top');
    return root;
  } catch (e) {
    if (e instanceof LocatedError) fail(ctx, '', e.line, e.message, e.tooLarge ? 'import/too-large' : 'import/invalid-file');
    throw e;
  }
}
