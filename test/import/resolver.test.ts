import { writeApp } from '../../lib/import/typescript/write-app';
import { findings, importText } from './support/import-kit';

describe('importing the resolver: dns, dns_search and dns_opt', () => {
  test('GIVEN dns_search as one domain and dns_opt as a list WHEN imported THEN the model carries { search, options }, and the TypeScript writes that object', () => {
    const imported = importText('services:\n  web:\n    image: nginx:1.27\n    restart: always\n    dns_search: Corp.Example.com\n    dns_opt: ["ndots:2", use-vc]\n');
    expect(findings(imported)).toEqual([]);
    expect(imported.system!.toSpec().services[0].dns).toEqual({ search: ['corp.example.com'], options: ['ndots:2', 'use-vc'] });
    expect(writeApp(imported.plan)).toContain("dns: { search: ['corp.example.com'], options: ['ndots:2', 'use-vc'] },");
  });

  test('GIVEN dns servers with dns_search WHEN imported THEN the servers join the object; servers alone stay a list', () => {
    const imported = importText('services:\n  a:\n    image: a:1\n    restart: always\n    dns: 10.0.0.2\n    dns_search: [corp.example.com]\n  b:\n    image: b:1\n    restart: always\n    dns: [1.1.1.1]\n');
    const [a, b] = imported.system!.toSpec().services;
    expect([a.dns, b.dns]).toEqual([{ servers: ['10.0.0.2'], search: ['corp.example.com'] }, { servers: ['1.1.1.1'] }]);
    const text = writeApp(imported.plan);
    expect(text).toContain("dns: { servers: ['10.0.0.2'], search: ['corp.example.com'] } });");
    expect(text).toContain("dns: ['1.1.1.1'] });");
  });

  test('GIVEN a search domain that is not a DNS name and an option with a space WHEN imported THEN each is reported with its fix and left out, the rest kept', () => {
    const imported = importText('services:\n  web:\n    image: nginx:1.27\n    restart: always\n    dns_search: [corp.example.com, "my domain"]\n    dns_opt: ["ndots 2", rotate]\n');
    const lines = imported.diagnostics.map((d) => [d.code, d.keyPath, d.message, d.fix]);
    expect(lines).toEqual([
      ['import/unsupported-value', 'services.web.dns_search[1]', '"my domain" is not a DNS name to search: it is left out.', 'Write e.g. corp.example.com.'],
      ['import/unsupported-value', 'services.web.dns_opt[0]', '"ndots 2" is not a resolver option (a name, then optionally : and a value): it is left out.', 'Write e.g. ndots:2 or use-vc.'],
    ]);
    expect(imported.system!.toSpec().services[0].dns).toEqual({ search: ['corp.example.com'], options: ['rotate'] });
  });

  test("GIVEN a sidecar with its own dns_search and dns_opt WHEN imported THEN each is reported as the main service's, and left out", () => {
    const imported = importText(
      'services:\n  app:\n    image: app:1\n    restart: always\n  proxy:\n    image: envoy:1\n    restart: always\n    network_mode: service:app\n    dns_search: [corp.example.com]\n    dns_opt: ["ndots:2"]\n',
    );
    expect(findings(imported).filter((f) => f.startsWith('import/sidecar-key'))).toEqual(['import/sidecar-key services.proxy.dns_search', 'import/sidecar-key services.proxy.dns_opt']);
    expect(imported.system!.toSpec().services[0].dns).toBeUndefined();
  });
});
