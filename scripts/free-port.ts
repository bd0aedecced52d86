/** A TCP port nobody listens on right now, for a server started later (an embedded PostgreSQL, a hub not yet up). */
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('freePort: the probe server has no port')),
      );
    });
  });
}
