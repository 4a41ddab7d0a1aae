import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ComposeImport } from '../../lib/import/compose';
import type { SystemSpec } from '../../lib/model/spec';
import { loadTarget } from '../../lib/synth/targets';
import { renderEcs } from '../../lib/targets/ecs/target';
import type { TargetResult } from '../../lib/targets/target';
import { expectValidCompose } from '../support/compose-validators';
import { validateManifest } from '../support/kubernetes-validators';
import { findingsText } from './support/findings-file';
import { CONTEXT, CORPUS, importCorpus, ROOT, syntheticCorpusNames } from './support/import-kit';

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
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-import-ecs-'));
    try {
      const templates: string[] = [];
      for (const name of names) {
        const result = await render('ecs', name);
        expect([name, result.diagnostics.filter((d) => d.severity === 'error')]).toEqual([name, []]);
        for (const f of result.files.filter((x) => x.path.endsWith('.template.json'))) {
          const file = path.join(dir, f.path);
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, f.content);
          templates.push(file);
        }
      }
      expect(templates.length).toBe(names.length);
      const lint = spawnSync('cfn-lint', templates, { encoding: 'utf8', cwd: ROOT });
      if (lint.error) throw new Error(`cfn-lint is needed to check the ECS output and is not usable here (${lint.error.message}). Install it with \`pip install cfn-lint\`.`);
      expect(`${lint.stdout}${lint.stderr}`).toBe('');
      expect(lint.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
