import type { Rule } from '../rule';

/**
 * `docker compose up` starts every replica on the same host: the second one cannot bind the fixed host port.
 * Only when Compose is among the targets.
 */
export const fixedPortReplicas: Rule = {
  code: 'lint/fixed-port-replicas',
  check: (spec, context, reporter) => {
    if (!context.targets.includes('compose')) return [];
    return spec.services.flatMap((w) =>
      w.replicas <= 1
        ? []
        : w.main.ports.flatMap((p, i) =>
            p.publish !== 'fixed'
              ? []
              : [
                  reporter.make(
                    'lint/fixed-port-replicas',
                    `${w.path} ports[${i}]`,
                    `${w.replicas} replicas cannot all publish host port ${p.hostPort} with docker compose up`,
                    `Publish a dynamic port (Port.${p.appProtocol === 'http' ? 'http' : p.protocol}(${p.containerPort}).publish()), or run one replica; for a swarm, whose routing mesh shares the port, use lading synth --target swarm.`,
                    'compose',
                  ),
                ],
          ),
    );
  },
};
