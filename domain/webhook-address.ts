/**
 * Where the platform may POST a merchant's webhooks. A webhook is the one request the platform makes
 * to an address a merchant gives; in production it must not reach the platform's own network
 * (loopback, private, link-local — cloud metadata at 169.254.169.254 — and the like), or a merchant
 * could make the workers call internal services. Checked at registration for a clear error and again
 * when connecting, against the addresses the name resolves to then (DNS can change in between).
 */
import ipaddr from 'ipaddr.js';

/** Whether the address is on the public internet (globally routable unicast). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() reads an IPv4-mapped IPv6 address (::ffff:10.0.0.1) as the IPv4 address it is.
  return ipaddr.process(address).range() === 'unicast';
}

export type WebhookUrlCheck = { ok: true } | { ok: false; message: string };

/**
 * A webhook URL a merchant may register: http(s), no credentials in it, and — where private
 * addresses are refused — not a name or address of the platform's own network.
 */
export function checkWebhookUrl(value: string, opts: { allowPrivateAddresses: boolean }): WebhookUrlCheck {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: 'webhookUrl must be an absolute http(s) URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, message: 'webhookUrl must be an http(s) URL' };
  if (url.username || url.password) return { ok: false, message: 'webhookUrl must not carry credentials' };
  if (opts.allowPrivateAddresses) return { ok: true };
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  // A single-label name (`intranet`) or `*.localhost` only resolves inside a network.
  const internal = ipaddr.isValid(host)
    ? !isPublicAddress(host)
    : host === 'localhost' || host.endsWith('.localhost') || !host.includes('.');
  if (internal)
    return { ok: false, message: 'webhookUrl must be a public internet address, not one of a private network' };
  return { ok: true };
}
