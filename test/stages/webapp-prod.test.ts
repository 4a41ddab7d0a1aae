import * as path from 'path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { formatDiagnostic } from '../../lib/diagnostics/pipeline';
import { renderEcs } from '../../lib/targets/ecs/target';
import { exampleSystem } from '../support/examples';
import { validateManifest } from '../support/kubernetes-validators';
import { render as renderK8s } from '../kubernetes/render';
import { PROJECT_ROOT } from '../ecs/support/ecs-kit';
import { cfnLint, findingLines } from '../ecs/support/cfn-lint';

const prod = () => exampleSystem('webapp', 'prod').toSpec();

describe('webapp, stage prod: routes with TLS and autoscaling', () => {
  test('GIVEN the prod stage WHEN rendered for Kubernetes THEN an Ingress with TLS by cert-manager and an HPA, accepted by the 1.27 schemas with unknown fields refused', () => {
    const r = renderK8s(prod());
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.get('Ingress', 'webapp')).toMatchObject({
      apiVersion: 'networking.k8s.io/v1',
      metadata: { annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' } },
      spec: {
        ingressClassName: 'nginx',
        tls: [{ hosts: ['shop.example.com'], secretName: 'webapp-tls' }],
        rules: [
          {
            host: 'shop.example.com',
            http: {
              paths: [
                { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
                { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 8000 } } } },
              ],
            },
          },
        ],
      },
    });
    expect(r.get('HorizontalPodAutoscaler', 'api').spec).toMatchObject({ minReplicas: 2, maxReplicas: 10 });
    expect(r.objects.filter((o) => o.kind === 'Service' && (o as { spec?: { type?: string } }).spec?.type === 'LoadBalancer')).toEqual([]);
    expect(validateManifest(r.yaml)).toEqual([]);
  });

  test('GIVEN the prod stage WHEN rendered for ECS THEN HTTPS 443 with host/path rules, HTTP 80 redirecting, target tracking, and cfn-lint finds nothing', async () => {
    const result = await renderEcs(prod(), { projectRoot: PROJECT_ROOT, projectRootFromTargetDir: '../..' });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const file = result.files.find((f) => f.path.endsWith('.template.json'))!;
    const t = Template.fromJSON(JSON.parse(file.content));
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 443, Protocol: 'HTTPS' });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 80, DefaultActions: [Match.objectLike({ Type: 'redirect' })] });
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::ListenerRule', 2);
    t.hasResourceProperties('AWS::CertificateManager::Certificate', { DomainName: 'shop.example.com', ValidationMethod: 'DNS' });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', { PolicyType: 'TargetTrackingScaling' });
    expect(findingLines(cfnLint([{ path: path.basename(file.path), content: file.content }]).findings)).toEqual([]);
  });
});
