import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileOf, renderRandomSystems } from './render-random';

/** cfn-lint costs seconds a template: it checks a few. */
const LINT_SAMPLE = 3;

describe('random systems on ECS: a CloudFormation template, or diagnostics with a path', () => {
  test('GIVEN random systems WHEN rendered THEN each template is well formed, and a sample passes cfn-lint without errors', async () => {
    const { outputs } = await renderRandomSystems('ecs', 50);
    expect(outputs.length).toBeGreaterThan(15);
    const templates = outputs.map((r) => {
      const file = fileOf(r, '.template.json');
      const template = JSON.parse(file.content) as { Resources?: Record<string, { Type?: unknown }> };
      const resources = Object.entries(template.Resources ?? {});
      expect(resources.length).toBeGreaterThan(0);
      for (const [id, resource] of resources) expect([id, typeof resource.Type === 'string' && /^(AWS|Custom)::/.test(resource.Type)]).toEqual([id, true]);
      return file;
    });
    const probe = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) throw new Error('cfn-lint is needed to check ECS templates. Install it with `pip install cfn-lint==1.51.0`.');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-random-ecs-'));
    try {
      const paths = templates.slice(0, LINT_SAMPLE).map((f, i) => {
        const p = path.join(dir, `${i}-${path.basename(f.path)}`);
        fs.writeFileSync(p, f.content);
        return p;
      });
      const r = spawnSync('cfn-lint', ['--format', 'json', '--', ...paths], { encoding: 'utf8', timeout: 120_000 });
      const findings = JSON.parse(r.stdout || '[]') as Array<{ Level: string; Rule: { Id: string }; Message: string; Filename: string }>;
      const errors = findings.filter((f) => f.Level === 'Error').map((f) => `${path.basename(f.Filename)} ${f.Rule.Id}: ${f.Message}`);
      expect(errors).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
