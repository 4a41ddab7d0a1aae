import { Interpolation } from '../../lib/targets/compose/document';
import { renderYaml } from '../../lib/targets/docker-engine/yaml';

describe('renderYaml', () => {
  test('GIVEN keys that a JS object would reorder WHEN rendered THEN every map is in code-unit order', () => {
    const out = renderYaml({ services: { web: { labels: { b: '1', '10': '2', '9': '3', A: '4' } } }, name: 'x' });
    expect(out).toBe('name: x\nservices:\n  web:\n    labels:\n      "10": "2"\n      "9": "3"\n      A: "4"\n      b: "1"\n');
  });

  test('GIVEN port strings and literals with $ WHEN rendered THEN ports are double-quoted, $ escaped, interpolations kept', () => {
    const out = renderYaml({
      ports: ['8080:80/tcp', '53/udp'],
      expose: ['9000'],
      command: ['echo', '$HOME', '20:30'],
      environment: { TOKEN: Interpolation.required('TOKEN', 'set TOKEN') },
    });
    expect(out).toBe(
      [
        'command:',
        '  - echo',
        '  - $$HOME',
        '  - "20:30"',
        'environment:',
        '  TOKEN: ${TOKEN:?set TOKEN}',
        'expose:',
        '  - "9000"',
        'ports:',
        '  - "8080:80/tcp"',
        '  - "53/udp"',
        '',
      ].join('\n'),
    );
  });
});
