import { NAME_PATTERN, suggestName } from '../../model/names';
import { at, type ImportContext } from './context';

export type NameKind = 'service' | 'network' | 'volume' | 'secret' | 'system' | 'config';

/** A suffix that tells a network, volume or secret apart from a service of the same name. */
const SUFFIX: Record<NameKind, string> = { service: '-svc', network: '-net', volume: '-data', secret: '-secret', system: '', config: '-config' };

/**
 * The model's names for the file's: every System child (service, job, network, volume, secret) needs its own
 * DNS label. A name that is not one, or that another kind already took, is renamed with a diagnostic.
 */
export class NameTable {
  private readonly taken = new Set<string>();
  private readonly byKind = new Map<NameKind, Map<string, string>>();

  constructor(private readonly ctx: ImportContext) {}

  /** Gives `raw` a model name; reports a rename at `keyPath` unless `quiet` (the caller says what the rename means). */
  claim(kind: NameKind, raw: string, keyPath: string, line: number, options: { readonly quiet?: boolean } = {}): string {
    const known = this.lookup(kind, raw);
    if (known) return known;
    // the System is the scope of the others, not a sibling: its name takes none of theirs
    const taken = kind === 'system' ? new Set<string>() : this.taken;
    let name = NAME_PATTERN.test(raw) && raw.length <= 63 ? raw : suggestName(raw);
    if (taken.has(name)) name = `${name}${SUFFIX[kind]}`.slice(0, 63);
    for (let i = 2; taken.has(name); i++) name = `${name.replace(/-\d+$/, '')}-${i}`;
    if (name !== raw && !options.quiet) {
      this.ctx.reporter.report(
        'import/renamed',
        at(this.ctx, keyPath, line),
        `${kind} ${JSON.stringify(raw)} is named ${JSON.stringify(name)} in the model: ${this.why(raw)}.`,
        kind === 'service' ? `Other services reach it as ${name}: the import writes it so in their environment, command and entrypoint; update addresses such as ${raw}:PORT in the files they read.` : undefined,
      );
    }
    taken.add(name);
    const table = this.byKind.get(kind) ?? new Map<string, string>();
    table.set(raw, name);
    this.byKind.set(kind, table);
    return name;
  }

  /** A free name close to `preferred`, for a construct the file does not name itself. */
  reserve(kind: NameKind, preferred: string): string {
    let name = NAME_PATTERN.test(preferred) && preferred.length <= 63 ? preferred : suggestName(preferred);
    if (this.taken.has(name)) name = `${name}${SUFFIX[kind]}`.slice(0, 63);
    for (let i = 2; this.taken.has(name); i++) name = `${name.replace(/-\d+$/, '')}-${i}`;
    this.taken.add(name);
    return name;
  }

  lookup(kind: NameKind, raw: string): string | undefined {
    return this.byKind.get(kind)?.get(raw);
  }

  private why(raw: string): string {
    return NAME_PATTERN.test(raw) && raw.length <= 63
      ? 'another service, network, volume or secret has that name'
      : "names are at most 63 lowercase letters, digits and '-', starting with a letter";
  }
}
