import { Image, Job, Port, Service, System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { codes, find, one, serviceOf, synthEcs, withEcs } from './support/ecs-kit';

const system = (build: (sys: System) => void, options?: ConstructorParameters<typeof System>[1]): SystemSpec => {
  const sys = new System('shop', options);
  build(sys);
  return sys.toSpec();
};

const dbAndMigrate = (dbPort: Port) =>
  system(
    (s) => {
      new Service(s, 'db', { image: Image.of('postgres:16.4'), ports: [dbPort] });
      new Job(s, 'migrate', { image: Image.of('m:1'), restart: 'no' });
    },
    dbPort.mode === 'dynamic' ? { targetOptions: { ecs: { launchType: 'ec2' } } } : undefined,
  );

describe('ECS: jobs reach services by name', () => {
  test('GIVEN a job on the network of a service WHEN rendered THEN the service has an A record in the system zone and the VPC searches that zone', () => {
    const { template, diagnostics } = synthEcs(dbAndMigrate(Port.tcp(5432)));
    const t = template!;
    const zone = one(t, 'AWS::ServiceDiscovery::PrivateDnsNamespace');
    expect(zone.Properties.Name).toBe('shop');
    const record = one(t, 'AWS::ServiceDiscovery::Service');
    expect(record.Properties).toMatchObject({ Name: 'db', DnsConfig: { DnsRecords: [{ TTL: 10, Type: 'A' }], NamespaceId: { 'Fn::GetAtt': [zone.id, 'Id'] } } });
    expect(serviceOf(t, 'db').Properties.ServiceRegistries).toEqual([{ RegistryArn: { 'Fn::GetAtt': [record.id, 'Arn'] } }]);
    const dhcp = one(t, 'AWS::EC2::DHCPOptions');
    expect(dhcp.Properties).toMatchObject({ DomainName: 'shop', DomainNameServers: ['AmazonProvidedDNS'] });
    expect(one(t, 'AWS::EC2::VPCDHCPOptionsAssociation').Properties.DhcpOptionsId).toEqual({ Ref: dhcp.id });
    expect(codes(diagnostics)).not.toContain('ecs/job-by-name');
  });

  test('GIVEN an on-demand job WHEN rendered THEN its run-task network configuration is an output naming its groups and subnets', () => {
    const t = synthEcs(dbAndMigrate(Port.tcp(5432))).template!;
    const outputs = t.toJSON().Outputs as Record<string, { Description: string; Value: { 'Fn::Join': [string, unknown[]] } }>;
    const output = Object.values(outputs).find((o) => o.Description === 'shop/migrate: aws ecs run-task --network-configuration for this job')!;
    const text = JSON.stringify(output.Value);
    expect(text).toContain('awsvpcConfiguration={subnets=[');
    expect(text).toContain('],assignPublicIp=ENABLED}');
    expect(text).toContain(one(t, 'AWS::EC2::SecurityGroup', (p) => p.GroupDescription === 'shop/migrate: the workload itself').id);
  });

  test('GIVEN an existing VPC WHEN rendered THEN no DHCP options are set and ecs/job-by-name gives the full names and the fix', () => {
    const spec = withEcs(dbAndMigrate(Port.tcp(5432)), { vpc: { vpcId: 'vpc-0abc', availabilityZones: ['eu-west-1a', 'eu-west-1b'], publicSubnetIds: ['subnet-a', 'subnet-b'], privateSubnetIds: [] } });
    const { template, diagnostics } = synthEcs(spec);
    template!.resourceCountIs('AWS::EC2::DHCPOptions', 0);
    expect(find(diagnostics, 'ecs/job-by-name')).toMatchObject({
      severity: 'warning',
      path: 'shop/migrate networks',
      message: "the existing VPC's DHCP options are not set by lading: db resolve inside the job as db.shop, not by the bare name",
      fix: "Add shop to the search domains of the VPC's DHCP options, or use the full names.",
    });
  });

  test('GIVEN a service in bridge mode on EC2 WHEN a job shares its network THEN ecs/job-by-name says it has no DNS record', () => {
    const { template, diagnostics } = synthEcs(dbAndMigrate(Port.tcp(5432).publish()));
    template!.resourceCountIs('AWS::ServiceDiscovery::Service', 0);
    expect(find(diagnostics, 'ecs/job-by-name')).toMatchObject({
      severity: 'warning',
      path: 'shop/migrate networks',
      message: "db uses bridge or host networking, which gets no DNS record: it does not resolve by name inside the job's standalone task",
      fix: 'Publish its ports on fixed host ports so it uses awsvpc, or pass the address in env.',
    });
  });
});
