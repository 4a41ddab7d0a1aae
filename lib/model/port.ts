import { ModelError } from './errors';
import { parseRoute } from './route';
import type { PortSpec, Protocol } from './spec';

/**
 * A container port. Not published, it is reachable by name from workloads on a shared network (Compose
 * `expose`). Published, it is reachable from outside on a fixed or a dynamic host port (`-p 8080:80`, `-p 80`).
 */
export class Port {
  /** A TCP port. */
  static tcp(containerPort: number): Port {
    return new Port(containerPort, 'tcp', undefined, 'none', undefined);
  }

  /** A UDP port. */
  static udp(containerPort: number): Port {
    return new Port(containerPort, 'udp', undefined, 'none', undefined);
  }

  /** A TCP port that speaks HTTP: ECS puts it behind an Application Load Balancer when published. */
  static http(containerPort: number): Port {
    return new Port(containerPort, 'tcp', 'http', 'none', undefined);
  }

  private constructor(
    public readonly containerPort: number,
    public readonly protocol: Protocol,
    public readonly appProtocol: 'http' | undefined,
    public readonly mode: 'none' | 'fixed' | 'dynamic',
    public readonly hostPort: number | undefined,
    // undefined rather than empty, so that a Port shown in an error reads as before routes existed
    private readonly routeUrls?: readonly unknown[],
  ) {}

  /**
   * Reaches this http port from outside at a URL, `https://shop.example.com/api` (scheme, host, optional path
   * prefix), through the platform's ingress: a Kubernetes Ingress, the system's shared ALB on ECS. Call it again for
   * more routes; several services may share a host by path. Compose, Swarm and docker publish nothing for it.
   */
  route(url: string): Port {
    return new Port(this.containerPort, this.protocol, this.appProtocol, this.mode, this.hostPort, [...(this.routeUrls ?? []), url]);
  }

  /**
   * Publishes the port outside: on `hostPort` (`-p 8080:80`), or on a host port the platform picks when
   * omitted (`-p 80`).
   */
  publish(hostPort?: number): Port {
    return new Port(this.containerPort, this.protocol, this.appProtocol, hostPort === undefined ? 'dynamic' : 'fixed', hostPort, this.routeUrls);
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
      name,
      ...(routes.length > 0 ? { routes } : {}),
    };
  }
}
