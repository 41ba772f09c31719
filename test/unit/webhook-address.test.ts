import { checkWebhookUrl, isPublicAddress } from '../../domain/webhook-address';

describe('which addresses a webhook may reach when private addresses are refused', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private (10/8)'],
    ['172.16.0.9', 'private (172.16/12)'],
    ['192.168.0.10', 'private (192.168/16)'],
    ['169.254.169.254', 'link-local: cloud instance metadata'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['::1', 'IPv6 loopback'],
    ['fd00::1', 'IPv6 unique local'],
    ['fe80::1', 'IPv6 link-local'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::7f00:1', 'IPv4-compatible loopback (::127.0.0.1)'],
    ['::a00:1', 'IPv4-compatible private (::10.0.0.1)'],
    ['64:ff9b:1::a00:1', 'local-use NAT64'],
    ['100::1', 'IPv6 discard'],
    ['fec0::1', 'IPv6 site-local'],
    ['2001:db8::1', 'IPv6 documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['168.63.129.16', 'Azure host endpoint'],
    ['not-an-address', 'not an address at all'],
  ])('%s (%s) is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '211.249.220.24', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('registering a webhook URL', () => {
  const refusing = { allowPrivateAddresses: false };
  const allowing = { allowPrivateAddresses: true };

  it.each([
    ['https://hooks.example.com/bizmsg', refusing],
    ['http://211.249.220.24:8080/hook', refusing],
    ['http://127.0.0.1:9000/hook', allowing],
    ['http://localhost:9000/hook', allowing],
  ])('takes %s', (url, opts) => {
    expect(checkWebhookUrl(url, opts)).toEqual({ ok: true });
  });

  it.each([
    ['not a url', allowing, 'absolute http(s) URL'],
    ['ftp://hooks.example.com/x', allowing, 'http(s) URL'],
    ['https://user:pass@hooks.example.com/x', allowing, 'credentials'],
    ['http://127.0.0.1:9000/hook', refusing, 'public internet address'],
    ['http://2130706433/hook', refusing, 'public internet address'],
    ['http://[::1]:9000/hook', refusing, 'public internet address'],
    ['http://169.254.169.254/latest/meta-data', refusing, 'public internet address'],
    ['http://203.0.113.7/hook', refusing, 'public internet address'],
    ['http://localhost:9000/hook', refusing, 'public internet address'],
    ['http://api.localhost/hook', refusing, 'public internet address'],
    ['http://localhost./hook', refusing, 'public internet address'],
    ['http://[::127.0.0.1]/hook', refusing, 'public internet address'],
    ['http://intranet/hook', refusing, 'public internet address'],
  ])('refuses %s', (url, opts, why) => {
    const check = checkWebhookUrl(url, opts);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toContain(why);
  });
});
