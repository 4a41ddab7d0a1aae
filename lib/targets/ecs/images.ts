import * as fs from 'fs';
import * as path from 'path';
import { Annotations } from 'aws-cdk-lib';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import { DockerImageAsset } from 'aws-cdk-lib/aws-ecr-assets';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { ContainerSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { secretRead } from './secrets';
import type { TaskRole } from './task-role';

/** Where a container's image comes from: a registry, or a Dockerfile that `cdk deploy` builds. */
export type ContainerImage =
  | { readonly kind: 'registry'; readonly name: string; readonly credentials?: secretsmanager.ISecret }
  | { readonly kind: 'asset'; readonly directory: string; readonly file: string; readonly buildArgs?: Record<string, string>; readonly target?: string };

/** An image in a private ECR repository, which aws-cdk-lib warns needs a pull policy of its own. */
const ECR_IMAGE = /(^[a-zA-Z0-9][a-zA-Z0-9-_]*)\.dkr\.ecr\.([a-zA-Z0-9][a-zA-Z0-9-_]*)\.amazonaws.com(\.cn)?\/.*/;

/** What ECR's pull of an image takes, beside a token for the registry. */
const PULL_ACTIONS = ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'];

/**
 * The image of a container: from a registry (private ones with repository credentials from Secrets Manager), or
 * built from a Dockerfile by `cdk deploy` and pushed to the bootstrap ECR repository. Undefined when the build
 * context is missing (an error).
 */
export function imageOf(c: ContainerSpec, secrets: ReadonlyMap<string, secretsmanager.ISecret>, projectRoot: string, d: EcsReporter): ContainerImage | undefined {
  const image = c.image;
  if (image.kind === 'registry') {
    const credentials = image.credentials !== undefined ? secrets.get(image.credentials) : undefined;
    return { kind: 'registry', name: image.ref, credentials };
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
  return { kind: 'asset', directory: dir, file: image.dockerfile, buildArgs: Object.keys(image.args).length > 0 ? { ...image.args } : undefined, target: image.target };
}

/** A container definition's image fields. */
type ImageFields = Pick<ecs.CfnTaskDefinition.ContainerDefinitionProperty, 'image' | 'repositoryCredentials'>;

/**
 * The image as one container of a task gets it, as aws-cdk-lib's container images bind: the task's execution role
 * may read the registry credentials, or pull the built image (which is built for each container that runs it, at
 * `<task>/<container>/AssetImage`).
 */
export function bindImage(image: ContainerImage, task: Construct, containerName: string, executionRole: () => TaskRole): ImageFields {
  if (image.kind === 'asset') {
    const asset = new DockerImageAsset(new Construct(task, containerName), 'AssetImage', { directory: image.directory, file: image.file, buildArgs: image.buildArgs, target: image.target });
    const role = executionRole();
    role.allow({ actions: PULL_ACTIONS, resources: [asset.repository.repositoryArn] });
    role.allow({ actions: ['ecr:GetAuthorizationToken'], resources: ['*'] });
    return { image: asset.imageUri };
  }
  if (ECR_IMAGE.test(image.name)) {
    Annotations.of(new Construct(task, containerName)).addWarningV2('@aws-cdk/aws-ecs:ecrImageRequiresPolicy', "Proper policies need to be attached before pulling from ECR repository, or use 'fromEcrRepository'.");
  }
  if (!image.credentials) return { image: image.name };
  executionRole().allow(secretRead(image.credentials));
  return { image: image.name, repositoryCredentials: { credentialsParameter: image.credentials.secretArn } };
}
