import { importProject } from './support/import-project';

describe('the version-1 format: services at the top level', () => {
  test('GIVEN services with no services: key WHEN imported THEN one line names them and says to indent them', () => {
    const v1 = ['db:', '  image: postgres:16', 'cache:', '  image: redis:7', 'web:', '  image: nginx:1.27', '  links:', '    - db', '    - cache', ''].join('\n');
    expect(() => importProject(v1)).toThrow(
      'compose.yaml:1 db: this is the version-1 format, with the services (db, cache, web) at the top level, which Compose no longer reads: indent them under a top-level services: key',
    );
  });

  test('GIVEN a file with neither services nor service-like keys WHEN imported THEN it still says a file needs services', () => {
    expect(() => importProject('x-defaults:\n  image: nginx:1.27\nvolumes:\n  data: {}\n')).toThrow('services: a compose file needs services');
  });
});
