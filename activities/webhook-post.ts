/**
 * The HTTP POST of a merchant webhook. Unlike fetch it follows no redirect (a 3xx is an answer, not
 * a new address to call) and, where private addresses are refused (domain/webhook-address.ts), it
 * connects only to public addresses: the name is checked as it resolves at connect time, so a DNS
 * answer that changed since registration cannot point the worker at the platform's own network.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { hostOf, isPublicAddress } from '../domain/webhook-address';

/** What is kept of an answer's body (the delivery record keeps 500 characters). */
const MAX_BODY_BYTES = 64 * 1024;

export class WebhookAddressRefused extends Error {
  constructor(what: string) {
    super(`${what}: webhooks go to public internet addresses only (WEBHOOK_PRIVATE_ADDRESSES=refuse)`);
    this.name = 'WebhookAddressRefused';
  }
}

export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, options, (err, address, family) => {
    if (err) return callback(err, address, family);
    const addresses = Array.isArray(address) ? address.map((a) => a.address) : [address];
    if (addresses.some((a) => !isPublicAddress(a)))
      return callback(new WebhookAddressRefused(`${hostname} resolves to a private address`), address, family);
    callback(null, address, family);
  });
};

export interface WebhookAnswer {
  status: number;
  body: string;
}

export function postWebhook(
  url: string,
  request: { headers: Record<string, string>; body: string },
  opts: { timeoutMs: number; allowPrivateAddresses: boolean },
): Promise<WebhookAnswer> {
  const target = new URL(url);
  // Node connects to an address literal without calling `lookup`: those are checked here, names
  // (localhost included) by the lookup as they resolve.
  const host = hostOf(target);
  if (!opts.allowPrivateAddresses && ipaddr.isValid(host) && !isPublicAddress(host))
    return Promise.reject(new WebhookAddressRefused(`${host} is not a public address`));
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: {
          'user-agent': 'bizmsg-webhooks/1',
          ...request.headers,
          'content-length': Buffer.byteLength(request.body),
        },
        signal: AbortSignal.timeout(opts.timeoutMs),
        ...(opts.allowPrivateAddresses ? {} : { lookup: publicOnlyLookup }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < MAX_BODY_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_BODY_BYTES),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}
