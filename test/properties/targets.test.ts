import * as path from 'path';
import { composeSchemaErrors, dockerComposeErrors } from '../support/compose-validators';
import { scriptProblems } from '../support/docker-validators';
import { stackConfigErrors } from '../support/swarm-validators';
import { parseManifest, validateObjects, type K8sObject } from '../support/kubernetes-validators';
import { ROOT } from '../support/run-cli';
import { contextsExist, fileOf, renderRandomSystems, SAMPLE } from './render-random';

describe('random systems on every target: output that the target\'s own tools accept, or diagnostics with a path', () => {
  test('compose: every file passes the compose-spec schema; a sample passes docker-compose config', async () => {
    const { outputs } = await renderRandomSystems('compose', 120);
    expect(outputs.length).toBeGreaterThan(40);
    for (const r of outputs) {
      const file = fileOf(r, 'compose.yaml');
      const problems = composeSchemaErrors(file.content);
      if (problems.length > 0) throw new Error(`${problems.join('\n')}\n--- file ---\n${file.content}`);
    }
    // docker-compose refuses a build context that does not exist; the pure target cannot know (ECS checks it)
    for (const r of outputs.filter(contextsExist).slice(0, SAMPLE)) {
      const file = fileOf(r, 'compose.yaml');
      const problems = dockerComposeErrors(file.content, path.join(ROOT, 'dist', 'compose', path.dirname(file.path)));
      if (problems.length > 0) throw new Error(`${problems.join('\n')}\n--- file ---\n${file.content}`);
    }
  });

  test('kubernetes: every manifest passes the 1.27 schemas, the unknown-field and the name checks', async () => {
    const { outputs } = await renderRandomSystems('kubernetes', 120);
    expect(outputs.length).toBeGreaterThan(40);
    const manifests = outputs.map((r) => ({ r, objects: parseManifest(fileOf(r, '.k8s.yaml').content) }));
    // one validation for all (the unknown-field check starts a process); on a problem, find the manifest
    const all: K8sObject[] = manifests.flatMap((m) => m.objects);
    if (validateObjects(all).length > 0) {
      for (const m of manifests) {
        const problems = validateObjects(m.objects);
        if (problems.length > 0) throw new Error(`${JSON.stringify(problems, null, 1)}\n--- manifest ---\n${fileOf(m.r, '.k8s.yaml').content}`);
      }
    }
  });

  test('docker: every script is rendered; a sample passes bash -n and shellcheck', async () => {
    const { outputs } = await renderRandomSystems('docker', 120);
    expect(outputs.length).toBeGreaterThan(40);
    for (const r of outputs.slice(0, SAMPLE * 2)) {
      const script = fileOf(r, '.sh').content;
      // SC1003 is a note about a backslash inside single quotes, which POSIX sh keeps as it is: as meant
      const problems = scriptProblems(script).filter((p) => !p.includes('[SC1003]'));
      if (problems.length > 0) throw new Error(`${problems.join('\n')}\n--- script ---\n${script}`);
    }
  });

  test('swarm: every stack file is rendered; a sample passes docker stack config and uses no key that docker stack deploy ignores', async () => {
    const { outputs } = await renderRandomSystems('swarm', 120);
    expect(outputs.length).toBeGreaterThan(40);
    for (const r of outputs.slice(0, SAMPLE * 2)) {
      const file = fileOf(r, 'stack.yaml');
      const problems = stackConfigErrors(file.content);
      if (problems.length > 0) throw new Error(`${problems.join('\n')}\n--- stack.yaml ---\n${file.content}`);
    }
  });
});
