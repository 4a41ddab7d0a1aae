import * as path from 'path';
import { formatDiagnostic } from '../../lib/diagnostics/pipeline';
import { loadExamples } from '../support/examples';
import { renderEcs } from '../../lib/targets/ecs/target';
import { PROJECT_ROOT } from './support/ecs-kit';
import { cfnLint, findingLines } from './support/cfn-lint';

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
    const files = rendered.flatMap(({ result }) => result.files.filter((f) => f.path.endsWith('.template.json')));
    expect(files).toHaveLength(apps.length);
    const { findings } = cfnLint(files.map((f) => ({ path: path.basename(f.path), content: f.content })));
    const tolerated = findings.filter((f) => f.level === 'Warning' && TOLERATED_WARNINGS[f.rule]);
    if (tolerated.length > 0) console.log(`cfn-lint warnings tolerated (caused by aws-cdk-lib):\n${findingLines(tolerated).join('\n')}`);
    expect(findingLines(findings.filter((f) => f.level === 'Error'))).toEqual([]);
    expect(findingLines(findings.filter((f) => f.level === 'Warning' && !TOLERATED_WARNINGS[f.rule]))).toEqual([]);
  });
});
