import * as fs from 'fs';
import * as path from 'path';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { ContainerSpec } from '../../model/spec';
import type { EcsReporter } from './codes';

/**
 * The image of a container: from a registry (private ones with repository credentials from Secrets Manager), or
 * built from a Dockerfile by `cdk deploy` and pushed to the bootstrap ECR repository. Undefined when the build
 * context is missing (an error).
 */
export function imageOf(c: ContainerSpec, secrets: ReadonlyMap<string, secretsmanager.ISecret>, projectRoot: string, d: EcsReporter): ecs.ContainerImage | undefined {
  const image = c.image;
  if (image.kind === 'registry') {
    const credentials = image.credentials !== undefined ? secrets.get(image.credentials) : undefined;
    return ecs.ContainerImage.fromRegistry(image.ref, credentials ? { credentials } : undefined);
  }
  const dir = path.resolve(projectRoot, image.context);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    d.report('ecs/build-context-missing', `${c.path} image`, `the build context ${JSON.stringify(image.context)} is not a directory under the project root`, 'Create it, or fix Image.build({ context }).');
    return undefined;
  }
  const file = path.resolve(dir, image.dockerfile);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    d.report('ecs/dockerfile-missing', `${c.path} image`, `the build context ${JSON.stringify(image.context)} holds no ${JSON.stringify(image.dockerfile)}`, 'Add the Dockerfile there, or name it with Image.build({ dockerfile }).');
    return undefined;
  }
  d.report('ecs/build-image', `${c.path} image`, `cdk deploy builds ${JSON.stringify(image.context)} and pushes it to the bootstrap ECR repository; the tag ${JSON.stringify(image.ref)} is not used`);
  if (image.credentials !== undefined) {
    d.report('ecs/build-credentials', `${c.path} image`, `the registry credentials ${JSON.stringify(image.credentials)} are not used: the task pulls the built image from ECR`);
  }
  return ecs.ContainerImage.fromAsset(dir, {
    file: image.dockerfile,
    buildArgs: Object.keys(image.args).length > 0 ? { ...image.args } : undefined,
    target: image.target,
  });
}
