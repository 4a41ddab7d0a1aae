import { Image, Placement, Service, System } from '../../lib/model';

const NGINX = Image.of('nginx:1.27');

describe('placement: which nodes run a workload', () => {
  test('GIVEN every kind of rule, spread labels and a cap WHEN resolved THEN the spec carries them in order', () => {
    const sys = new System('shop');
    new Service(sys, 'web', {
      image: NGINX,
      replicas: 3,
      placement: {
        constraints: [Placement.nodeLabel('zone', 'eu-1'), Placement.role('worker'), Placement.hostname('db-1').not(), Placement.os('linux'), Placement.arch('arm64'), Placement.engineLabel('disk', 'ssd'), Placement.nodeId('abc123')],
        spread: ['zone', 'rack'],
        maxReplicasPerNode: 1,
      },
    });
    expect(sys.toSpec().services[0].placement).toEqual({
      constraints: [
        { kind: 'node-label', label: 'zone', operator: '==', value: 'eu-1' },
        { kind: 'role', operator: '==', value: 'worker' },
        { kind: 'hostname', operator: '!=', value: 'db-1' },
        { kind: 'os', operator: '==', value: 'linux' },
        { kind: 'arch', operator: '==', value: 'arm64' },
        { kind: 'engine-label', label: 'disk', operator: '==', value: 'ssd' },
        { kind: 'node-id', operator: '==', value: 'abc123' },
      ],
      spread: ['zone', 'rack'],
      maxReplicasPerNode: 1,
    });
  });

  test('GIVEN an empty placement WHEN resolved THEN the spec has none', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: NGINX, placement: {} });
    expect(sys.toSpec().services[0].placement).toBeUndefined();
  });

  test.each<[string, object, string]>([
    ['placement as a list', { placement: [Placement.role('worker')] }, 'shop/web placement: must be { constraints, spread, maxReplicasPerNode } (got [{"_spec":{"kind":"role","operator":"==","value":"worker"}}]). Write e.g. placement: { constraints: [Placement.nodeLabel(\'zone\', \'eu-1\')] }.'],
    ['a typo in a placement prop', { placement: { constraint: [] } }, "shop/web placement: unknown prop 'constraint' (did you mean 'constraints'?)"],
    ['a constraint written as text', { placement: { constraints: ['node.role == worker'] } }, 'shop/web placement.constraints[0]: must be a Placement (got "node.role == worker"). Write e.g. Placement.nodeLabel(\'zone\', \'eu-1\').'],
    ['a role that is neither', { placement: { constraints: [Placement.role('leader' as 'manager')] } }, "shop/web placement.constraints[0]: role must be manager or worker (got \"leader\"). Write e.g. Placement.role('manager')."],
    ['an architecture by its uname name', { placement: { constraints: [Placement.arch('x86_64' as 'amd64')] } }, "shop/web placement.constraints[0]: arch must be amd64 or arm64 (got \"x86_64\"). Write e.g. Placement.arch('amd64')."],
    ['a label with a space', { placement: { constraints: [Placement.nodeLabel('my zone', 'eu-1')] } }, "shop/web placement.constraints[0]: a label name is letters, digits, ., _, / and -, starting and ending with a letter or digit (got \"my zone\"). Write e.g. Placement.nodeLabel('zone', 'eu-1')."],
    ['an empty value', { placement: { constraints: [Placement.hostname('')] } }, "shop/web placement.constraints[0]: a value is a non-empty string without surrounding spaces, = or ! (got \"\"). Write e.g. Placement.nodeLabel('zone', 'eu-1')."],
    ['a spread over a label written twice', { placement: { spread: ['zone', 'zone'] } }, 'shop/web placement.spread[1]: label listed twice (got "zone"). List each label once.'],
    ['a spread over a Swarm attribute', { placement: { spread: ['node.labels.zone '] } }, "shop/web placement.spread[0]: must be a node label name: letters, digits, ., _, / and - (got \"node.labels.zone \"). Write e.g. 'zone'."],
    ['no replica per node', { placement: { maxReplicasPerNode: 0 } }, 'shop/web placement.maxReplicasPerNode: must be a whole number of at least 1 (got 0). Write e.g. maxReplicasPerNode: 1.'],
    ['an architecture the platform contradicts', { platform: 'linux/amd64', placement: { constraints: [Placement.arch('arm64')] } }, 'shop/web placement.constraints[0]: no node meets arch == arm64 and runs platform linux/amd64 (got "arm64"). Remove the constraint or change platform.'],
  ])('GIVEN %s WHEN constructed THEN it fails with the path, the value and the fix', (_, props, message) => {
    expect(() => new Service(new System('shop'), 'web', { image: NGINX, ...props })).toThrow(message);
  });

  test('GIVEN an architecture the platform agrees with WHEN constructed THEN both are kept', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: NGINX, platform: 'linux/arm64', placement: { constraints: [Placement.arch('amd64').not(), Placement.os('linux')] } });
    expect(sys.toSpec().services[0].placement?.constraints.map((c) => `${c.kind} ${c.operator} ${c.value}`)).toEqual(['arch != amd64', 'os == linux']);
  });
});
