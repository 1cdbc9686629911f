/** Starts a server listening and gives its URL; an address in use or not ours is a usage error (exit 2), not a stack trace. */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CasefileError } from '../errors.js';

export function listen(server: http.Server, host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new CasefileError('E_USAGE', `cannot listen on ${host}:${port}: ${error.code ?? error.message}`)));
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve(`http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`);
    });
  });
}
