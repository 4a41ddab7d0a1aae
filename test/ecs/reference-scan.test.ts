import { App, CfnResource, Fn, Lazy, Stack, Token } from 'aws-cdk-lib';
import { scanReferencesIn } from '../../lib/targets/ecs/reference-scan';

/**
 * Two stacks: B's resources refer to A's in every form a property can take (whole, inside a string, a list, a
 * number, from a Lazy, in metadata, in an override, in a policy), several times, and to each other.
 */
function templates(scan: boolean, env: NodeJS.ProcessEnv = {}): Record<string, unknown> {
  const saved = process.env.CDK_DEBUG;
  if (env.CDK_DEBUG === undefined) delete process.env.CDK_DEBUG;
  else process.env.CDK_DEBUG = env.CDK_DEBUG;
  try {
    const app = new App({ analyticsReporting: false, treeMetadata: false, stackTraces: false, context: { 'aws:cdk:disable-creation-stack-traces': true } });
    const a = new Stack(app, 'A');
    const b = new Stack(app, 'B');
    const bucket = new CfnResource(a, 'Bucket', { type: 'AWS::S3::Bucket' });
    const topic = new CfnResource(a, 'Topic', { type: 'AWS::SNS::Topic' });
    const queue = new CfnResource(a, 'Queue', { type: 'AWS::SQS::Queue' });
    const port = new CfnResource(a, 'Port', { type: 'Custom::Port' });
    const subnets = new CfnResource(a, 'Subnets', { type: 'Custom::Subnets' });
    const first = new CfnResource(b, 'First', {
      type: 'Custom::First',
      properties: {
        whole: bucket.ref,
        inString: `arn:aws:s3:::${bucket.getAtt('Arn')}/logs/${topic.ref}`,
        list: Token.asList(subnets.getAtt('Ids')),
        number: Token.asNumber(port.getAtt('Number')),
        lazy: Lazy.string({ produce: () => queue.getAtt('Arn').toString() }),
        nested: [{ deep: { deeper: [Fn.join(',', [topic.ref, 'x'])] } }],
      },
    });
    first.addMetadata('source', bucket.getAtt('DomainName'));
    first.addPropertyOverride('overridden', queue.getAtt('QueueName'));
    const second = new CfnResource(b, 'Second', { type: 'Custom::Second', properties: { again: bucket.ref, sibling: first.ref, more: [topic.ref, queue.ref] } });
    second.addResourceDependency(first);
    new CfnResource(a, 'Own', { type: 'Custom::Own', properties: { same: bucket.ref } });
    if (scan) for (const s of [a, b]) scanReferencesIn(s);
    const assembly = app.synth();
    return Object.fromEntries(assembly.stacks.map((s) => [s.stackName, s.template]));
  } finally {
    if (saved === undefined) delete process.env.CDK_DEBUG;
    else process.env.CDK_DEBUG = saved;
  }
}

describe('references found by a plain walk of each resource', () => {
  test('GIVEN references between two stacks in every form a property takes WHEN found by the scan THEN the templates, exports and imports are those of aws-cdk-lib’s own pass, and each resource is rendered whole once', () => {
    const rendered = jest.spyOn(CfnResource.prototype as unknown as { renderProperties(p: unknown): unknown }, 'renderProperties');
    const scanned = templates(true);
    const onceEach = rendered.mock.calls.length;
    rendered.mockClear();
    const whole = templates(false);
    // aws-cdk-lib renders each of the 8 resources in both passes; scanned, only for the templates
    expect(rendered.mock.calls.length).toBe(16);
    expect(onceEach).toBe(8);
    rendered.mockRestore();
    expect(JSON.stringify(scanned)).toBe(JSON.stringify(whole));
    // every reference from B to A became one export, in the order B's resources first name them
    const outputs = Object.keys((whole.A as { Outputs: Record<string, unknown> }).Outputs);
    expect(outputs).toEqual([
      'ExportsOutputRefBucket239F7DF2',
      'ExportsOutputFnGetAttBucketArn436138FE',
      'ExportsOutputRefTopicA7DE468A',
      'ExportsOutputFnGetAttSubnetsIds25467362',
      'ExportsOutputFnGetAttPortNumber81181603',
      'ExportsOutputFnGetAttQueueArn042C0F02',
      'ExportsOutputFnGetAttBucketDomainName9DDEA4BC',
      'ExportsOutputFnGetAttQueueQueueNameDE7FBC08',
      'ExportsOutputRefQueueD6A24597',
    ]);
    expect(JSON.stringify(whole.B)).toContain('Fn::ImportValue');
  });

  test('GIVEN CDK_DEBUG WHEN synthesized THEN the resources are resolved whole in that pass too, with the same templates', () => {
    expect(JSON.stringify(templates(true, { CDK_DEBUG: 'true' }))).toBe(JSON.stringify(templates(false, { CDK_DEBUG: 'true' })));
  });
});
