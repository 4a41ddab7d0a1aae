import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Diagnostic } from '../../lib/diagnostics/diagnostic';
import { formatDiagnostic, formatLines, shownAt } from '../../lib/diagnostics/pipeline';
import { EXAMPLE_APPS } from '../support/examples';
import { runLading } from '../support/run-cli';

const d = (over: Partial<Diagnostic>): Diagnostic => ({
  code: 'compose/volume-size',
  severity: 'info',
  path: 'shop/pgdata size',
  target: 'compose',
  message: 'a Compose volume has no size: 10g is not enforced',
  ...over,
});

describe('the reporting pipeline', () => {
  test('GIVEN messages with and without a closing period WHEN formatted THEN every line ends each sentence once', () => {
    expect(formatDiagnostic(d({}))).toBe('info [compose] compose/volume-size shop/pgdata size: a Compose volume has no size: 10g is not enforced.');
    expect(formatDiagnostic(d({ message: 'ends here.', fix: 'Do this' }))).toBe('info [compose] compose/volume-size shop/pgdata size: ends here. Do this.');
    expect(formatDiagnostic(d({ target: undefined, code: 'lint/x', message: 'm', fix: 'F.' }))).toBe('info lint/x shop/pgdata size: m. F.');
  });

  test('GIVEN the same fact from several targets WHEN formatted for a person THEN one line names the targets; targets that say different things keep their own lines', () => {
    const lines = formatLines([
      d({ target: 'compose' }),
      d({ target: 'docker', code: 'docker/volume-size' }),
      d({ target: 'swarm', code: 'swarm/volume-size', message: 'a Swarm volume is local to one node' }),
      d({ target: 'ecs', code: 'ecs/volume-size', path: 'shop/other size' }),
      d({ target: undefined, code: 'lint/no-log-limit', severity: 'warning', path: 'shop/pgdata size' }),
      d({ target: 'compose', message: 'a second finding of the same rule and path' }),
    ]);
    expect(lines).toEqual([
      'info [compose, docker] compose/volume-size, docker/volume-size shop/pgdata size: a Compose volume has no size: 10g is not enforced.',
      'info [swarm] swarm/volume-size shop/pgdata size: a Swarm volume is local to one node.',
      'info [ecs] ecs/volume-size shop/other size: a Compose volume has no size: 10g is not enforced.',
      'warning lint/no-log-limit shop/pgdata size: a Compose volume has no size: 10g is not enforced.',
      'info [compose] compose/volume-size shop/pgdata size: a second finding of the same rule and path.',
    ]);
  });

  test('GIVEN each verbosity THEN quiet shows errors, normal errors and warnings, verbose everything', () => {
    const list = [d({ severity: 'error' }), d({ severity: 'warning' }), d({ severity: 'info' })];
    expect(shownAt(list, 'quiet').map((x) => x.severity)).toEqual(['error']);
    expect(shownAt(list, 'normal').map((x) => x.severity)).toEqual(['error', 'warning']);
    expect(shownAt(list, 'verbose').map((x) => x.severity)).toEqual(['error', 'warning', 'info']);
  });
});

describe('lading synth on the examples (quiet by default)', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-quiet-'));
  const run = (...flags: string[]) => runLading(['synth', '--app', ...EXAMPLE_APPS, '--out', path.join(out, 'dist'), ...flags]);

  test('GIVEN the seven examples WHEN synthesized THEN at most 20 lines in all, warnings on stderr, the summary last on stdout', () => {
    const r = run();
    expect(r.code).toBe(0);
    const errLines = r.stderr.split('\n').filter(Boolean);
    const outLines = r.stdout.split('\n').filter(Boolean);
    expect(errLines.length + outLines.length).toBeLessThanOrEqual(20);
    expect(errLines.every((l) => l.startsWith('warning '))).toBe(true);
    expect(outLines).toHaveLength(1);
    expect(outLines[0]).toMatch(/^7 apps, 5 targets, \d+ files; 0 errors, \d+ warnings, \d+ notes \(lading check --app NAME shows them\); 7 rendered, 0 reused$/);
  });

  test('GIVEN --quiet THEN only the summary; GIVEN --verbose THEN every note as well', () => {
    const quiet = run('--quiet');
    expect(quiet.stderr).toBe('');
    const verbose = run('--verbose');
    expect(verbose.stderr.split('\n').some((l) => l.startsWith('info '))).toBe(true);
    expect(verbose.stdout).toMatch(/^7 apps, 5 targets, \d+ files; 0 errors, \d+ warnings, \d+ notes; 7 rendered, 0 reused\n$/);
  });
});
