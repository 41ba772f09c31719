/**
 * Where the platform may POST a merchant's webhooks. A webhook is the one request the platform makes
 * to an address a merchant gives; in production it must not reach the platform's own network
 * (loopback, private, link-local — cloud metadata at 169.254.169.254 — and the like), or a merchant
 * could make the workers call internal services. Checked at registration for a clear error and again
 * when connecting, against the addresses the name resolves to then (DNS can change in between).
 */
import ipaddr from 'ipaddr.js';

/**
 * Ranges ipaddr.js counts as unicast that do not lead to the public internet: benchmarking
 * (198.18/15), Azure's host endpoint, IPv4-compatible IPv6 (::a.b.c.d, ::/96), local-use NAT64
 * (64:ff9b:1::/48), discard (100::/64), site-local (fec0::/10) and documentation (2001:db8::/32).
 */
const NOT_PUBLIC_V4 = ['198.18.0.0/15', '168.63.129.16/32'].map((cidr) => ipaddr.IPv4.parseCIDR(cidr));
const NOT_PUBLIC_V6 = ['::/96', '64:ff9b:1::/48', '100::/64', 'fec0::/10', '2001:db8::/32'].map((cidr) =>
  ipaddr.IPv6.parseCIDR(cidr),
);

/** Whether the address is on the public internet (globally routable unicast). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() reads an IPv4-mapped IPv6 address (::ffff:10.0.0.1) as the IPv4 address it is.
  const parsed = ipaddr.process(address);
  if (parsed.range() !== 'unicast') return false;
  return parsed instanceof ipaddr.IPv4
    ? !NOT_PUBLIC_V4.some((range) => parsed.match(range))
    : !NOT_PUBLIC_V6.some((range) => parsed.match(range));
}

/** A URL's host as an address or name: without IPv6 brackets or the root's trailing dot. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');

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
  const host = hostOf(url);
  // A single-label name (`intranet`) or `*.localhost` only resolves inside a network.
  const internal = ipaddr.isValid(host)
    ? !isPublicAddress(host)
    : host === 'localhost' || host.endsWith('.localhost') || !host.includes('.');
  if (internal)
    return { ok: false, message: 'webhookUrl must be a public internet address, not one of a private network' };
  return { ok: true };
}
