/**
 * A five-field cron expression (UTC, as in crontab) as an EventBridge `cron(...)` expression, or a reason why
 * EventBridge cannot express it. EventBridge numbers days of the week 1-7 from Sunday, and needs `?` in the
 * day-of-month or day-of-week field.
 */
export function toEventBridgeCron(expression: string): { expression: string } | { problem: string } {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return { problem: `expected five cron fields, got ${fields.length}` };
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  const anyDom = dayOfMonth === '*' || dayOfMonth === '?';
  const anyDow = dayOfWeek === '*' || dayOfWeek === '?';
  if (!anyDom && !anyDow) {
    return { problem: `day of month (${dayOfMonth}) and day of week (${dayOfWeek}) are both set, which cron runs on either day` };
  }
  const dom = anyDow ? (anyDom ? '*' : dayOfMonth) : '?';
  const dow = anyDow ? '?' : dayOfWeek.replace(/\d+/g, (d) => String((Number(d) % 7) + 1));
  return { expression: `cron(${minute} ${hour} ${dom} ${month} ${dow} *)` };
}
