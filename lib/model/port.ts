import { cidrProblem, isIpAddress, isLoopbackAddress } from './addresses';
import { ModelError } from './errors';
import { checkKnownProps, propNames } from './known-props';
import { parseRoute } from './route';
import type { PortSpec, Protocol } from './spec';

const PUBLISH_OPTIONS = propNames<PublishOptions>({ hostIp: true, from: true });

/** Where a published port listens and who may connect to it. */
export interface PublishOptions {
  /**
   * The host address the port is bound to, as in `-p 127.0.0.1:5432:5432`. A loopback address (127.0.0.0/8, `::1`)
   * lets only the host itself connect: Kubernetes and ECS then publish nothing (reach it with
   * `kubectl port-forward`); any other address is kept by Compose and docker only. `0.0.0.0` and `::` mean every
   * address, as if left out.
   * @default - every address of the host
   */
  readonly hostIp?: string;
  /**
   * The source CIDR blocks allowed to connect (`['10.0.0.0/8']`). Kubernetes puts them in
   * `loadBalancerSourceRanges` and the NetworkPolicy, ECS on the load balancer's security group; Compose and docker
   * cannot restrict sources and say so in a diagnostic.
   * @default - any source
   */
  readonly from?: readonly string[];
}

/**
 * A container port. Not published, it is reachable by name from workloads on a shared network (Compose
 * `expose`). Published, it is reachable from outside on a fixed or a dynamic host port (`-p 8080:80`, `-p 80`).
 */
export class Port {
  /** A TCP port. */
  static tcp(containerPort: number): Port {
    return new Port(containerPort, 'tcp', undefined, 'none', undefined, undefined);
  }

  /** A UDP port. */
  static udp(containerPort: number): Port {
    return new Port(containerPort, 'udp', undefined, 'none', undefined, undefined);
  }

  /** A TCP port that speaks HTTP: ECS puts it behind an Application Load Balancer when published. */
  static http(containerPort: number): Port {
    return new Port(containerPort, 'tcp', 'http', 'none', undefined, undefined);
  }

  private constructor(
    public readonly containerPort: number,
    public readonly protocol: Protocol,
    public readonly appProtocol: 'http' | undefined,
    public readonly mode: 'none' | 'fixed' | 'dynamic',
    public readonly hostPort: number | undefined,
    /** Undefined when not published or published without options. */
    public readonly options: PublishOptions | undefined,
    // undefined rather than empty, so that a Port shown in an error reads as before routes existed
    private readonly routeUrls?: readonly unknown[],
  ) {}

  /**
   * Reaches this http port from outside at a URL, `https://shop.example.com/api` (scheme, host, optional path
   * prefix), through the platform's ingress: a Kubernetes Ingress, the system's shared ALB on ECS. Call it again for
   * more routes; several services may share a host by path. Compose, Swarm and docker publish nothing for it.
   */
  route(url: string): Port {
    return new Port(this.containerPort, this.protocol, this.appProtocol, this.mode, this.hostPort, this.options, [...(this.routeUrls ?? []), url]);
  }

  /**
   * Publishes the port outside: on `hostPort` (`-p 8080:80`), or on a host port the platform picks when
   * omitted (`-p 80`); `options` bind it to one host address or admit only some sources.
   */
  publish(hostPort?: number, options: PublishOptions = {}): Port {
    const given = typeof options === 'object' && options !== null && Object.keys(options).length === 0 ? undefined : options;
    return new Port(this.containerPort, this.protocol, this.appProtocol, hostPort === undefined ? 'dynamic' : 'fixed', hostPort, given, this.routeUrls);
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
    const name = `${this.appProtocol ?? this.protocol}-${this.containerPort}`;
    const { hostIp, from } = this.publishOptions(path, prop);
    const urls = this.routeUrls ?? [];
    if (urls.length > 0 && this.appProtocol !== 'http') {
      throw new ModelError(path, `${prop}.routes`, 'only a port that speaks HTTP can have routes', `${this.protocol}/${this.containerPort}`, `Declare it with Port.http(${this.containerPort})`);
    }
    const routes = urls.map((u, i) => parseRoute(path, `${prop}.routes[${i}]`, u));
    return {
      containerPort: this.containerPort,
      protocol: this.protocol,
      ...(this.appProtocol ? { appProtocol: this.appProtocol } : {}),
      publish: this.mode,
      ...(this.mode === 'fixed' ? { hostPort: this.hostPort } : {}),
      ...(hostIp !== undefined ? { hostIp, loopback: isLoopbackAddress(hostIp) } : {}),
      ...(from !== undefined ? { from } : {}),
      name,
      ...(routes.length > 0 ? { routes } : {}),
    };
  }

  private publishOptions(path: string, prop: string): { hostIp?: string; from?: readonly string[] } {
    checkKnownProps(path, prop, this.options, PUBLISH_OPTIONS);
    const { hostIp, from } = this.options ?? {};
    if (hostIp !== undefined && (typeof hostIp !== 'string' || !isIpAddress(hostIp))) {
      throw new ModelError(path, `${prop}.hostIp`, 'must be an IPv4 or IPv6 address', hostIp, "Use e.g. '127.0.0.1' or '::1', or leave hostIp out to bind every address");
    }
    const bound = hostIp === '0.0.0.0' || hostIp === '::' ? undefined : hostIp; // every address: as if left out
    if (from === undefined) return { hostIp: bound };
    if (!Array.isArray(from) || from.length === 0) {
      throw new ModelError(path, `${prop}.from`, 'must be a non-empty list of CIDR blocks', from, "Use e.g. ['10.0.0.0/8'], or leave from out to admit any source");
    }
    from.forEach((cidr, i) => {
      const problem = typeof cidr === 'string' ? cidrProblem(cidr) : 'must be a CIDR block, an address and a prefix length';
      if (problem) throw new ModelError(path, `${prop}.from[${i}]`, problem, cidr, "Write e.g. '10.0.0.0/8' or '203.0.113.7/32'");
    });
    return { hostIp: bound, from: [...new Set(from)].sort() };
  }
}
