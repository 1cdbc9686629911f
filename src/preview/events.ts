/**
 * The preview's server-sent events: each open page listens on /events and reloads itself when
 * told that its record (or, with `*`, everything) changed. A comment every 15 s keeps idle
 * connections open through proxies.
 */
import type http from 'node:http';

export interface ChangeEvents {
  /** Keeps `response` open as an event stream until the page goes away. */
  subscribe(request: http.IncomingMessage, response: http.ServerResponse): void;
  /** Tells every open page that `slug` (or `*`: everything) changed. */
  broadcast(slug: string): void;
  /** Ends every stream. */
  close(): void;
}

const HEARTBEAT_MS = 15_000;

export function createChangeEvents(): ChangeEvents {
  const clients = new Set<http.ServerResponse>();
  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    subscribe(request, response) {
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
      // Reconnect quickly after a restart; the page reloads when it is back.
      response.write('retry: 1000\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
    },
    broadcast(slug) {
      for (const client of clients) client.write(`event: change\ndata: ${JSON.stringify({ slug })}\n\n`);
    },
    close() {
      clearInterval(heartbeat);
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
