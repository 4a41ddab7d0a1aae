import { dump } from 'js-yaml';
import { DUMP_OPTIONS, writeDocument } from '../../lib/targets/kubernetes/yaml-writer';

describe('Kubernetes: the YAML writer of manifest documents', () => {
  const tricky = [
    // YAML 1.1 booleans and nulls, numbers, times and octals as strings
    'yes', 'No', 'ON', 'off', 'y', 'N', 'true', 'False', 'null', 'NULL', '~', '0755', '1:20', '8080', '1e3', '.inf', '.NaN', '0x1F', '2024-01-01',
    // indicators, comments, quotes and document markers
    '', ' ', ' leading', 'trailing ', 'a: b', 'a:', '#x', 'x #y', '- x', '-', '*ref', '&a', '!tag', '|', '>', '%x', '@x', '`x`', '"q"', "'s'", 'back\\slash', '--- x', '...', '=', '<<', '[a]', '{a}', 'a,b',
    // several lines, tabs, beyond ASCII, long
    'a\nb', 'a\n', '\n', 'tab\there', 'café', '\u2028', 'x'.repeat(300),
    // the plain names a manifest is made of
    'web', 'app.kubernetes.io/name', 'registry.example.com/team-1/svc-0001:1.1.0', 'svc-0001:8001', 'http://a/b', '250m', '256Mi', '/bin/check',
    'until nc -z -w 2 db 5432; do echo waiting for db:5432; sleep 2; done', 'a b', 'x  y', 'x y:', 'x :y', 'x y #z', 'x, y', 'a=b c=d',
    '0', '007', '09', '8080', '123456789012345678901234567890', '-1', '+1', '1_000', '0o17', '0b1', '1.5', '6e3',
  ];
  const numbers = [0, -0, 1, -1, 8080, 65534, -65534, 2 ** 53 - 1, 0.25, 1e21, 2 ** 53, -1.5e-7, NaN, Infinity, -Infinity];

  test('GIVEN strings YAML could read as something else, numbers, and every shape of collection WHEN written THEN the bytes are js-yaml dump', () => {
    const documents: unknown[] = [
      Object.fromEntries(tricky.map((s, i) => [`k${i}`, s])),
      Object.fromEntries(tricky.map((s, i) => [s, i])),
      { values: tricky, numbers, flags: [true, false, null] },
      { nested: [{ a: 1, b: [1, [2, [3, {}]], []] }, [[{ c: { d: [] } }]], {}, [], 'x'], empty: {}, none: [] },
      [{ a: 1 }, [1, 2], 'top'],
      {},
      [],
      { kind: 'Deployment', metadata: { name: 'web', labels: { 'app.kubernetes.io/name': 'web' } }, spec: { replicas: 2 } },
    ];
    for (const doc of documents) expect(writeDocument(doc)).toBe(dump(doc, DUMP_OPTIONS));
    for (const value of [...tricky, ...numbers]) expect(writeDocument({ value })).toBe(dump({ value }, DUMP_OPTIONS));
  });

  test('GIVEN a value JSON does not have WHEN written THEN js-yaml writes the document, as it would', () => {
    const doc = { when: new Date(0), missing: undefined, name: 'web' };
    expect(writeDocument(doc)).toBe(dump(doc, DUMP_OPTIONS));
  });
});
