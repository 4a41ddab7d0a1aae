import * as path from 'path';
import { cfnLint, findingLines } from '../ecs/support/cfn-lint';
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
    const sample = templates.slice(0, LINT_SAMPLE).map((f, i) => ({ path: `${i}-${path.basename(f.path)}`, content: f.content }));
    expect(findingLines(cfnLint(sample).findings.filter((f) => f.level === 'Error'))).toEqual([]);
  });
});
