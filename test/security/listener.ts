/** An HTTP listener on 127.0.0.1 that records every request: a page that reaches out shows up here. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listener {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startListener(): Promise<Listener> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('LISTENER-WAS-REACHED');
  });
  // As a proxy, HTTPS arrives as CONNECT: recorded, then refused.
  server.on('connect', (request, socket) => {
    requests.push(`CONNECT ${request.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
