import { propPath } from '../docker-engine/prop-path';
import { dockerBytes } from '../docker-engine/quantities';
import { appLabel, volumeName } from './names';
import type { DockerScope } from './scope';
import { quote } from './shell';

/**
 * One `docker volume create` per persistent volume (it keeps an existing volume and its data). A local volume
 * has no size or storage class: both are noted.
 */
export function volumeLines(scope: DockerScope): string[] {
  return scope.spec.volumes.map((volume) => {
    scope.reporter.report(
      'docker/volume-size',
      propPath(volume.path, 'size'),
      `a local Docker volume has no size: ${dockerBytes(volume.sizeBytes, 'lower')} is not enforced.`,
    );
    if (volume.storageClass !== undefined) {
      scope.reporter.report(
        'docker/volume-storage-class',
        propPath(volume.path, 'storageClass'),
        `storage class ${volume.storageClass} means nothing to docker volume create: the volume uses the local driver.`,
      );
    }
    return `docker volume create --label ${quote(appLabel(scope.spec))} ${quote(volumeName(scope.spec, volume.name))} >/dev/null`;
  });
}
