import { composeTarget } from '../../lib/targets/compose';
import { composeSchemaErrors } from '../support/compose-validators';
import { contentApp, filesApp } from '../support/files-app';
import { renderWith } from '../support/target-kit';
import { renderCompose, serviceBlock } from './compose-test-kit';

describe('compose config files and secret files', () => {
  test('GIVEN a config file, a folder, a binary file and a secret file (secrets from files) WHEN rendered THEN configs and secrets at the model paths, and docker-compose accepts it', () => {
    const out = renderCompose(filesApp({ targetOptions: { compose: { secrets: 'files' } } }));
    expect(out.doc.configs).toEqual({
      'logo': { file: '../../../test/fixtures/files/logo.bin' },
      'nginx-conf': { file: '../../../test/fixtures/files/nginx.conf' },
      'pipeline_extra_output.conf': { file: '../../../test/fixtures/files/pipeline/extra/output.conf' },
      'pipeline_input.conf': { file: '../../../test/fixtures/files/pipeline/input.conf' },
    });
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
    expect(out.doc.secrets).toEqual({ 'db-password': { file: '../../../secrets/db-password' } });
  });

  test('GIVEN a secret file in env mode WHEN rendered THEN the secret comes from the environment variable at up, never a value, and the schema accepts it', () => {
    const { text, spec } = renderWith(composeTarget, filesApp(), (app) => `${app}/compose.yaml`);
    expect(spec.name).toBe('files');
    expect(text).toContain('secrets:\n  db-password:\n    environment: DB_PASSWORD\n');
    expect(text).toContain('      - mode: 292\n        source: db-password\n        target: /run/secrets/db-password\n');
    expect(composeSchemaErrors(text)).toEqual([]);
  });

  test('GIVEN inline content WHEN rendered THEN a config with that content, accepted by the schema', () => {
    const { text } = renderWith(composeTarget, contentApp(), (app) => `${app}/compose.yaml`);
    expect(text).toContain('configs:\n  app-conf:\n    content: |\n      level = debug\n');
    expect(composeSchemaErrors(text)).toEqual([]);
  });

  test('GIVEN the files app WHEN rendered THEN the service block reads as expected', () => {
    const out = renderCompose(filesApp({ targetOptions: { compose: { secrets: 'files' } } }));
    expect(serviceBlock(out, 'web')).toContain('    configs:\n      - mode: 288\n        source: nginx-conf\n        target: /etc/nginx/nginx.conf\n');
  });
});
