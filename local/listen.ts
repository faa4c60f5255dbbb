/** Where the embedded API listens: loopback unless HOST says otherwise. */
import type http from 'node:http';

/** The office holds letters and tokens: this machine only, unless HOST opens it. */
export const DEFAULT_HOST = '127.0.0.1';

/** The address the embedded API listens on: the option, else env HOST, else 127.0.0.1. */
export function gatewayHost(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  return option ?? (env.HOST?.trim() || DEFAULT_HOST);
}

/**
 * Listens on host:port (0 = any free port) and returns the base URL to print and call. A
 * wildcard host (0.0.0.0, ::) is reached through 127.0.0.1; the URL never says `localhost`,
 * which Node 20 may resolve to ::1 first, where a server bound to 127.0.0.1 is not.
 */
export async function listenOn(server: http.Server, port: number, host: string): Promise<{ url: string; address: string; port: number }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const a = server.address() as { address: string; port: number };
  const reach = a.address === '0.0.0.0' || a.address === '::' ? '127.0.0.1' : a.address;
  return { url: `http://${reach.includes(':') ? `[${reach}]` : reach}:${a.port}`, address: a.address, port: a.port };
}

