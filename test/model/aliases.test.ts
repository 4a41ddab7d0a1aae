import { Image, Job, Port, Service, System } from '../../lib/model';
import { extraNames } from '../../lib/model/aliases';

const NGINX = Image.of('nginx:1.27');

describe('aliases: extra names other workloads reach a workload by', () => {
  test('GIVEN aliases and a container name WHEN resolved THEN the spec keeps the aliases in order and extraNames lists the container name first', () => {
    const sys = new System('shop');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432)], containerName: 'pg', aliases: ['database', 'postgres'] });
    const db = sys.toSpec().services[0];
    expect(db.aliases).toEqual(['database', 'postgres']);
    expect(extraNames(db)).toEqual(['pg', 'database', 'postgres']);
  });

  test('GIVEN no aliases WHEN resolved THEN the spec has no aliases key', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: NGINX, aliases: [] });
    expect('aliases' in sys.toSpec().services[0]).toBe(false);
  });

  test.each<[string, object, string]>([
    ['aliases as a string', { aliases: 'database' }, "shop/web aliases: must be a list of names (got \"database\"). Write e.g. aliases: ['database']."],
    ['an alias with _', { aliases: ['my_db'] }, "shop/web aliases[0]: an alias must be a DNS label: at most 63 lowercase letters, digits and '-', starting with a letter and ending with a letter or digit (got \"my_db\"). Write e.g. \"my-db\"."],
    ['an alias given twice', { aliases: ['a', 'b', 'a'] }, 'shop/web aliases[2]: alias given twice (got "a"). Give each alias once.'],
  ])('GIVEN %s WHEN constructed THEN it fails with the path, the value and the fix', (_, props, message) => {
    expect(() => new Service(new System('shop'), 'web', { image: NGINX, ...props })).toThrow(message);
  });

  test.each<[string, (sys: System) => void, string, string]>([
    ["another workload's name", (sys) => new Service(sys, 'db', { image: NGINX }), 'db', 'shop/web aliases[0]: alias already names shop/db (got "db"). Give each name to one workload.'],
    ["another workload's alias", (sys) => new Job(sys, 'db2', { image: NGINX, aliases: ['db'] }), 'db', 'shop/web aliases[0]: alias already names shop/db2 (got "db"). Give each name to one workload.'],
    ["another workload's container name", (sys) => new Service(sys, 'pg', { image: NGINX, containerName: 'db' }), 'db', 'shop/web aliases[0]: alias already names shop/pg containerName (got "db"). Give each name to one workload.'],
    ["a sidecar's Compose name", (sys) => new Service(sys, 'x', { image: NGINX }).addSidecar('db', { image: NGINX }), 'x-db', 'shop/web aliases[0]: alias already names shop/x/db (got "x-db"). Give each name to one workload.'],
  ])('GIVEN an alias that is %s WHEN the system is validated THEN it fails naming the owner', (_, other, alias, message) => {
    const sys = new System('shop');
    other(sys);
    new Service(sys, 'web', { image: NGINX, aliases: [alias] });
    expect(() => sys.toSpec()).toThrow(message);
  });

  test('GIVEN an alias that is the workload own name WHEN validated THEN it fails', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: NGINX, aliases: ['web'] });
    expect(() => sys.toSpec()).toThrow('shop/web aliases[0]: an alias cannot be the name of its own workload (got "web"). Remove it: the workload is reached by its name already.');
  });

  test('GIVEN aliases on the host network WHEN validated THEN it fails', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: NGINX, hostNetwork: true, aliases: ['front'] });
    expect(() => sys.toSpec()).toThrow('shop/web aliases[0]: a workload on the host network joins no network, so no other workload resolves its aliases (got "front"). Remove aliases, or hostNetwork.');
  });
});
