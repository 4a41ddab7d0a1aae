import * as path from 'path';

/**
 * What a `.dockerignore` says about one context path: `kept` when no pattern can exclude it or anything in it,
 * `excluded` when one may, `unknown` when the file uses what is not read here (`!` exceptions, `[...]`, escapes).
 */
export type IgnoreVerdict = 'kept' | 'excluded' | 'unknown';

function segmentMatches(pattern: string, segment: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
  return re.test(segment);
}

/**
 * Whether a pattern matches the path, one of its parents (which excludes all of it), or may match something inside
 * it. `**` matches any number of segments.
 */
function touches(pattern: readonly string[], i: number, segments: readonly string[], j: number): boolean {
  if (i === pattern.length || j === segments.length) return true;
  if (pattern[i] === '**') return touches(pattern, i + 1, segments, j) || touches(pattern, i, segments, j + 1);
  return segmentMatches(pattern[i], segments[j]) && touches(pattern, i + 1, segments, j + 1);
}

/** The verdict of a `.dockerignore` text on a context path (POSIX, relative to the context, `.` for all of it). */
export function ignoreVerdict(text: string, contextPath: string): IgnoreVerdict {
  const segments = contextPath === '.' ? [] : contextPath.split('/');
  let verdict: IgnoreVerdict = 'kept';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (/^!|[[\]\\{}]/.test(line)) return 'unknown';
    const cleaned = path.posix.normalize(line.replace(/^\/+/, '')).replace(/\/+$/, '');
    if (cleaned === '.' || cleaned === '..' || cleaned.startsWith('../')) return 'unknown';
    if (touches(cleaned.split('/'), 0, segments, 0)) verdict = 'excluded';
  }
  return verdict;
}
