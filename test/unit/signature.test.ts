/** Signed carrier reports and merchant webhooks: `t=<unix>,v1=<hmac>`, one v1 per secret during a rotation. */
import { sign, verify } from '../../platform/signature';

const BODY = '{"id":"whk_1","type":"message.delivered"}';
const NOW = 1_780_000_000_000;

describe('signatures', () => {
  it('verifies a signature made with the secret, refuses others', () => {
    const header = sign('whsec_new', BODY, NOW);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verify('whsec_new', BODY, header, NOW)).toEqual({ ok: true });
    expect(verify('whsec_other', BODY, header, NOW)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify('whsec_new', `${BODY} `, header, NOW)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify('whsec_new', BODY, header, NOW + 301_000)).toEqual({ ok: false, reason: 'expired' });
    expect(verify('whsec_new', BODY, undefined, NOW)).toEqual({ ok: false, reason: 'missing' });
    expect(verify('whsec_new', BODY, 't=1', NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('signs with both secrets during a rotation: either one verifies', () => {
    const header = sign(['whsec_new', 'whsec_old'], BODY, NOW);
    expect(header.split(',').filter((p) => p.startsWith('v1='))).toHaveLength(2);
    expect(verify('whsec_new', BODY, header, NOW)).toEqual({ ok: true });
    expect(verify('whsec_old', BODY, header, NOW)).toEqual({ ok: true });
    expect(verify('whsec_gone', BODY, header, NOW)).toEqual({ ok: false, reason: 'mismatch' });
  });
});
