import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { requireTool } from './tools';

/** A template to check, at a path relative to the scratch folder cfn-lint reads it from. */
export interface TemplateFile {
  readonly path: string;
  readonly content: string;
}

/** One cfn-lint finding; `file` is relative to the scratch folder. */
export interface CfnLintFinding {
  readonly file: string;
  readonly level: string;
  readonly rule: string;
  readonly message: string;
}

/**
 * cfn-lint, one run over all the templates (faster than one run each), written to a scratch folder that is removed
 * afterwards. Fails the test with the install line when cfn-lint is missing.
 */
export function cfnLint(templates: readonly TemplateFile[], timeoutMs = 120_000): { findings: CfnLintFinding[]; status: number | null } {
  requireTool('cfn-lint', ['--version'], 'Install it with `pip install cfn-lint==1.51.0`.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-cfn-lint-'));
  try {
    const paths = templates.map((t) => {
      const p = path.join(dir, t.path);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, t.content);
      return p;
    });
    const r = spawnSync('cfn-lint', ['--format', 'json', '--', ...paths], { encoding: 'utf8', timeout: timeoutMs });
    if (r.error) throw new Error(`cfn-lint did not finish: ${r.error.message}`);
    const raw = JSON.parse(r.stdout || '[]') as { Level: string; Rule: { Id: string }; Message: string; Filename: string }[];
    return { findings: raw.map((f) => ({ file: path.relative(dir, f.Filename), level: f.Level, rule: f.Rule.Id, message: f.Message })), status: r.status };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `file level rule: message`: one line per finding, what a test expects to be empty. */
export const findingLines = (findings: readonly CfnLintFinding[]): string[] => findings.map((f) => `${f.file} ${f.level} ${f.rule}: ${f.message}`);

/** The findings of templates that must have none but informational ones. */
export function cfnLintProblems(templates: readonly TemplateFile[], timeoutMs?: number): string[] {
  return findingLines(cfnLint(templates, timeoutMs).findings.filter((f) => f.level !== 'Informational'));
}
