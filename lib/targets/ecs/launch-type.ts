/**
 * The launch type: Fargate unless the System sets `targetOptions.ecs.launchType: 'ec2'`, which is what privileged
 * containers, the host network, bind mounts and tmpfs need (ec2-capacity.ts adds the container instances).
 */

/** The fix of every finding that only the EC2 launch type resolves. */
export const EC2_FIX = "Set targetOptions.ecs.launchType 'ec2' on the System";
