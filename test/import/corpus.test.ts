import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ComposeImport } from '../../lib/import/compose';
import type { SystemSpec } from '../../lib/model/spec';
import { loadTarget } from '../../lib/synth/targets';
import { renderEcs } from '../../lib/targets/ecs/target';
import type { TargetResult } from '../../lib/targets/target';
import { expectValidCompose } from '../support/compose-validators';
import { validateManifest } from '../support/kubernetes-validators';
import { findingsText } from './support/findings-file';
import { CONTEXT, CORPUS, importCorpus, syntheticCorpusNames } from './support/import-kit';
import { cfnLint, findingLines } from '../ecs/support/cfn-lint';

const names = syntheticCorpusNames();
const imported = new Map<string, ComposeImport>(names.map((n) => [n, importCorpus(n)]));

function specOf(name: string): SystemSpec {
  const system = imported.get(name)?.system;
  if (!system) throw new Error(`${name} did not import: ${JSON.stringify(imported.get(name)?.diagnostics)}`);
  return system.toSpec();
}

/** Renders as synth would into dist/ of the corpus folder, which is the project root (where build contexts start). */
async function render(target: 'compose' | 'kubernetes' | 'ecs', name: string): Promise<TargetResult> {
  if (target === 'ecs') return renderEcs(specOf(name), { ...CONTEXT, projectRoot: path.join(CORPUS, name) });
  return (await loadTarget(target).render(specOf(name), CONTEXT)) as TargetResult;
}

describe('the corpus of Compose files', () => {
  test('GIVEN the corpus THEN it holds the shapes people use', () => {
    expect(names).toEqual([
      'extends-profiles', 'external-resources', 'jobs-and-sidecars', 'long-syntax', 'multi-network-secrets', 'nginx-api-mongo', 'prometheus-grafana',
      'wordpress-mysql',
    ]);
  });

  test.each(names)('GIVEN %s WHEN imported THEN it builds a valid system, and every diagnostic is the one in expected-diagnostics.txt', (name) => {
    const result = imported.get(name) as ComposeImport;
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(() => specOf(name)).not.toThrow();
    expect(findingsText(result)).toBe(fs.readFileSync(path.join(CORPUS, name, 'expected-diagnostics.txt'), 'utf8'));
  });

  test.each(names)('GIVEN %s WHEN rendered to Compose THEN the compose-spec schema and docker-compose accept the file', async (name) => {
    const result = await render('compose', name);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const spec = specOf(name);
    const file = result.files.find((f) => f.path === `${spec.name}/compose.yaml`);
    expectValidCompose(file?.content ?? '', path.join(CORPUS, name, 'dist', 'compose', spec.name));
  });

  test.each(names)('GIVEN %s WHEN rendered to Kubernetes THEN every object passes the Kubernetes 1.27 schemas', async (name) => {
    const result = await render('kubernetes', name);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.files.length).toBe(1);
    expect(validateManifest(result.files[0].content)).toEqual([]);
  });

  test('GIVEN every corpus file WHEN rendered to ECS THEN no error is reported and cfn-lint accepts every template', async () => {
    const templates: { path: string; content: string }[] = [];
    for (const name of names) {
      const result = await render('ecs', name);
      expect([name, result.diagnostics.filter((d) => d.severity === 'error')]).toEqual([name, []]);
      templates.push(...result.files.filter((x) => x.path.endsWith('.template.json')));
    }
    expect(templates.length).toBe(names.length);
    const lint = cfnLint(templates);
    expect(findingLines(lint.findings)).toEqual([]);
    expect(lint.status).toBe(0);
  });
});
