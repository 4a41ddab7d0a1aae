import { Match } from 'aws-cdk-lib/assertions';
import { Image, Port, Service, System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { find, synthEcs, templateOf, withEcs } from './support/ecs-kit';

const ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666';

/** Two services behind one host, by path. */
function shop(webPort = Port.http(80).route('https://shop.example.com/')): SystemSpec {
  const sys = new System('shop');
  new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [webPort] });
  new Service(sys, 'api', { image: Image.of('ghcr.io/example/api:1.0'), ports: [Port.http(8000).route('https://shop.example.com/api')] });
  return sys.toSpec();
}

describe('ECS: routes', () => {
  test('GIVEN https routes and a certificate ARN WHEN rendered THEN one ALB: HTTPS 443 with a rule per host and path, longest first, and HTTP 80 redirecting to HTTPS', () => {
    const t = templateOf(withEcs(shop(), { certificateArn: ARN }));
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 443, Protocol: 'HTTPS', Certificates: [{ CertificateArn: ARN }] });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Priority: 1,
      Conditions: Match.arrayWith([{ Field: 'host-header', HostHeaderConfig: { Values: ['shop.example.com'] } }, { Field: 'path-pattern', PathPatternConfig: { Values: ['/api', '/api/*'] } }]),
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Priority: 2,
      Conditions: Match.arrayWith([{ Field: 'path-pattern', PathPatternConfig: { Values: ['/*'] } }]),
    });
    t.hasResourceProperties('AWS::ECS::Service', { ServiceName: 'api', LoadBalancers: [Match.objectLike({ ContainerName: 'api', ContainerPort: 8000 })] });
    t.resourceCountIs('AWS::Route53::RecordSet', 0);
  });

  test('GIVEN a hosted zone WHEN rendered THEN a DNS-validated certificate for the hosts and an alias record per host', () => {
    const t = templateOf(withEcs(shop(), { hostedZone: { zoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'example.com' } }));
    t.hasResourceProperties('AWS::CertificateManager::Certificate', { DomainName: 'shop.example.com', ValidationMethod: 'DNS' });
    t.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'shop.example.com.', Type: 'A', HostedZoneId: 'Z0123456789ABCDEFGHIJ' });
  });

  test('GIVEN https routes and no certificate WHEN rendered THEN ecs/route-certificate is an error that says what to set', () => {
    const { template, diagnostics } = synthEcs(shop());
    expect(template).toBeUndefined();
    expect(find(diagnostics, 'ecs/route-certificate')).toMatchObject({
      severity: 'error',
      path: 'shop targetOptions.ecs',
      message: "the https routes of shop.example.com need a certificate on the load balancer's HTTPS listener, and none is given (got no certificateArn and no hostedZone)",
    });
  });

  test('GIVEN a host outside the hosted zone WHEN rendered THEN ecs/route-zone is a located error', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.http(80).route('https://shop.example.org/')] });
    const { diagnostics } = synthEcs(withEcs(sys.toSpec(), { hostedZone: { zoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'example.com' } }));
    expect(find(diagnostics, 'ecs/route-zone')).toMatchObject({ severity: 'error', path: 'shop/web ports[0].routes' });
  });

  test('GIVEN a routed port that is also published WHEN rendered THEN no listener of its own: ecs/routed-port says so', () => {
    const { template, diagnostics } = synthEcs(withEcs(shop(Port.http(80).publish(8080).route('https://shop.example.com/')), { certificateArn: ARN }));
    template!.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    expect(find(diagnostics, 'ecs/routed-port')).toMatchObject({ severity: 'info', path: 'shop/web ports[0].routes' });
  });
});
