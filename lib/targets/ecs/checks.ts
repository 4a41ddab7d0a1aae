import type { SystemSpec } from '../../model/spec';
import { checkBindMount } from './bind-mounts';
import { bindInImageText } from '../bind-in-image';
import type { EcsReporter } from './codes';
import { checkSchedule } from './jobs';
import { checkLoopbackPorts } from './exposure';
import { checkListenerPorts } from './load-balancers';
import { checkHostNetwork } from './networks';
import { checkCapabilities, checkPrivileged } from './security';
import { checkTaskFits } from './task-size';
import { checkVpc } from './vpc';
import { containersOf, ownMounts, workloadsOf } from './workloads';
import { checkNoNewPrivileges } from './no-new-privileges';
import { checkGpus } from './gpus';
import { reportPidsLimit } from './pids-limit';
import { reportHealthStartInterval } from './health-start-interval';

/**
 * What must hold before anything is built: what the launch type, EventBridge, the load balancers and an existing
 * VPC allow. Each rule lives in the file of its concept; this runs them in one order, workload by workload.
 */
export function checkSystem(spec: SystemSpec, d: EcsReporter): void {
  const fargate = spec.options.ecs.launchType === 'fargate';
  for (const w of workloadsOf(spec)) {
    checkHostNetwork(spec, w, d);
    checkGpus(spec, w, d);
    for (const c of containersOf(w)) {
      checkPrivileged(spec, c.container, d);
      checkCapabilities(spec, c.container, d);
      checkNoNewPrivileges(spec, c.container, d);
      reportPidsLimit(c.container, d);
      reportHealthStartInterval(c.container, d);
      for (const { mount, index } of ownMounts(w, c)) {
        if (mount.kind === 'bind' && mount.inImage) d.report('ecs/bind-in-image', `${c.container.path} mounts[${index}]`, bindInImageText(c.container, mount));
        else if (mount.kind === 'bind') checkBindMount(spec.name, mount, `${c.container.path} mounts[${index}]`, fargate, d);
      }
    }
    checkTaskFits(spec, w, d);
  }
  for (const job of spec.jobs) checkSchedule(job, d);
  checkListenerPorts(spec, d);
  checkLoopbackPorts(spec, d);
  checkVpc(spec, d);
}
