import { FactName, RegionInfo } from 'aws-cdk-lib/region-info';
import { ELB_ACCOUNTS } from '../../lib/targets/ecs/elb-accounts';

describe('ECS: the regional Elastic Load Balancing accounts of the access-log bucket policy', () => {
  test('GIVEN the installed aws-cdk-lib WHEN its region facts are read THEN lading’s table holds every region it knows, with its account or none', () => {
    const facts = RegionInfo.regionMap(FactName.ELBV2_ACCOUNT);
    const regions = RegionInfo.regions.map((r) => r.name).sort();
    const expected = Object.fromEntries(regions.map((region) => [region, facts[region] ?? 'none']));
    // the table to put in lib/targets/ecs/elb-accounts.ts when aws-cdk-lib knows other regions
    const table = regions.map((region) => `  '${region}': '${expected[region]}',`).join('\n');
    expect([Object.keys(ELB_ACCOUNTS).map((region) => `  '${region}': '${ELB_ACCOUNTS[region]}',`).join('\n')]).toEqual([table]);
    expect(ELB_ACCOUNTS).toEqual(expected);
  });
});
