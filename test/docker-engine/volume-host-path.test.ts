import { Image, Mount, Service, System, Volume } from '../../lib/model';
import { renderCompose } from '../compose/compose-test-kit';
import { formatLines } from '../../lib/diagnostics/pipeline';
import { renderDocker } from '../docker/docker-test-kit';
import { synthEcs } from '../ecs/support/ecs-kit';
import { render as renderKubernetes } from '../kubernetes/render';
import { modelErrorOf } from '../model/helpers';
import { validateManifest } from '../support/kubernetes-validators';
import { renderSwarm } from '../swarm/swarm-test-kit';

/** GIVEN a mail server whose data lives in the project folder ./docker-data/mail on a single host, and a backup job that reads it. */
function mailWithHostPath(): System {
  const sys = new System('shop');
  const mail = new Volume(sys, 'mail-data', { hostPath: './docker-data/mail' });
  new Service(sys, 'mailserver', { image: Image.of('mailserver/docker-mailserver:14'), mounts: [Mount.volume(mail, '/var/mail')] });
  new Service(sys, 'backup', { image: Image.of('busybox:1.36'), mounts: [Mount.volume(mail, '/backup/mail', { readOnly: true })] });
  return sys;
}

describe('Volume hostPath: a persistent volume that lives in a project folder on a single host', () => {
  test('GIVEN a host path WHEN the spec is made THEN the volume carries it, normalized, beside its users', () => {
    const sys = new System('shop');
    new Volume(sys, 'a', { hostPath: './docker-data/mail/' });
    new Volume(sys, 'b', { hostPath: './x/../data' });
    new Volume(sys, 'c', { hostPath: '../data/db' });
    expect(sys.toSpec().volumes.map((v) => v.hostPath)).toEqual(['./docker-data/mail', './data', '../data/db']);
    expect(mailWithHostPath().toSpec().volumes[0]).toMatchObject({ name: 'mail-data', hostPath: './docker-data/mail', users: ['backup', 'mailserver'] });
  });

  test.each<[string, unknown, string]>([
    ['an absolute path', '/srv/mail', "must be a folder relative to the project root, starting with './' or '../', without ':' or '\\'"],
    ['a path without ./', 'docker-data/mail', "must be a folder relative to the project root, starting with './' or '../', without ':' or '\\'"],
    ['a colon', './mail:rw', "must be a folder relative to the project root, starting with './' or '../', without ':' or '\\'"],
    ['a number', 5, "must be a folder relative to the project root, starting with './' or '../', without ':' or '\\'"],
    ['the project root', './', 'must name a folder, not the project root or a folder above it'],
    ['the folder above', '../', 'must name a folder, not the project root or a folder above it'],
  ])('GIVEN %s WHEN the volume is created THEN it fails with one located line', (_given, hostPath, problem) => {
    const message = modelErrorOf(() => new Volume(new System('shop'), 'mail-data', { hostPath: hostPath as string }));
    expect(message).toBe(`shop/mail-data hostPath: ${problem} (got ${JSON.stringify(hostPath)}). Write e.g. './docker-data/mail'.`);
    expect(message.split('\n')).toHaveLength(1);
  });

  test('GIVEN a host path WHEN rendered on Compose THEN each service binds the folder as a bind mount renders, no named volume is declared, and docker-compose accepts it', () => {
    const out = renderCompose(mailWithHostPath());
    // the compose file is written to dist/compose/shop: the folder is found from there, as a bind of ./docker-data/mail is
    expect(out.doc.services.mailserver.volumes).toEqual(['../../../docker-data/mail:/var/mail']);
    expect(out.doc.services.backup.volumes).toEqual(['../../../docker-data/mail:/backup/mail:ro']);
    const sys = new System('shop');
    const bound = new Service(sys, 'mailserver', { image: Image.of('mailserver/docker-mailserver:14'), mounts: [Mount.bind('./docker-data/mail', '/var/mail')] });
    expect(renderCompose(sys).doc.services[bound.name].volumes).toEqual(out.doc.services.mailserver.volumes);
    expect(out.doc.volumes).toBeUndefined();
    expect(out.codes).not.toContain('compose/volume-size');
  });

  test('GIVEN a host path beside a named volume WHEN rendered on Compose THEN only the named one is a top-level volume', () => {
    const sys = mailWithHostPath();
    const pgdata = new Volume(sys, 'pgdata');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), mounts: [Mount.volume(pgdata, '/var/lib/postgresql/data')] });
    expect(renderCompose(sys).doc.volumes).toEqual({ pgdata: {} });
  });

  test('GIVEN a host path WHEN rendered as a docker script THEN the folder is bound from the project root and no Docker volume is created', () => {
    const out = renderDocker(mailWithHostPath());
    expect(out.script).toContain('-v "$root"/docker-data/mail:/var/mail');
    expect(out.script).toContain('-v "$root"/docker-data/mail:/backup/mail:ro');
    expect(out.script).not.toContain('docker volume create');
    expect(out.codes).not.toContain('docker/volume-size');
  });

  test('GIVEN a host path WHEN rendered on Kubernetes THEN it is a schema-valid PersistentVolumeClaim, shared by both pods, with an info that the data lives in the claim', () => {
    const r = renderKubernetes(mailWithHostPath());
    expect(validateManifest(r.yaml)).toEqual([]);
    expect(r.get('PersistentVolumeClaim', 'mail-data').spec).toEqual({ accessModes: ['ReadWriteMany'], resources: { requests: { storage: '1Gi' } } });
    expect(r.pod('mailserver').spec.volumes).toEqual([{ name: 'mail-data', persistentVolumeClaim: { claimName: 'mail-data' } }]);
    expect(r.yaml).not.toContain('hostPath');
    const d = r.diagnostic('kubernetes/project-folder-claim');
    expect([d.severity, d.path]).toEqual(['info', 'shop/mail-data hostPath']);
    expect(d.message).toBe('the data of volume mail-data lives in the PersistentVolumeClaim mail-data, which starts empty, not in the project folder ./docker-data/mail that Compose and docker bind.');
    expect(d.fix).toBe('If ./docker-data/mail holds data to keep, copy it in once: kubectl cp ./docker-data/mail/. <pod of backup>:/backup/mail.');
    expect(r.codes).not.toContain('kubernetes/relative-bind');
  });

  // ECS: test/ecs/resources-storage.test.ts, beside the other EFS volumes

  test('GIVEN a host path WHEN rendered on Swarm THEN it is a named volume, which docker stack config accepts, with an info that the data lives there', () => {
    const out = renderSwarm(mailWithHostPath());
    expect(out.doc.volumes).toEqual({ 'mail-data': {} });
    expect(out.doc.services.mailserver.volumes).toEqual([{ type: 'volume', source: 'mail-data', target: '/var/mail' }]);
    const d = out.diagnostics.find((x) => x.code === 'swarm/project-folder-volume')!;
    expect([d.severity, d.path]).toEqual(['info', 'shop/mail-data hostPath']);
    expect(d.message).toBe('the data of volume mail-data lives in the named volume <stack>_mail-data of the node that runs the task, which starts empty, not in the project folder ./docker-data/mail that Compose and docker bind.');
    expect(d.fix).toBe('If ./docker-data/mail holds data to keep, copy it in once: docker cp ./docker-data/mail/. <container of backup>:/backup/mail on that node.');
    expect(out.codes).not.toContain('swarm/bind-relative');
  });

  test('GIVEN the notes of Kubernetes, ECS and Swarm WHEN printed together THEN each keeps its own line, with its own way to copy data in', () => {
    const spec = mailWithHostPath().toSpec();
    const notes = [...renderKubernetes(spec).diagnostics, ...synthEcs(spec).diagnostics, ...renderSwarm(spec).diagnostics].filter((d) => d.code.includes('/project-folder-'));
    const lines = formatLines(notes);
    expect(lines).toHaveLength(3);
    expect([lines.some((l) => l.includes('kubectl cp')), lines.some((l) => l.includes('AWS DataSync')), lines.some((l) => l.includes('docker cp'))]).toEqual([true, true, true]);
  });
});
