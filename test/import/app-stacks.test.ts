import { findings, importText } from './support/import-kit';

/** What application stacks as developers write them (web, database, cache, worker) need from the import. */
describe('importing application stacks', () => {
  test('GIVEN a healthcheck with more retries than ECS accepts (retries: 50) WHEN imported THEN the model keeps 50, as Docker does', () => {
    const imported = importText(
      'services:\n  redis:\n    image: redis:7\n    restart: always\n    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n      interval: 5s\n      timeout: 3s\n      retries: 50\n',
    );
    expect(findings(imported)).toEqual([]);
    expect(imported.system!.toSpec().services[0].main.health?.retries).toBe(50);
  });

  test('GIVEN platform, hostname and container_name that ${VAR:-} leaves empty WHEN imported THEN each is as if not set, with no finding', () => {
    const imported = importText(
      'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    platform: ${DOCKER_PLATFORM:-}\n    hostname: "${MAIL_HOST:-}"\n    container_name: ${NAME:-}\n',
    );
    expect(findings(imported)).toEqual([]);
    const w = imported.system!.toSpec().services[0];
    expect([w.platform, w.hostname, w.containerName]).toEqual([undefined, undefined, undefined]);
  });

  test('GIVEN a migration step with no restart policy that web waits to complete WHEN imported THEN it is a one-shot job and web waits for it to complete', () => {
    const imported = importText(
      'services:\n  migrate:\n    image: shop:1\n    command: python manage.py migrate\n  web:\n    image: shop:1\n    restart: always\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n',
    );
    expect(imported.diagnostics.map((d) => `${d.code} ${d.keyPath}: ${d.message}`)).toEqual([
      'import/restart-default services.migrate: migrate names no restart policy and a service waits for it to complete: it is imported as a one-shot job (restart "no"), as Compose runs it.',
    ]);
    const spec = imported.system!.toSpec();
    expect(spec.jobs.map((j) => [j.name, j.restart])).toEqual([['migrate', { policy: 'no' }]]);
    expect(spec.services[0].dependsOn).toEqual([{ kind: 'job', name: 'migrate', condition: 'completed' }]);
  });
});
