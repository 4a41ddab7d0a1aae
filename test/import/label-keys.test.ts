import { importProject } from './support/import-project';

describe('a label key the model cannot hold', () => {
  test('GIVEN a label key with a space, in map and list form WHEN imported THEN that label is left out with a warning and the rest imports', () => {
    const imported = importProject(
      [
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    restart: always',
        '    labels:',
        '      "com.example/owner name": ops',
        '      com.example.tier: web',
        '    deploy:',
        '      labels:',
        '        - "traefik.enable=true"',
        '        - "my label=x"',
        '',
      ].join('\n'),
    );
    const web = imported.system!.toSpec().services[0];
    expect(web.main.labels).toEqual({ 'com.example.tier': 'web' });
    expect(web.serviceLabels).toEqual({ 'traefik.enable': 'true' });
    expect(imported.diagnostics.filter((d) => d.code === 'import/unsupported-value').map((d) => `${d.keyPath}: ${d.message} ${d.fix}`)).toEqual([
      `services.web.labels.com.example/owner name: label key "com.example/owner name" has whitespace or '=' in it, which the model's label keys do not: the label is left out. Write the key without them, e.g. "com.example/owner-name".`,
      `services.web.deploy.labels[1]: label key "my label" has whitespace or '=' in it, which the model's label keys do not: the label is left out. Write the key without them, e.g. "my-label".`,
    ]);
  });
});
