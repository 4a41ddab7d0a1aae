/** The registry host of a repository, as `docker login` names it: `ghcr.io`, or Docker Hub for `postgres`. */
export function registryHost(repository: string): string {
  const first = repository.split('/')[0];
  const isHost = repository.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  return isHost ? first : 'docker.io';
}
