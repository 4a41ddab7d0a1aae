import { contentApp, filesApp } from '../support/files-app';
import { swarmTarget } from '../../lib/targets/swarm';
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

  test('GIVEN inline content WHEN rendered THEN its text is a file beside the stack file, configs/<config>, which the stack names by content hash', () => {
    const out = renderSwarm(contentApp());
    expect(out.codes).not.toContain('swarm/config-content');
    expect(out.doc.configs).toEqual({ 'app-conf': { file: 'configs/app-conf', name: expect.stringMatching(/^inline_app-conf-[0-9a-f]{12}$/) } });
    expect(out.doc.services.app.configs).toEqual([{ source: 'app-conf', target: '/etc/app.conf', mode: 0o444 }]);
    expect(out.result.files.map((f) => [f.path, f.content])).toEqual([
      ['inline/stack.yaml', out.yaml],
      ['inline/configs/app-conf', 'level = debug\n'],
    ]);
    expect(swarmTarget.outputsOf('inline')).toEqual(['inline/stack.yaml', 'inline/configs']);
  });
});
