import * as path from 'path';
import { ConfigFile, Image, Mount, Service, System } from '../../lib/model';
import { projectPathsUsed } from '../../lib/synth/cache/project-files';

describe('the project paths an app follows (lading synth --watch watches them)', () => {
  test('GIVEN a built image and a config file WHEN listed THEN the build context, its Dockerfile and the config file are there', () => {
    const sys = new System('shop');
    const conf = new ConfigFile(sys, 'nginx', { file: 'test/fixtures/files/nginx.conf' });
    new Service(sys, 'web', { image: Image.build({ context: 'apps/devbox', tag: 'devbox:dev' }), mounts: [Mount.config(conf, '/etc/nginx/nginx.conf')] });
    const root = path.resolve('.');
    expect(projectPathsUsed(sys.toSpec(), root)).toEqual(
      [path.join(root, 'apps/devbox'), path.join(root, 'apps/devbox/Dockerfile'), path.join(root, 'test/fixtures/files/nginx.conf')].sort(),
    );
  });
});
