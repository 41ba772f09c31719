import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { postWebhook, publicOnlyLookup, WebhookAddressRefused } from '../../activities/webhook-post';

/** A local receiver that records what reaches it and answers as `answer` says. */
async function receiver(answer: (res: http.ServerResponse) => void) {
  const seen: { method?: string; body: string; signature?: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method, body, signature: req.headers['bizmsg-signature'] as string | undefined });
      answer(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, seen, close: () => new Promise((resolve) => server.close(resolve)) };
}

const request = { headers: { 'content-type': 'application/json', 'bizmsg-signature': 't=1,v1=abc' }, body: '{"a":1}' };

describe('posting a merchant webhook', () => {
  it('delivers the signed body and returns the answer (private addresses allowed, as in development)', async () => {
    const r = await receiver((res) => res.writeHead(200).end('thanks'));
    try {
      const answer = await postWebhook(r.url, request, { timeoutMs: 5_000, allowPrivateAddresses: true });
      expect(answer).toEqual({ status: 200, body: 'thanks' });
      expect(r.seen).toEqual([{ method: 'POST', body: '{"a":1}', signature: 't=1,v1=abc' }]);
    } finally {
      await r.close();
    }
  });

  it('does not follow a redirect: the other address sees nothing', async () => {
    const other = await receiver((res) => res.writeHead(200).end());
    const r = await receiver((res) => res.writeHead(307, { location: other.url }).end());
    try {
      const answer = await postWebhook(r.url, request, { timeoutMs: 5_000, allowPrivateAddresses: true });
      expect(answer.status).toBe(307);
      expect(other.seen).toHaveLength(0);
    } finally {
      await Promise.all([r.close(), other.close()]);
    }
  });

  it('refuses a private address when private addresses are refused, and the server sees no request', async () => {
    const r = await receiver((res) => res.writeHead(200).end());
    try {
      await expect(postWebhook(r.url, request, { timeoutMs: 5_000, allowPrivateAddresses: false })).rejects.toThrow(
        WebhookAddressRefused,
      );
      expect(r.seen).toHaveLength(0);
    } finally {
      await r.close();
    }
  });

  it('refuses a name that resolves to a private address as it connects, and the server sees no request', async () => {
    const r = await receiver((res) => res.writeHead(200).end());
    try {
      const byName = r.url.replace('127.0.0.1', 'localhost');
      const posted = postWebhook(byName, request, { timeoutMs: 5_000, allowPrivateAddresses: false });
      await expect(posted).rejects.toThrow('localhost resolves to a private address');
      expect(r.seen).toHaveLength(0);
    } finally {
      await r.close();
    }
  });

  it.each([true, false])('the lookup refuses a private answer (all addresses: %p)', async (all) => {
    const refused = await new Promise<Error | null>((resolve) =>
      publicOnlyLookup('localhost', { all }, (err) => resolve(err)),
    );
    expect(refused).toBeInstanceOf(WebhookAddressRefused);
    expect(refused?.message).toContain('localhost resolves to a private address');
  });
});
