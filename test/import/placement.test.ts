import { writeApp } from '../../lib/import/typescript/write-app';
import { parse } from 'yaml';
import { validateManifest } from '../support/kubernetes-validators';
import { stackConfigErrors } from '../support/swarm-validators';
import { fidelityOf, STACK_CORPUS } from './support/fidelity';
import { findings, importText } from './support/import-kit';

const service = (deploy: string) => `services:\n  web:\n    image: nginx:1.27\n    restart: always\n    deploy:\n${deploy}`;

describe('importing deploy.placement', () => {
  test('GIVEN constraints in Swarm\'s words, spread preferences and a cap per node WHEN imported THEN the model carries each rule typed, and the TypeScript writes it with Placement', () => {
    const imported = importText(
      service(
        '      replicas: 3\n      placement:\n        constraints:\n          - node.labels.zone == eu-1\n          - node.role!=manager\n          - node.hostname != db-1\n          - node.platform.os == linux\n          - node.platform.arch == aarch64\n          - engine.labels.operatingsystem == ubuntu 22.04\n          - node.id == x1y2\n        preferences:\n          - spread: node.labels.zone\n        max_replicas_per_node: 2\n',
      ),
    );
    expect(findings(imported)).toEqual([]);
    expect(imported.system!.toSpec().services[0].placement).toEqual({
      constraints: [
        { kind: 'node-label', label: 'zone', operator: '==', value: 'eu-1' },
        { kind: 'role', operator: '!=', value: 'manager' },
        { kind: 'hostname', operator: '!=', value: 'db-1' },
        { kind: 'os', operator: '==', value: 'linux' },
        { kind: 'arch', operator: '==', value: 'arm64' },
        { kind: 'engine-label', label: 'operatingsystem', operator: '==', value: 'ubuntu 22.04' },
        { kind: 'node-id', operator: '==', value: 'x1y2' },
      ],
      spread: ['zone'],
      maxReplicasPerNode: 2,
    });
    const app = writeApp(imported.plan);
    expect(app).toContain(
      "placement: {\n    constraints: [\n      Placement.nodeLabel('zone', 'eu-1'),\n      Placement.role('manager').not(),\n      Placement.hostname('db-1').not(),\n      Placement.os('linux'),\n      Placement.arch('arm64'),\n      Placement.engineLabel('operatingsystem', 'ubuntu 22.04'),\n      Placement.nodeId('x1y2'),\n    ],\n    spread: ['zone'],\n    maxReplicasPerNode: 2,\n  },",
    );
    expect(app).toMatch(/import \{[^}]*\bPlacement\b[^}]*\} from/);
  });

  test('GIVEN max_replicas_per_node 0, Swarm\'s no limit WHEN imported THEN no cap is kept', () => {
    const imported = importText(service('      placement:\n        max_replicas_per_node: 0\n'));
    expect([findings(imported), imported.system!.toSpec().services[0].placement]).toEqual([[], undefined]);
  });

  test.each([
    ['an attribute Swarm does not place on', '        constraints: [node.ip == 10.0.0.1]\n', 'import/unsupported-value services.web.deploy.placement.constraints[0]', 'the constraint "node.ip == 10.0.0.1" names node.ip, which is not an attribute Swarm places on (node.labels.*, engine.labels.*, node.hostname, node.id, node.role, node.platform.os, node.platform.arch): it is left out, and the service may run on any node.'],
    ['an architecture no target runs', '        constraints: [node.platform.arch == armv7l]\n', 'import/unsupported-value services.web.deploy.placement.constraints[0]', 'the constraint "node.platform.arch == armv7l" compares node.platform.arch with armv7l, which is not one of x86_64, amd64, aarch64, arm64: it is left out, and the service may run on any node.'],
    ['a constraint without an operator', '        constraints: [node.role]\n', 'import/unsupported-value services.web.deploy.placement.constraints[0]', 'the constraint "node.role" is not `<attribute> == <value>` or `<attribute> != <value>`: it is left out, and the service may run on any node.'],
    ['a spread over an engine label', '        preferences:\n          - spread: engine.labels.rack\n', 'import/unsupported-value services.web.deploy.placement.preferences[0].spread', 'spread over engine.labels.rack is not a spread over a node label (node.labels.<name>): it is left out, and each target spreads the replicas its own way.'],
  ])('GIVEN %s WHEN imported THEN a warning says it is left out', (_, placement, finding, message) => {
    const imported = importText(service(`      placement:\n${placement}`));
    expect(findings(imported)).toEqual([finding]);
    expect(imported.diagnostics[0].message).toBe(message);
    expect(imported.system!.toSpec().services[0].placement).toBeUndefined();
  });

  test('GIVEN a sidecar with its own placement WHEN imported THEN import/sidecar-key says it follows its main service', () => {
    const imported = importText(
      'services:\n  web:\n    image: nginx:1.27\n    restart: always\n  log:\n    image: busybox:1.36\n    restart: always\n    network_mode: service:web\n    deploy:\n      placement:\n        constraints: [node.role == worker]\n',
    );
    expect(findings(imported)).toContain('import/sidecar-key services.log.deploy.placement');
  });

  test('GIVEN the voting app\'s stack file (dockersamples/example-voting-app), whose database runs on a manager WHEN imported and rendered THEN Swarm keeps the rule, Kubernetes and ECS say why they leave it out, the outputs validate, and Compose refuses two replicas on one fixed host port', async () => {
    const r = await fidelityOf('voting-app-stack', STACK_CORPUS);
    // Swarm's routing mesh shares ports 5000 and 5001 among the replicas of vote and result; one Docker host cannot
    expect(r.errors.map((e) => e.split(':')[0]).sort()).toEqual([
      'docker/fixed-port-replicas voting-app-stack/result ports[0]',
      'docker/fixed-port-replicas voting-app-stack/vote ports[0]',
      'lint/fixed-port-replicas voting-app-stack/result ports[0]',
      'lint/fixed-port-replicas voting-app-stack/vote ports[0]',
    ]);
    const db = r.spec?.services.find((s) => s.name === 'db');
    expect(db?.placement).toEqual({ constraints: [{ kind: 'role', operator: '==', value: 'manager' }], spread: [] });
    const swarm = r.outputs.swarm!.files[0].content;
    expect(parse(swarm).services.db.deploy.placement).toEqual({ constraints: ['node.role == manager'] });
    expect(stackConfigErrors(swarm)).toEqual([]);
    expect(validateManifest(r.outputs.kubernetes!.files[0].content)).toEqual([]);
    expect(r.losses.filter((l) => l.where.startsWith('voting-app-stack/db placement')).map((l) => l.code)).toEqual(['ecs/placement', 'kubernetes/placement']);
    expect(r.imported.diagnostics.map((d) => d.keyPath)).not.toContain('services.db.deploy.placement');
  });
});
