import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { requireTool } from './tools';

/** cfn-lint's errors and warnings about one template (its informational notes aside), one line each. */
export function cfnLintFindings(template: string): string[] {
  requireTool('cfn-lint', ['--version'], 'Install it with `pip install cfn-lint==1.51.0`.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-cfn-lint-'));
  try {
    const file = path.join(dir, 'system.template.json');
    fs.writeFileSync(file, template);
    const r = spawnSync('cfn-lint', ['--format', 'json', '--', file], { encoding: 'utf8', timeout: 120000 });
    const findings = JSON.parse(r.stdout || '[]') as { Level: string; Rule: { Id: string }; Message: string }[];
    return findings.filter((f) => f.Level !== 'Informational').map((f) => `${f.Level} ${f.Rule.Id}: ${f.Message}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
