import { Image, Service, System } from '../../lib/model';
import { renderTarget } from '../../lib/synth/render-target';
import { PROJECT_ROOT } from './support/ecs-kit';
import * as path from 'path';

/** Renders one service as `lading synth --target ecs` does, with the project root of this repository. */
async function render(props: ConstructorParameters<typeof Service>[2]) {
  const sys = new System('shop');
  new Service(sys, 'web', props);
  return renderTarget('ecs', sys.toSpec(), path.join(PROJECT_ROOT, 'dist', 'ecs'), PROJECT_ROOT);
}

describe('values that name the project folder (ECS, through the assembly reader)', () => {
  test('GIVEN a workingDir equal to the project root, an env value and a build arg under it WHEN rendered THEN the values are kept and no internal error is reported', async () => {
    const result = await render({
      image: Image.build({ context: 'apps/devbox', tag: 'shop/web:1', args: { SRC: PROJECT_ROOT } }),
      workingDir: PROJECT_ROOT,
      env: { DATA: `${PROJECT_ROOT}/data` },
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const template = result.files.find((f) => f.path.endsWith('.template.json'));
    const container = JSON.parse(template!.content) as { Resources: Record<string, { Type: string; Properties: { ContainerDefinitions?: Array<Record<string, unknown>> } }> };
    const definition = Object.values(container.Resources).find((r) => r.Type === 'AWS::ECS::TaskDefinition')!.Properties.ContainerDefinitions![0];
    expect(definition.WorkingDirectory).toBe(PROJECT_ROOT);
    expect(definition.Environment).toEqual([{ Name: 'DATA', Value: `${PROJECT_ROOT}/data` }]);
    const assets = result.files.find((f) => f.path.endsWith('.assets.json'));
    const images = Object.values((JSON.parse(assets!.content) as { dockerImages: Record<string, { source: { directory: string; dockerBuildArgs: Record<string, string> } }> }).dockerImages);
    expect(images.map((i) => i.source.directory)).toEqual(['../../../apps/devbox']);
    expect(images.map((i) => i.source.dockerBuildArgs)).toEqual([{ SRC: PROJECT_ROOT }]);
  });

  test('GIVEN an existing build context without the named Dockerfile WHEN rendered THEN ecs/dockerfile-missing names the image, not an internal error', async () => {
    const result = await render({ image: Image.build({ context: 'apps/devbox', dockerfile: 'Dockerfile.prod', tag: 'shop/web:1' }) });
    expect(result.files).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.severity, d.path, d.message, d.fix])).toEqual([
      ['ecs/dockerfile-missing', 'error', 'shop/web image', 'the build context "apps/devbox" holds no "Dockerfile.prod"', 'Add the Dockerfile there, or name it with Image.build({ dockerfile }).'],
    ]);
  });

  test('GIVEN a build context that is a folder without any Dockerfile WHEN rendered THEN the same error names "Dockerfile"', async () => {
    const result = await render({ image: Image.build({ context: 'apps/devbox/src', tag: 'shop/web:1' }) });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual(['the build context "apps/devbox/src" holds no "Dockerfile"']);
  });
});
