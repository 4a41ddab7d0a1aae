import { parse } from 'yaml';
import { writeApp } from '../../lib/import/typescript';
import { fidelityOf, outputText, type FidelityResult } from './support/fidelity';
import { importText } from './support/import-kit';

describe('the name of a network that the file names (`name:`)', () => {
  let temporal: FidelityResult;
  beforeAll(async () => {
    temporal = await fidelityOf('temporal');
  }, 120_000);

  test('GIVEN temporal (temporal-network, name: temporal-network) WHEN imported THEN the network keeps its Docker name on Compose, Swarm and docker, and nothing is left out', () => {
    expect(temporal.spec?.networks.map((n) => [n.name, n.dockerName])).toEqual([['temporal-network', 'temporal-network']]);
    expect(parse(outputText(temporal, 'compose')).networks).toEqual({ 'temporal-network': { name: 'temporal-network' } });
    expect(parse(outputText(temporal, 'swarm')).networks['temporal-network']).toEqual({ driver: 'overlay', name: 'temporal-network' });
    expect(outputText(temporal, 'docker')).toContain('docker network create --label lading.app=temporal temporal-network >/dev/null');
    expect(outputText(temporal, 'docker')).not.toContain('temporal-temporal-network');
    expect(temporal.imported.diagnostics.filter((d) => d.keyPath.startsWith('networks.temporal-network'))).toEqual([]);
  });

  test('GIVEN a name Docker does not accept WHEN imported THEN a warning says the network keeps the name each target gives it', () => {
    const imported = importText(['services:', '  app:', '    image: app:1.0', '    restart: always', '    networks: [back]', 'networks:', '  back:', '    name: "shop back"'].join('\n'));
    expect(imported.system?.toSpec().networks.map((n) => [n.name, n.dockerName])).toEqual([['back', undefined]]);
    expect(imported.diagnostics.map((d) => [d.code, d.keyPath, d.message, d.fix])).toEqual([
      [
        'import/unsupported-value',
        'networks.back.name',
        '"shop back" is not a Docker network name (letters, digits, _ . and -, starting with a letter or digit): network back keeps the name each target gives it.',
        'Write a name Docker accepts, e.g. name: shop_backend.',
      ],
    ]);
  });

  test('GIVEN a name on the default network WHEN imported THEN it is left out with a warning: the model\'s default network has no name of its own', () => {
    const imported = importText(['services:', '  app:', '    image: app:1.0', '    restart: always', 'networks:', '  default:', '    name: shop_default'].join('\n'));
    expect(imported.diagnostics.map((d) => [d.code, d.keyPath])).toEqual([['import/unsupported-key', 'networks.default.name']]);
  });

  test('GIVEN a named internal network WHEN written as TypeScript THEN the Network carries dockerName beside internal', () => {
    const imported = importText(['services:', '  app:', '    image: app:1.0', '    restart: always', '    networks: [back]', 'networks:', '  back:', '    internal: true', '    name: shop_back'].join('\n'));
    expect(writeApp(imported.plan, { source: 'compose.yaml' })).toContain("new Network(app, 'back', { internal: true, dockerName: 'shop_back' });");
  });
});
