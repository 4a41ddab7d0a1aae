import { ConfigFile, Image, Mount, Secret, Service, System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { one, resources, templateOf } from './support/ecs-kit';

const system = (build: (sys: System) => void): SystemSpec => {
  const sys = new System('shop');
  build(sys);
  return sys.toSpec();
};

type Statement = { Action: string | string[]; Resource: unknown };

describe('ECS: the roles of a task', () => {
  test('GIVEN a service with 45 secret variables WHEN rendered THEN the execution role keeps what fits its inline policy and a managed policy attached to it holds the rest', () => {
    const t = templateOf(
      system((s) => {
        const secretEnv: Record<string, Secret> = {};
        for (let i = 0; i < 45; i++) secretEnv[`S${i}`] = new Secret(s, `s${i}`);
        new Service(s, 'web', { image: Image.of('nginx:1.27'), secretEnv });
      }),
    );
    const inline = one(t, 'AWS::IAM::Policy', (p) => p.PolicyName.startsWith('webTaskDefinitionExecutionRoleDefaultPolicy'));
    const managed = Object.entries(resources(t, 'AWS::IAM::ManagedPolicy'));
    expect(managed.map(([id]) => id)).toEqual([expect.stringMatching(/^webTaskDefinitionExecutionRoleOverflowPolicy1/)]);
    const overflow = managed[0][1].Properties;
    expect(overflow.Description).toBe('Part of the policies for Shop/web/TaskDefinition/ExecutionRole');
    expect(overflow.Roles).toEqual(inline.Properties.Roles);
    const kept: Statement[] = inline.Properties.PolicyDocument.Statement;
    const moved: Statement[] = overflow.PolicyDocument.Statement;
    expect([kept.length, moved.length]).toEqual([38, 8]);
    expect(kept[0].Action).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    expect(new Set([...kept.slice(1), ...moved].map((s) => JSON.stringify(s.Resource))).size).toBe(45);
  });

  test('GIVEN a built image whose container receives a file WHEN rendered THEN the execution role pulls the image with one statement, though the files container runs it too', () => {
    const t = templateOf(
      system((s) => {
        const conf = new ConfigFile(s, 'app-conf', { content: 'level = debug\n' });
        new Service(s, 'web', { image: Image.build({ context: 'apps/devbox', tag: 'shop/web:1' }), mounts: [Mount.config(conf, '/etc/app/app.conf')] });
      }),
    );
    const statements: Statement[] = one(t, 'AWS::IAM::Policy', (p) => p.PolicyName.startsWith('webTaskDefinitionExecutionRoleDefaultPolicy')).Properties.PolicyDocument.Statement;
    expect(statements.map((s) => s.Action)).toEqual([
      ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
      'ecr:GetAuthorizationToken',
      ['logs:CreateLogStream', 'logs:PutLogEvents'],
    ]);
    expect(one(t, 'AWS::ECS::TaskDefinition').Properties.ContainerDefinitions.map((c: { Name: string }) => c.Name)).toEqual(['web', 'web-files']);
  });
});
