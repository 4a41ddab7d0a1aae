import type { RestartSpec } from '../../lib/model/spec';
import { registryHost } from '../../lib/targets/docker-engine/image';
import { dockerBytes, dockerCpus, duration } from '../../lib/targets/docker-engine/quantities';
import { restartFlag } from '../../lib/targets/docker-engine/restart';

describe("Docker's notation, shared by the Docker-engine targets", () => {
  test('GIVEN repositories WHEN their registry is named for docker login THEN Docker Hub is the default', () => {
    expect(registryHost('postgres')).toBe('docker.io');
    expect(registryHost('library/postgres')).toBe('docker.io');
    expect(registryHost('ghcr.io/org/app')).toBe('ghcr.io');
    expect(registryHost('localhost:5000/app')).toBe('localhost:5000');
  });

  test('GIVEN byte counts, millicores and seconds WHEN written in Docker notation THEN the largest exact unit, in the case asked for', () => {
    expect([1024 ** 3, 512 * 1024 ** 2, 64 * 1024, 1000, 1536 * 1024 ** 2].map((b) => dockerBytes(b, 'upper'))).toEqual(['1G', '512M', '64K', '1000b', '1536M']);
    expect([1024 ** 3, 10 * 1024 ** 2, 64 * 1024, 1000].map((b) => dockerBytes(b, 'lower'))).toEqual(['1g', '10m', '64k', '1000b']);
    expect([500, 1000, 1250, 1].map(dockerCpus)).toEqual(['0.5', '1', '1.25', '0.001']);
    expect([0, 10, 90].map(duration)).toEqual(['0s', '10s', '90s']);
  });

  test('GIVEN every restart policy WHEN written for --restart THEN the retries only with on-failure:N', () => {
    const policies: RestartSpec[] = [
      { policy: 'always' },
      { policy: 'unless-stopped' },
      { policy: 'no' },
      { policy: 'on-failure' },
      { policy: 'on-failure', maxRetries: 3 },
    ];
    expect(policies.map(restartFlag)).toEqual(['always', 'unless-stopped', 'no', 'on-failure', 'on-failure:3']);
  });
});
