import { writeApp } from '../../lib/import/typescript/write-app';
import { findings, importText } from './support/import-kit';

const withHealth = (timings: string): string =>
  `services:\n  db:\n    image: postgres:16.4\n    restart: always\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n${timings}`;

describe('importing a health check start interval', () => {
  test('GIVEN start_interval with start_period WHEN imported THEN the model carries startInterval, and the TypeScript writes it', () => {
    const imported = importText(withHealth('      start_period: 1m\n      start_interval: 2s\n'));
    expect(findings(imported)).toEqual([]);
    const health = imported.system!.toSpec().services[0].main.health!;
    expect([health.startPeriodSeconds, health.startIntervalSeconds]).toEqual([60, 2]);
    expect(writeApp(imported.plan)).toContain("health: HealthCheck.command(['pg_isready'], { startPeriod: '1m', startInterval: '2s' }),");
  });

  test('GIVEN start_interval without start_period WHEN imported THEN it is reported as doing nothing, and left out', () => {
    const imported = importText(withHealth('      start_interval: 2s\n'));
    expect(imported.diagnostics.map((d) => [d.code, d.keyPath, d.message, d.fix])).toEqual([
      [
        'import/unsupported-value',
        'services.db.healthcheck.start_interval',
        'start_interval applies during start_period only, and there is none: it does nothing, and is left out.',
        'Set start_period too, e.g. 30s, if the first checks must come sooner.',
      ],
    ]);
    expect(imported.system!.toSpec().services[0].main.health!.startIntervalSeconds).toBeUndefined();
  });

  test('GIVEN start_interval 0 (the engine default) or under a second WHEN imported THEN 0 is no interval, and 500ms is rounded up to 1s with a warning', () => {
    expect(importText(withHealth('      start_period: 30s\n      start_interval: 0s\n')).system!.toSpec().services[0].main.health!.startIntervalSeconds).toBeUndefined();
    const rounded = importText(withHealth('      start_period: 30s\n      start_interval: 500ms\n'));
    expect(findings(rounded)).toEqual(['import/duration-rounded services.db.healthcheck.start_interval']);
    expect(rounded.system!.toSpec().services[0].main.health!.startIntervalSeconds).toBe(1);
  });
});
