import { spawnSync } from 'child_process';
import * as net from 'net';

/** Fails with a clear message when an external tool the test needs is missing. */
export function requireTool(command: string, args: string[], install: string): void {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(`${command} is needed by this test but could not be run (${r.error?.message ?? r.stderr.trim()}). ${install}`);
  }
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
