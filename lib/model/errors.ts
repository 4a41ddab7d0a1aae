/**
 * A mistake in a user's description. Its message is one line:
 * `<construct path> <prop>: <problem> (got <value>). <fix>`.
 */
export class ModelError extends Error {
  /** Marks errors that are the user's to fix, as opposed to bugs in lading. */
  public readonly isModelError = true;

  constructor(
    public readonly path: string,
    public readonly prop: string,
    public readonly problem: string,
    public readonly got?: unknown,
    public readonly fix?: string,
  ) {
    super(formatModelMessage(path, prop, problem, got, fix));
    this.name = 'ModelError';
  }

  static is(e: unknown): e is ModelError {
    return typeof e === 'object' && e !== null && (e as { isModelError?: unknown }).isModelError === true;
  }
}

/** Several mistakes found by a whole-tree validation; the message has one line each. */
export class ModelValidationError extends Error {
  public readonly isModelError = true;

  constructor(public readonly errors: readonly ModelError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'ModelValidationError';
  }
}

/** Renders a value the way a user wrote it: strings quoted, everything else as JSON. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text;
  } catch {
    return String(value);
  }
}

export function formatModelMessage(path: string, prop: string, problem: string, got?: unknown, fix?: string): string {
  const where = prop ? `${path} ${prop}` : path;
  const value = got === undefined ? '' : ` (got ${show(got)})`;
  const hint = fix ? `. ${fix.replace(/\.$/, '')}.` : '';
  return `${where}: ${problem}${value}${hint}`;
}
