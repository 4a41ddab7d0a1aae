import { Aws, CfnCondition, CfnMapping, Fn, RemovalPolicy, type Stack } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { SystemSpec } from '../../model/spec';
import { acknowledge } from './acknowledgements';
import { ELB_ACCOUNTS } from './elb-accounts';

/**
 * Access logs of the system's load balancers, in one S3 bucket per system: encrypted with S3-managed keys (the only
 * encryption Elastic Load Balancing writes to), public access blocked, TLS only, owned by the bucket owner and kept
 * when the stack is deleted. `targetOptions.ecs.accessLogsBucket` names an existing bucket instead, whose policy
 * must already admit Elastic Load Balancing. Each load balancer writes under its own prefix (`alb/`, `nlb/`).
 */
export function buildAccessLogs(stack: Stack, spec: SystemSpec): void {
  const balancers = stack.node.children.filter(
    (c): c is elbv2.ApplicationLoadBalancer | elbv2.NetworkLoadBalancer => c instanceof elbv2.ApplicationLoadBalancer || c instanceof elbv2.NetworkLoadBalancer,
  );
  if (balancers.length === 0) return;
  const existing = spec.options.ecs.accessLogsBucket;
  const bucket = existing !== undefined ? s3.Bucket.fromBucketName(stack, 'AccessLogs', existing) : newBucket(stack);
  for (const lb of balancers) {
    const prefix = lb.node.id.toLowerCase();
    lb.setAttribute('access_logs.s3.enabled', 'true');
    lb.setAttribute('access_logs.s3.bucket', bucket.bucketName);
    lb.setAttribute('access_logs.s3.prefix', prefix);
    if (bucket instanceof s3.Bucket) {
      admitLogDelivery(stack, bucket, prefix);
      // Elastic Load Balancing checks that it may write when the attribute is set
      if (bucket.policy) lb.node.addDependency(bucket.policy);
    }
  }
}

function newBucket(stack: Stack): s3.Bucket {
  const bucket = new s3.Bucket(stack, 'AccessLogs', {
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  acknowledge(bucket, 'AwsSolutions-S1', 'This bucket holds the load balancers’ access logs; logging the access to it would log Elastic Load Balancing’s own writes.');
  return bucket;
}

/**
 * Who writes access logs depends on the region, which an environment-agnostic stack learns only when deployed: in
 * regions older than August 2022 the regional Elastic Load Balancing account (a mapping of aws-cdk-lib's region
 * facts, elb-accounts.ts), elsewhere the service principal `logdelivery.elasticloadbalancing.amazonaws.com`; Network
 * Load Balancers deliver through `delivery.logs.amazonaws.com`. The policy admits the writer of the region the stack
 * lands in.
 */
function admitLogDelivery(stack: Stack, bucket: s3.Bucket, prefix: string): void {
  const objects = bucket.arnForObjects(`${prefix}/AWSLogs/${Aws.ACCOUNT_ID}/*`);
  const accounts = elbAccounts(stack);
  const account = Fn.conditionIf(accounts.condition.logicalId, Aws.ACCOUNT_ID, accounts.mapping.findInMap(Aws.REGION, 'account')).toString();
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({ principals: [new iam.ArnPrincipal(`arn:${Aws.PARTITION}:iam::${account}:root`)], actions: ['s3:PutObject'], resources: [objects] }),
  );
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({ principals: [new iam.ServicePrincipal('logdelivery.elasticloadbalancing.amazonaws.com')], actions: ['s3:PutObject'], resources: [objects] }),
  );
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({ principals: [new iam.ServicePrincipal('delivery.logs.amazonaws.com')], actions: ['s3:PutObject'], resources: [objects] }),
  );
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({ principals: [new iam.ServicePrincipal('delivery.logs.amazonaws.com')], actions: ['s3:GetBucketAcl'], resources: [bucket.bucketArn] }),
  );
}

/** The regional Elastic Load Balancing accounts, once per stack; `none` where the service principal writes. */
function elbAccounts(stack: Stack): { mapping: CfnMapping; condition: CfnCondition } {
  const found = stack.node.tryFindChild('ElbAccounts') as CfnMapping | undefined;
  if (found) return { mapping: found, condition: stack.node.findChild('ElbWritesByServicePrincipal') as CfnCondition };
  const mapping: Record<string, Record<string, string>> = {};
  for (const region of Object.keys(ELB_ACCOUNTS).sort()) mapping[region] = { account: ELB_ACCOUNTS[region] };
  const table = new CfnMapping(stack, 'ElbAccounts', { mapping });
  const condition = new CfnCondition(stack, 'ElbWritesByServicePrincipal', { expression: Fn.conditionEquals(table.findInMap(Aws.REGION, 'account'), 'none') });
  return { mapping: table, condition };
}
