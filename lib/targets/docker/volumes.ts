import { appLabel, volumeName } from './names';
import { dockerBytes } from './quantities';
import { propPath, type DockerScope } from './scope';
import { quote } from './shell';

/**
 * One `docker volume create` per persistent volume (it keeps an existing volume and its data). A local volume
 * has no size or storage class: both are noted.
 */
export function volumeLines(scope: DockerScope): string[] {
  return scope.spec.volumes.map((volume) => {
    scope.report(
      'docker/volume-size',
      propPath(volume.path, 'size'),
      `a local Docker volume has no size: ${dockerBytes(volume.sizeBytes)} is not enforced.`,
    );
    if (volume.storageClass !== undefined) {
      scope.report(
        'docker/volume-storage-class',
        propPath(volume.path, 'storageClass'),
        `storage class ${volume.storageClass} means nothing to docker volume create: the volume uses the local driver.`,
      );
    }
    return `docker volume create --label ${quote(appLabel(scope.spec))} ${quote(volumeName(scope.spec, volume.name))} >/dev/null`;
  });
}
