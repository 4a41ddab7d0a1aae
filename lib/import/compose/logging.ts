import { asMap, asString, at, entry, reportUnhandled, type ImportContext } from './context';
import type { Located } from './located';
import type { LoggingPlan } from './plan';

/** `logging` with the json-file driver (Docker's default): `max-size` and `max-file`. */
export function loggingOf(ctx: ImportContext, node: Located, keyPath: string): LoggingPlan | undefined {
  const map = asMap(ctx, node, keyPath);
  reportUnhandled(ctx, map, keyPath, new Set(['driver', 'options']));
  const driverEntry = entry(map, 'driver');
  const driver = driverEntry ? asString(ctx, driverEntry.value, `${keyPath}.driver`) : 'json-file';
  if (driver !== 'json-file') {
    ctx.reporter.report(
      'import/unsupported-value',
      at(ctx, `${keyPath}.driver`, driverEntry?.line ?? map.line),
      `log driver ${driver} has no equivalent: logs go to each target's default (json-file, the cluster's, CloudWatch Logs).`,
    );
    return undefined;
  }
  const optionsEntry = entry(map, 'options');
  if (!optionsEntry) return undefined;
  const op = `${keyPath}.options`;
  const options = asMap(ctx, optionsEntry.value, op);
  reportUnhandled(ctx, options, op, new Set(['max-size', 'max-file']));
  const size = entry(options, 'max-size');
  const files = entry(options, 'max-file');
  if (!size) {
    if (files) {
      ctx.reporter.report(
        'import/unsupported-value',
        at(ctx, `${op}.max-file`, files.line),
        'max-file without max-size keeps one unbounded file: it is left out.',
      );
    }
    return undefined;
  }
  const maxSize = asString(ctx, size.value, `${op}.max-size`);
  const maxFiles = files ? Number(asString(ctx, files.value, `${op}.max-file`)) : undefined;
  return { maxSize, ...(maxFiles !== undefined && maxFiles !== 1 ? { maxFiles } : {}) };
}
