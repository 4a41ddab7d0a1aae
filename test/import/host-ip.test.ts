import { writeApp } from '../../lib/import/typescript';
import { findings, importText } from './support/import-kit';

const COMPOSE = [
  'services:',
  '  db:',
  '    image: postgres:16.4',
  '    restart: always',
  '    ports: ["127.0.0.1:5432:5432", "[::1]:6432:6432", "0.0.0.0:7432:7432", "127.0.0.1::8432"]',
  '    expose: ["9432"]',
  '',
].join('\n');

describe('import: a host address in ports', () => {
  const imported = importText(COMPOSE);
  const ports = imported.system!.toSpec().services[0].main.ports;

  it('GIVEN ports bound to loopback WHEN imported THEN the model keeps the address, with no finding', () => {
    expect(findings(imported)).toEqual([]);
    expect(ports.map((p) => [p.name, p.publish, p.hostPort, p.hostIp, p.loopback])).toEqual([
      ['tcp-5432', 'fixed', 5432, '127.0.0.1', true],
      ['tcp-6432', 'fixed', 6432, '::1', true],
      ['tcp-7432', 'fixed', 7432, undefined, undefined],
      ['tcp-8432', 'dynamic', undefined, '127.0.0.1', true],
      ['tcp-9432', 'none', undefined, undefined, undefined],
    ]);
  });

  it('GIVEN the same file WHEN written as TypeScript THEN publish carries hostIp', () => {
    const text = writeApp(imported.plan, { source: 'compose.yaml' });
    expect(text).toContain("Port.tcp(5432).publish(5432, { hostIp: '127.0.0.1' })");
    expect(text).toContain("Port.tcp(6432).publish(6432, { hostIp: '::1' })");
    expect(text).toContain('Port.tcp(7432).publish(7432)');
    expect(text).toContain("Port.tcp(8432).publish(undefined, { hostIp: '127.0.0.1' })");
  });
});
