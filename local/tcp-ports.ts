/** TCP port helpers for the embedded services: a free port, whether one is free, waiting until one listens. (Not ports in the ports-and-adapters sense: those are shared/<module>/ports/.) */
import net from 'node:net';

/**
 * A port the OS says is free now, other than those in `avoid` (ports already promised to another
 * service of this office that does not listen yet: the OS may hand the same free port out twice).
 */
export async function freePort(avoid: readonly number[] = []): Promise<number> {
  for (let i = 0; ; i++) {
    const port = await anyFreePort();
    if (!avoid.includes(port)) return port;
    if (i >= 50) throw new Error(`no free port other than ${avoid.join(", ")} after 50 tries`);
  }
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves when something accepts connections on the port, or rejects after the timeout. */
export async function waitForPort(port: number, timeoutMs: number, isAlive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (!isAlive()) throw new Error(`the process meant to listen on port ${port} exited`);
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** True when the port is free to listen on. */
export function portIsFree(port: number, host = '0.0.0.0'): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}
