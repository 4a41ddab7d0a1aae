import { contentApp, filesApp } from '../support/files-app';
import { renderSwarm, withCode } from './swarm-test-kit';

describe('swarm config files and secret files', () => {
  test('GIVEN a config file, a folder, a binary file and a secret file WHEN rendered THEN configs named by content hash and an external secret, at the model paths, accepted by docker stack config', () => {
    const out = renderSwarm(filesApp());
    expect(out.doc.configs['nginx-conf']).toEqual({ file: '../../../test/fixtures/files/nginx.conf', name: expect.stringMatching(/^files_nginx-conf-[0-9a-f]{12}$/) });
    expect(Object.keys(out.doc.configs)).toEqual(['logo', 'nginx-conf', 'pipeline_extra_output.conf', 'pipeline_input.conf']);
    expect(out.doc.services.web.configs).toEqual([
      { source: 'nginx-conf', target: '/etc/nginx/nginx.conf', mode: 0o440 },
      { source: 'pipeline_extra_output.conf', target: '/etc/logstash/pipeline/extra/output.conf', mode: 0o444 },
      { source: 'pipeline_input.conf', target: '/etc/logstash/pipeline/input.conf', mode: 0o444 },
      { source: 'logo', target: '/usr/share/web/logo.bin', mode: 0o444 },
    ]);
    expect(out.doc.services.web.secrets).toEqual([
      { source: 'db-password', target: 'DB_PASSWORD' },
      { source: 'db-password', target: '/run/secrets/db-password', mode: 0o444 },
    ]);
    expect(out.doc.secrets).toEqual({ 'db-password': { external: true, name: 'files_db-password' } });
    expect(withCode(out, 'swarm/secret-external')).toHaveLength(1);
  });

  test('GIVEN inline content WHEN rendered THEN swarm/config-content, an error with the fix, and no stack file', () => {
    const out = renderSwarm(contentApp());
    expect(out.yaml).toBe('');
    expect(withCode(out, 'swarm/config-content').map((d) => [d.severity, d.path, d.message, d.fix])).toEqual([
      [
        'error',
        'inline/app-conf content',
        'a stack file cannot carry the text of config app-conf: `docker stack deploy` reads configs from files.',
        "Put the text in a project file and create the ConfigFile with { file: 'path/in/the/project' }.",
      ],
    ]);
  });
});
