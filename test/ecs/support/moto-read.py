"""Reads back what a CloudFormation stack created in moto, through the ECS and ELBv2 APIs.

Usage: python3 moto-read.py ENDPOINT STACK_NAME FAMILY...   (prints one JSON object)
"""
import json
import sys

import boto3

endpoint, stack, families = sys.argv[1], sys.argv[2], sys.argv[3:]
kw = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing")
cfn = boto3.client("cloudformation", **kw)
ecs = boto3.client("ecs", **kw)
elb = boto3.client("elbv2", **kw)

summaries = cfn.list_stack_resources(StackName=stack)["StackResourceSummaries"]
by_type = {}
for r in summaries:
    by_type.setdefault(r["ResourceType"], []).append(r.get("PhysicalResourceId"))

out = {"stackStatus": cfn.describe_stacks(StackName=stack)["Stacks"][0]["StackStatus"], "taskDefinitions": {}, "services": [], "listeners": [], "targetGroups": []}
for family in families:
    try:
        out["taskDefinitions"][family] = ecs.describe_task_definition(taskDefinition=family)["taskDefinition"]
    except Exception as e:  # reported as missing by the test
        out["taskDefinitions"][family] = None
for cluster in ecs.list_clusters()["clusterArns"]:
    if not cluster.split("/")[-1].startswith(stack + "-"):
        continue
    arns = ecs.list_services(cluster=cluster)["serviceArns"]
    if arns:
        out["services"].extend(ecs.describe_services(cluster=cluster, services=arns)["services"])
lbs = [lb for lb in elb.describe_load_balancers()["LoadBalancers"] if lb["LoadBalancerArn"] in by_type.get("AWS::ElasticLoadBalancingV2::LoadBalancer", []) or lb["LoadBalancerName"] in by_type.get("AWS::ElasticLoadBalancingV2::LoadBalancer", [])]
for lb in lbs:
    out["listeners"].extend(elb.describe_listeners(LoadBalancerArn=lb["LoadBalancerArn"])["Listeners"])
    try:
        out["targetGroups"].extend(elb.describe_target_groups(LoadBalancerArn=lb["LoadBalancerArn"])["TargetGroups"])
    except elb.exceptions.TargetGroupNotFoundException:
        pass  # a load balancer without target groups
print(json.dumps(out, default=str))
