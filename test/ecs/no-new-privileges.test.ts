import { Image, Security, Service, System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { codes, containersOf, find, synthEcs, templateOf } from './support/ecs-kit';

const restricted = (options?: ConstructorParameters<typeof System>[1]): SystemSpec => {
  const sys = new System('shop', options);
  new Service(sys, 'web', { image: Image.of('nginx:1.27'), security: Security.restricted({ user: '10001' }) });
  return sys.toSpec();
};

describe('ECS: no new privileges', () => {
  test('GIVEN noNewPrivileges on the EC2 launch type WHEN rendered THEN the container definition carries it as a Docker security option', () => {
    const t = templateOf(restricted({ targetOptions: { ecs: { launchType: 'ec2' } } }));
    expect(containersOf(t, 'shop-web')[0].DockerSecurityOptions).toEqual(['no-new-privileges']);
  });

  test('GIVEN noNewPrivileges on Fargate WHEN rendered THEN an info says Fargate cannot carry it and names the EC2 option; no security option is written', () => {
    const { template, diagnostics } = synthEcs(restricted());
    const d = find(diagnostics, 'ecs/no-new-privileges-fargate');
    expect(d.severity).toBe('info');
    expect(d.path).toBe('shop/web security.noNewPrivileges');
    expect(d.message).toBe('Fargate cannot forbid new privileges to web: its task definitions take no Docker security options, so setuid programs in the image can still gain privileges (got true).');
    expect(d.fix).toBe("Set targetOptions.ecs.launchType 'ec2' on the System to keep no-new-privileges, or drop the capabilities the image does not need (security.capabilities.drop: ['ALL']).");
    expect(containersOf(template!, 'shop-web')[0]).not.toHaveProperty('DockerSecurityOptions');
  });

  test('GIVEN no noNewPrivileges WHEN rendered THEN neither the option nor the info', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27') });
    const { template, diagnostics } = synthEcs(sys.toSpec());
    expect(codes(diagnostics)).not.toContain('ecs/no-new-privileges-fargate');
    expect(containersOf(template!, 'shop-web')[0]).not.toHaveProperty('DockerSecurityOptions');
  });
});
