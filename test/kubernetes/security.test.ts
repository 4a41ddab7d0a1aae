import { Image, Job, Security, Service, System } from '../../lib/model';
import { render } from './render';

const image = Image.of('nginx:1.27');

describe('Kubernetes container securityContext', () => {
  test('GIVEN the full security vocabulary WHEN rendered THEN runAsUser, runAsGroup, runAsNonRoot, readOnlyRootFilesystem, allowPrivilegeEscalation and capabilities', () => {
    const sys = new System('shop');
    new Service(sys, 'web', {
      image,
      security: { user: '101:102', readOnlyRootFilesystem: true, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, noNewPrivileges: true },
    });
    expect(render(sys).container('web').securityContext).toEqual({
      runAsUser: 101,
      runAsGroup: 102,
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
    });
  });

  test('GIVEN user 0 WHEN rendered THEN runAsUser 0 and no runAsNonRoot', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, security: { user: '0' } });
    expect(render(sys).container('web').securityContext).toEqual({ runAsUser: 0 });
  });

  test('GIVEN no security WHEN rendered THEN no securityContext', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image });
    expect(render(sys).container('web')).not.toHaveProperty('securityContext');
  });

  test('GIVEN a job and a sidecar with Security.restricted WHEN rendered THEN both containers carry it', () => {
    const sys = new System('shop');
    const web = new Service(sys, 'web', { image });
    web.addSidecar('shipper', { image: Image.of('fluent/fluent-bit:3.0'), security: Security.restricted({ user: '10001' }) });
    new Job(sys, 'migrate', { image: Image.of('shop/migrate:1.0'), security: Security.restricted({ user: '10001' }) });
    const r = render(sys);
    const restricted = { runAsUser: 10001, runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
    expect(r.container('web', 'shipper').securityContext).toEqual(restricted);
    expect(r.container('migrate').securityContext).toEqual(restricted);
  });
});
