import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatDiagnostic } from '../../lib/diagnostics/pipeline';
import { loadExamples } from '../support/examples';
import { renderEcs } from '../../lib/targets/ecs/target';
import { PROJECT_ROOT } from './support/ecs-kit';
import { requireTool } from './support/tools';

/**
 * cfn-lint warnings that aws-cdk-lib itself causes in these templates, with why they are tolerated. Any other
 * warning fails the test, as does every error.
 */
const TOLERATED_WARNINGS: Record<string, string> = {};

const apps = loadExamples();
const rendered = apps.map((app) => ({ app, result: renderEcs(app.spec, { projectRoot: PROJECT_ROOT, projectRootFromTargetDir: '../..' }) }));

describe('ECS: example apps', () => {
  test.each(rendered.map((r) => [r.app.name, r] as const))('GIVEN the %s example WHEN rendered THEN the template and diagnostics match the snapshot', (_name, { app, result }) => {
    expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const template = result.files.find((f) => f.path.startsWith(`${app.name}/`) && f.path.endsWith('.template.json'));
    expect(template).toBeDefined();
    expect({ template: JSON.parse(template!.content), diagnostics: result.diagnostics.map(formatDiagnostic) }).toMatchSnapshot();
  });

  test('GIVEN every example template WHEN cfn-lint checks them THEN it finds no error and no warning beyond those CDK itself causes', () => {
    requireTool('cfn-lint', ['--version'], 'Install it with `pip install cfn-lint==1.51.0`.');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-cfn-lint-'));
    try {
      const files = rendered.flatMap(({ result }) => result.files.filter((f) => f.path.endsWith('.template.json')));
      expect(files).toHaveLength(apps.length);
      const paths = files.map((f) => {
        const p = path.join(dir, path.basename(f.path));
        fs.writeFileSync(p, f.content);
        return p;
      });
      const r = spawnSync('cfn-lint', ['--format', 'json', '--', ...paths], { encoding: 'utf8', timeout: 120000 });
      const findings = JSON.parse(r.stdout || '[]') as { Level: string; Rule: { Id: string }; Message: string; Filename: string }[];
      const describe = (f: (typeof findings)[number]) => `${path.basename(f.Filename)} ${f.Rule.Id}: ${f.Message}`;
      const tolerated = findings.filter((f) => f.Level === 'Warning' && TOLERATED_WARNINGS[f.Rule.Id]);
      if (tolerated.length > 0) console.log(`cfn-lint warnings tolerated (caused by aws-cdk-lib):\n${tolerated.map(describe).join('\n')}`);
      expect(findings.filter((f) => f.Level === 'Error').map(describe)).toEqual([]);
      expect(findings.filter((f) => f.Level === 'Warning' && !TOLERATED_WARNINGS[f.Rule.Id]).map(describe)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
