import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCompose } from '../../lib/import/compose';
import { parseDotenv } from '../../lib/import/compose/dotenv';
import { writeApp } from '../../lib/import/typescript/write-app';
import { findings, importText } from './support/import-kit';

/** Imports a compose file written into a fresh folder beside the given files, with no variables of the host. */
function importFolder(files: Record<string, string>, env: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-import-fidelity-'));
  try {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return loadCompose({ file: path.join(dir, 'compose.yaml'), projectRoot: dir, env, name: 'shop' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('importing how a container runs', () => {
  test('GIVEN container_name, hostname, stop_signal, stop_grace_period and platform WHEN imported THEN the model carries each, and the TypeScript says so', () => {
    const imported = importText(
      'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    container_name: front\n    hostname: web1\n    stop_signal: SIGQUIT\n    stop_grace_period: 1m30s\n    platform: linux/arm64\n',
    );
    expect(findings(imported)).toEqual([]);
    const w = imported.system!.toSpec().services[0];
    expect([w.containerName, w.hostname, w.stop, w.platform]).toEqual(['front', 'web1', { signal: 'SIGQUIT', gracePeriodSeconds: 90 }, { os: 'linux', architecture: 'arm64' }]);
    expect(writeApp(imported.plan)).toContain("containerName: 'front',\n  hostname: 'web1',\n  stop: { signal: 'SIGQUIT', gracePeriod: '1m30s' },\n  platform: 'linux/arm64',");
  });

  test('GIVEN init: true WHEN imported THEN the model carries it, and the TypeScript says so', () => {
    const imported = importText('services:\n  web:\n    image: node:20\n    restart: always\n    init: true\n');
    expect(findings(imported)).toEqual([]);
    expect(imported.system!.toSpec().services[0].init).toBe(true);
    expect(writeApp(imported.plan)).toContain("new Service(app, 'web', { image: Image.of('node:20'), init: true });");
  });

  test('GIVEN tty, stdin_open and sysctls as a list WHEN imported THEN the model carries them', () => {
    const imported = importText('services:\n  web:\n    image: nginx:1.27\n    restart: always\n    tty: true\n    stdin_open: true\n    sysctls:\n      - net.core.somaxconn=1024\n');
    expect(findings(imported)).toEqual([]);
    const w = imported.system!.toSpec().services[0];
    expect([w.tty, w.stdinOpen, w.sysctls]).toEqual([true, true, { 'net.core.somaxconn': '1024' }]);
  });

  test('GIVEN deploy.labels (Swarm Traefik) on a service with no port WHEN imported THEN they are service labels, apart from the container labels, and the Traefik port is inferred from them', () => {
    const imported = importText(
      'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    labels: [tier=web]\n    deploy:\n      labels:\n        - traefik.enable=true\n        - traefik.http.services.web.loadbalancer.server.port=8080\n  proxy:\n    image: nginx:1.27\n    restart: always\n    network_mode: service:web\n    deploy:\n      labels: { a: b }\n',
    );
    const w = imported.system!.toSpec().services[0];
    expect([w.serviceLabels, w.main.labels]).toEqual([{ 'traefik.enable': 'true', 'traefik.http.services.web.loadbalancer.server.port': '8080' }, { tier: 'web' }]);
    expect(w.main.ports.map((p) => p.containerPort)).toEqual([8080]);
    expect(findings(imported)).toEqual(['import/inferred-port services.web', 'import/sidecar services.proxy', 'import/sidecar-key services.proxy.deploy.labels']);
    expect(imported.diagnostics.map((d) => d.message)).toContain('web declares no port, and its deploy label traefik.http.services.web.loadbalancer.server.port says a proxy reaches it on 8080: port 8080 is imported, so that every target lets the proxy reach it.');
    expect(imported.diagnostics.map((d) => d.message)).toContain('a sidecar shares the service object (and its deploy.labels) of web: its own is left out.');
    expect(writeApp(imported.plan)).toContain("serviceLabels: { 'traefik.enable': 'true', 'traefik.http.services.web.loadbalancer.server.port': '8080' },");
  });

  test.each([
    ['a hostname that is not a DNS label', 'hostname: rabbitmq_host', 'import/unsupported-value services.web.hostname', 'hostname rabbitmq_host is not DNS labels joined by dots: it is left out, and the container sees its own id as its host name.'],
    ['a platform other than linux/amd64 and linux/arm64', 'platform: windows/amd64', 'import/unsupported-value services.web.platform', 'platform windows/amd64 is not one every target runs (linux/amd64, linux/arm64): it is left out, and the image runs on whatever the host is.'],
    ['a grace period that is not a duration', 'stop_grace_period: soon', 'import/unsupported-value services.web.stop_grace_period', 'soon is not a duration: the grace period is left to each target.'],
    ['a grace period in fractions of a second', 'stop_grace_period: 1500ms', 'import/duration-rounded services.web.stop_grace_period', '1500ms is rounded up to 2s: the model keeps whole seconds.'],
  ])('GIVEN %s WHEN imported THEN a warning says what happens', (_, line, finding, message) => {
    const imported = importText(`services:\n  web:\n    image: nginx:1.27\n    restart: always\n    ${line}\n`);
    expect(findings(imported)).toEqual([finding]);
    expect(imported.diagnostics[0].message).toBe(message);
  });

  test('GIVEN a service with ports and restart "no" WHEN imported THEN it is a Service that restarts no, and a job without ports stays a job', () => {
    const imported = importText('services:\n  api:\n    image: nginx:1.27\n    restart: "no"\n    ports: ["8000:8000"]\n  migrate:\n    image: nginx:1.27\n    restart: "no"\n');
    const spec = imported.system!.toSpec();
    expect([spec.services.map((s) => [s.name, s.restart.policy]), spec.jobs.map((j) => j.name)]).toEqual([[['api', 'no']], ['migrate']]);
  });

  test('GIVEN a build target WHEN imported THEN the image builds that stage', () => {
    const imported = importText('services:\n  web:\n    image: shop/web:1\n    restart: always\n    build:\n      context: .\n      target: builder\n');
    expect(imported.system!.toSpec().services[0].main.image).toMatchObject({ kind: 'build', target: 'builder' });
  });
});

describe('interpolation inside .env and env_file, and the legacy external form', () => {
  test('GIVEN a .env value that names an earlier one WHEN read THEN it is interpolated, and a single-quoted one is not', () => {
    expect(parseDotenv("BASE=1.27\nTAG=${BASE}-alpine\nRAW='${BASE}'\n", () => undefined).values).toEqual({ BASE: '1.27', TAG: '1.27-alpine', RAW: '${BASE}' });
  });

  test('GIVEN TAG=${BASE}-alpine in .env WHEN the file names nginx:${TAG} THEN the image is nginx:1.27-alpine', () => {
    const imported = importFolder({ '.env': 'BASE=1.27\nTAG=${BASE}-alpine\n', 'compose.yaml': 'services:\n  web:\n    image: nginx:${TAG}\n    restart: always\n' });
    expect(imported.system!.toSpec().services[0].main.image.ref).toBe('nginx:1.27-alpine');
  });

  test('GIVEN COMPOSE_PROFILES=${DOC_ENGINE} in an env_file WHEN imported THEN the container gets the value of DOC_ENGINE from .env', () => {
    const imported = importFolder({
      '.env': 'DOC_ENGINE=elasticsearch\n',
      'app.env': 'COMPOSE_PROFILES=${DOC_ENGINE}\n',
      'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    env_file: app.env\n',
    });
    expect(imported.system!.toSpec().services[0].main.env).toEqual({ COMPOSE_PROFILES: 'elasticsearch' });
  });

  test('GIVEN a variable of the importing host in a .env value WHEN read THEN it does not enter the value', () => {
    const imported = importFolder(
      { '.env': 'GREETING=hello-${HOST_USER}\n', 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    environment:\n      MSG: ${GREETING}\n' },
      { HOST_USER: 'alice' },
    );
    expect(imported.system!.toSpec().services[0].main.env).toEqual({ MSG: 'hello-' });
  });

  test('GIVEN external: { name: x } on a network and a volume WHEN imported THEN it reads as external with that name', () => {
    const imported = importText(
      'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    networks: [edge]\n    volumes: ["data:/data"]\nnetworks:\n  edge:\n    external:\n      name: proxy-net\nvolumes:\n  data:\n    external:\n      name: shared-data\n',
    );
    expect(findings(imported)).toEqual(['import/external networks.edge.external', 'import/external volumes.data.external']);
    expect(imported.diagnostics.map((d) => d.message)).toEqual([
      'the existing network proxy-net is not reused: the imported system creates its own network edge.',
      'the existing volume shared-data is not reused: the imported system creates its own volume data.',
    ]);
  });

  test('GIVEN driver bridge on a network and local on a volume WHEN imported THEN nothing is reported, and another driver is', () => {
    const base = 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    networks: [edge]\n    volumes: ["data:/data"]\nvolumes:\n  data:\n    driver: local\n';
    expect(findings(importText(`${base}networks:\n  edge:\n    driver: bridge\n`))).toEqual([]);
    expect(findings(importText(`${base}networks:\n  edge:\n    driver: macvlan\n`))).toEqual(['import/network-driver networks.edge.driver']);
  });
});
