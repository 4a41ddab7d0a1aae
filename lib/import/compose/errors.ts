import type { Diagnostic } from '../../diagnostics/diagnostic';

/**
 * A Compose file that cannot be read at all: a YAML syntax error, or a key with the wrong type. Its message is
 * one line, `compose.yaml:12 services.web.ports: must be a list (got 80)`.
 */
export class ComposeFileError extends Error {
  public readonly isComposeFileError = true;

  constructor(public readonly diagnostic: Diagnostic) {
    super(`${diagnostic.path}: ${diagnostic.message}`);
    this.name = 'ComposeFileError';
  }

  static is(e: unknown): e is ComposeFileError {
    return typeof e === 'object' && e !== null && (e as { isComposeFileError?: unknown }).isComposeFileError === true;
  }
}
