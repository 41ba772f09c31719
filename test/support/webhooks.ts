/** A merchant's webhook endpoint for tests: a local HTTP server that keeps every event POSTed to it. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookReceiver<E> {
  url: string;
  /** The parsed bodies, in arrival order. */
  events: E[];
  close(): Promise<void>;
}

export async function startWebhookReceiver<E>(): Promise<WebhookReceiver<E>> {
  const events: E[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      events.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    events,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
