import { httpProbe, shellQuote, tcpProbe } from '../../lib/docker-notation/health-probes';
import { HealthCheck, Image, Service, System } from '../../lib/model';
import type { HealthCheckSpec } from '../../lib/model/spec';
import { probeLine, probeToolText, type ProbeCheck } from '../../lib/targets/docker-engine/health';

function specOf(check: HealthCheck): HealthCheckSpec {
  const sys = new System('shop');
  new Service(sys, 'web', { image: Image.of('nginx:1.27'), health: check });
  const health = sys.toSpec().services[0].main.health;
  if (!health) throw new Error('no health check in the spec');
  return health;
}

function probeOf(check: HealthCheck): ProbeCheck {
  const health = specOf(check);
  if (health.kind === 'command') throw new Error('a command check has no probe');
  return health;
}

describe('Docker engine health probes', () => {
  test('GIVEN words with and without a quote WHEN quoted for sh THEN always in single quotes, an inner quote closed and escaped', () => {
    expect(shellQuote('http://127.0.0.1:80/')).toBe("'http://127.0.0.1:80/'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });

  test('GIVEN an http check WHEN written as a probe THEN curl, then wget, with the URL quoted by the quote given', () => {
    const check = probeOf(HealthCheck.http('/healthz', 8080));
    expect(probeLine(check, shellQuote)).toBe(
      "curl -fsS -o /dev/null 'http://127.0.0.1:8080/healthz' || wget -q -O /dev/null 'http://127.0.0.1:8080/healthz' || exit 1",
    );
    expect(probeLine(check, (w) => w)).toBe(httpProbe(8080, '/healthz', (w) => w));
    expect(probeLine(check, (w) => w)).toContain('curl -fsS -o /dev/null http://127.0.0.1:8080/healthz ||');
  });

  test('GIVEN a tcp check WHEN written as a probe THEN nc, then bash /dev/tcp, whatever the quote', () => {
    const check = probeOf(HealthCheck.tcp(5432));
    expect(probeLine(check, shellQuote)).toBe("nc -z 127.0.0.1 5432 || bash -c '</dev/tcp/127.0.0.1/5432' || exit 1");
    expect(probeLine(check, (w) => `"${w}"`)).toBe(tcpProbe(5432));
  });

  test('GIVEN a probe WHEN worded THEN one text for every Docker engine target, with the tools the probe needs', () => {
    const http = probeOf(HealthCheck.http('/', 80));
    const tcp = probeOf(HealthCheck.tcp(53));
    expect(probeToolText(http, 'LINE')).toEqual([
      'Docker has no http health check: it runs `LINE` in the container, so the image must contain curl or wget.',
      'Use HealthCheck.command with a tool the image has.',
    ]);
    expect(probeToolText(tcp, 'LINE')[0]).toBe('Docker has no tcp health check: it runs `LINE` in the container, so the image must contain nc or bash.');
  });
});
