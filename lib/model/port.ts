import { ModelError } from './errors';
import type { PortSpec, Protocol } from './spec';

/** Where a published port is bound and who may reach it. */
export interface PublishOptions {
  /**
   * The host address the port is bound to (`-p 127.0.0.1:5432:5432`): a loopback address keeps it on the host.
   * @default every address of the host
   */
  readonly hostIp?: string;
  /**
   * The source IPv4 CIDRs that may reach the published port (`10.0.0.0/8`).
   * @default anyone
   */
  readonly from?: readonly string[];
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isCidr(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const [ip, bits, ...rest] = value.split('/');
  return rest.length === 0 && IPV4.test(ip) && bits !== undefined && /^\d{1,2}$/.test(bits) && Number(bits) <= 32;
}

/**
 * A container port. Not published, it is reachable by name from workloads on a shared network (Compose
 * `expose`). Published, it is reachable from outside on a fixed or a dynamic host port (`-p 8080:80`, `-p 80`).
 */
export class Port {
  /** A TCP port. */
  static tcp(containerPort: number): Port {
    return new Port(containerPort, 'tcp', undefined, 'none', undefined, {});
  }

  /** A UDP port. */
  static udp(containerPort: number): Port {
    return new Port(containerPort, 'udp', undefined, 'none', undefined, {});
  }

  /** A TCP port that speaks HTTP: ECS puts it behind an Application Load Balancer when published. */
  static http(containerPort: number): Port {
    return new Port(containerPort, 'tcp', 'http', 'none', undefined, {});
  }

  private constructor(
    public readonly containerPort: number,
    public readonly protocol: Protocol,
    public readonly appProtocol: 'http' | undefined,
    public readonly mode: 'none' | 'fixed' | 'dynamic',
    public readonly hostPort: number | undefined,
    private readonly options: PublishOptions,
  ) {}

  /**
   * Publishes the port outside: on `hostPort` (`-p 8080:80`), or on a host port the platform picks when
   * omitted (`-p 80`); `options` bind it to one host address and name who may reach it.
   */
  publish(hostPort?: number, options: PublishOptions = {}): Port {
    return new Port(this.containerPort, this.protocol, this.appProtocol, hostPort === undefined ? 'dynamic' : 'fixed', hostPort, options);
  }

  /** @internal */
  public _toSpec(path: string, prop: string): PortSpec {
    const check = (what: string, value: number, p: string) => {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
        throw new ModelError(path, p, `${what} must be a whole number from 1 to 65535`, value, 'Use a port between 1 and 65535');
      }
    };
    check('port', this.containerPort, prop);
    if (this.mode === 'fixed') check('host port', this.hostPort as number, `${prop}.hostPort`);
    const { hostIp, from } = this.options;
    if (hostIp !== undefined && (typeof hostIp !== 'string' || !IPV4.test(hostIp))) {
      throw new ModelError(path, `${prop}.hostIp`, 'host IP must be an IPv4 address', hostIp, "Use an address such as '127.0.0.1', or leave hostIp out");
    }
    if (from !== undefined) {
      if (!Array.isArray(from) || from.length === 0) {
        throw new ModelError(path, `${prop}.from`, 'from must be a non-empty list of IPv4 CIDRs', from, "Use a list such as ['10.0.0.0/8'], or leave from out");
      }
      from.forEach((cidr, i) => {
        if (!isCidr(cidr)) throw new ModelError(path, `${prop}.from[${i}]`, 'source must be an IPv4 CIDR', cidr, "Use a CIDR such as '10.0.0.0/8'");
      });
    }
    const name = `${this.appProtocol ?? this.protocol}-${this.containerPort}`;
    return {
      containerPort: this.containerPort,
      protocol: this.protocol,
      ...(this.appProtocol ? { appProtocol: this.appProtocol } : {}),
      publish: this.mode,
      ...(this.mode === 'fixed' ? { hostPort: this.hostPort } : {}),
      ...(hostIp !== undefined ? { hostIp } : {}),
      ...(from !== undefined ? { from: [...from] } : {}),
      name,
    };
  }
}
