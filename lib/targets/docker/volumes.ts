import { namedDockerVolumes } from '../docker-engine/host-path-volumes';
import { localVolumeFindings } from '../docker-engine/volumes';
import { appLabel, volumeName } from './names';
import type { DockerScope } from './scope';
import { quote } from './shell';

/**
 * One `docker volume create` per persistent volume (it keeps an existing volume and its data), but for a volume
 * with a host path, which is a bind of its folder. A local volume has no size or storage class: both are noted.
 */
export function volumeLines(scope: DockerScope): string[] {
  return namedDockerVolumes(scope.spec).map((volume) => {
    for (const { prop, path, message } of localVolumeFindings(volume, { volume: 'a local Docker volume', reader: 'docker volume create' })) {
      scope.reporter.report(prop === 'size' ? 'docker/volume-size' : 'docker/volume-storage-class', path, message);
    }
    return `docker volume create --label ${quote(appLabel(scope.spec))} ${quote(volumeName(scope.spec, volume.name))} >/dev/null`;
  });
}
