import { checkApplication, type ApplicationInput } from '../../domain/contract-application';
import type { RuleViolation } from '../../domain/rules';
import { checkProofDocument, detectDocumentType, PROOF_DOCUMENT_MAX_BYTES } from '../../domain/sender-number';
import { NO_SERVICES, type Services } from '../../domain/services';
import { ALL_MESSAGING } from '../support/fixtures';

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a]); // %PDF-1.7
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
const TEXT = new TextEncoder().encode('통신서비스 이용증명원 (scan attached)');

/** A file of exactly `size` bytes that starts like a PDF. */
function pdfOfSize(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(PDF.subarray(0, Math.min(PDF.length, size)));
  return bytes;
}

const services = (overrides: Partial<Services> = {}): Services => ({ ...NO_SERVICES, ...overrides });
const paymentNotices = (
  merchant: Partial<Services['paymentNotice']['merchant']> = {},
  buyer: Partial<Services['paymentNotice']['buyer']> = {},
): Services => ({
  ...NO_SERVICES,
  paymentNotice: {
    merchant: { ...NO_SERVICES.paymentNotice.merchant, ...merchant },
    buyer: { ...NO_SERVICES.paymentNotice.buyer, ...buyer },
  },
});

function input(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    services: services({ sms: true }),
    kakaoSearchId: null,
    senderNumbers: [{ number: '02-2345-6789', document: PDF }],
    receiverNumbers: [],
    mids: [],
    ...overrides,
  };
}

function violations(app: ApplicationInput): RuleViolation[] {
  const result = checkApplication(app);
  if (result.ok) throw new Error('expected the application to be refused');
  return result.violations;
}

const codes = (app: ApplicationInput) => violations(app).map((v) => v.code);

function accepted(app: ApplicationInput) {
  const result = checkApplication(app);
  if (!result.ok)
    throw new Error(`expected the application to be accepted, got ${result.violations.map((v) => v.code).join(', ')}`);
  return result.value;
}

const senders = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ number: `010-1234-${String(i).padStart(4, '0')}`, document: PDF }));
const receivers = (n: number) => Array.from({ length: n }, (_, i) => `010-5555-${String(i).padStart(4, '0')}`);

describe('services', () => {
  it('an application must apply for at least one service', () => {
    expect(violations(input({ services: NO_SERVICES, senderNumbers: [] }))).toEqual([
      expect.objectContaining({ code: 'no_service_selected', field: 'services' }),
    ]);
  });

  it('a plain SMS application with one sender number is accepted, the number stored as digits', () => {
    expect(accepted(input())).toEqual({
      senderNumbers: ['0223456789'],
      receiverNumbers: [],
      mids: [],
      kakaoSearchId: null,
    });
  });

  it('fallback SMS/LMS needs AlimTalk or FriendTalk to fall back from', () => {
    expect(violations(input({ services: services({ fallbackSms: true }) }))).toEqual([
      expect.objectContaining({ code: 'fallback_without_kakao_service', field: 'services' }),
    ]);
    expect(violations(input({ services: services({ fallbackLms: true }) })).map((v) => v.code)).toEqual([
      'fallback_without_kakao_service',
    ]);
  });

  it('fallback together with AlimTalk is accepted', () => {
    expect(
      accepted(
        input({
          services: services({ alimtalk: true, fallbackSms: true, fallbackLms: true }),
          kakaoSearchId: '@myshop',
        }),
      ).kakaoSearchId,
    ).toBe('@myshop');
  });

  it('buyer-target cancellation notices require buyer-target approval notices', () => {
    const app = input({ services: paymentNotices({}, { cancel: true }), senderNumbers: [], mids: ['INIpayTest'] });
    expect(violations(app)).toEqual([
      expect.objectContaining({ code: 'buyer_cancel_requires_approval', field: 'services.paymentNotice.buyer' }),
    ]);
  });

  it('buyer-target cancellation with approval is accepted', () => {
    expect(
      accepted(
        input({
          services: paymentNotices({}, { approval: true, cancel: true }),
          senderNumbers: [],
          mids: ['INIpayTest'],
        }),
      ).mids,
    ).toEqual(['INIpayTest']);
  });
});

describe('Kakao search ID (form §1)', () => {
  it.each([
    ['AlimTalk', { alimtalk: true }],
    ['FriendTalk text', { friendtalkText: true }],
    ['FriendTalk image', { friendtalkImage: true }],
  ] as const)('is required to apply for %s', (_name, chosen) => {
    expect(violations(input({ services: services(chosen), senderNumbers: [] }))).toEqual([
      expect.objectContaining({ code: 'kakao_search_id_required', field: 'kakaoSearchId' }),
    ]);
  });

  it('a blank search ID counts as missing', () => {
    expect(codes(input({ services: services({ alimtalk: true }), kakaoSearchId: '   ', senderNumbers: [] }))).toEqual([
      'kakao_search_id_required',
    ]);
  });

  it('is not needed for payment notices only', () => {
    expect(
      accepted(input({ services: paymentNotices({}, { approval: true }), senderNumbers: [], mids: ['INIpayTest'] }))
        .kakaoSearchId,
    ).toBeNull();
  });

  it.each(['@myshop', 'myshop', '@가게_이름.kr', 'a', '@' + 'x'.repeat(30)])('accepts the search ID "%s"', (id) => {
    expect(
      accepted(input({ services: services({ alimtalk: true }), kakaoSearchId: id, senderNumbers: [] })).kakaoSearchId,
    ).toBe(id);
  });

  it('is trimmed before it is stored', () => {
    expect(
      accepted(input({ services: services({ alimtalk: true }), kakaoSearchId: '  @myshop ', senderNumbers: [] }))
        .kakaoSearchId,
    ).toBe('@myshop');
  });

  it.each(['my shop', '@shop!', 'x'.repeat(31), '@@shop'])('refuses the search ID "%s"', (id) => {
    expect(violations(input({ services: services({ alimtalk: true }), kakaoSearchId: id, senderNumbers: [] }))).toEqual(
      [expect.objectContaining({ code: 'invalid_kakao_search_id', field: 'kakaoSearchId' })],
    );
  });

  it('an invalid search ID is refused even when no Kakao service needs one', () => {
    expect(codes(input({ kakaoSearchId: 'not valid!' }))).toEqual(['invalid_kakao_search_id']);
  });
});

describe('sender numbers (form §2가, Art. 4.4)', () => {
  it.each([
    ['SMS', { sms: true }],
    ['LMS', { lms: true }],
    ['fallback SMS', { alimtalk: true, fallbackSms: true }],
    ['fallback LMS', { alimtalk: true, fallbackLms: true }],
  ] as const)('%s needs at least one sender number', (_name, chosen) => {
    expect(violations(input({ services: services(chosen), kakaoSearchId: '@shop', senderNumbers: [] }))).toEqual([
      expect.objectContaining({ code: 'sender_number_required', field: 'senderNumbers' }),
    ]);
  });

  it('AlimTalk without fallback needs no sender number', () => {
    expect(
      accepted(input({ services: services({ alimtalk: true }), kakaoSearchId: '@shop', senderNumbers: [] }))
        .senderNumbers,
    ).toEqual([]);
  });

  it('a contract may list 10 sender numbers', () => {
    expect(accepted(input({ senderNumbers: senders(10) })).senderNumbers).toHaveLength(10);
  });

  it('an 11th sender number is refused', () => {
    expect(violations(input({ senderNumbers: senders(11) }))).toEqual([
      expect.objectContaining({ code: 'too_many_sender_numbers', field: 'senderNumbers', limit: 10 }),
    ]);
  });

  it.each(['010-123-4567', '1234', '02-0123-4567', '+1 415 555 0100', 'call me'])(
    'refuses the sender number "%s"',
    (number) => {
      expect(violations(input({ senderNumbers: [{ number, document: PDF }] }))).toEqual([
        expect.objectContaining({ code: 'invalid_sender_number', field: 'senderNumbers.0.number' }),
      ]);
    },
  );

  it.each(['02-2345-6789', '031-123-4567', '070-1234-5678', '1588-4954', '010-1234-5678', '+82 10 1234 5678'])(
    'accepts the sender number "%s"',
    (number) => {
      expect(accepted(input({ senderNumbers: [{ number, document: PDF }] })).senderNumbers).toHaveLength(1);
    },
  );

  it('the same number written with and without hyphens is a duplicate', () => {
    const app = input({
      senderNumbers: [
        { number: '02-2345-6789', document: PDF },
        { number: '0223456789', document: PNG },
      ],
    });
    expect(violations(app)).toEqual([
      expect.objectContaining({ code: 'duplicate_sender_number', field: 'senderNumbers.1.number' }),
    ]);
  });

  it('each sender number needs a proof document of its own', () => {
    const app = input({
      senderNumbers: [
        { number: '02-2345-6789', document: PDF },
        { number: '010-1234-5678', document: new Uint8Array() },
      ],
    });
    expect(violations(app)).toEqual([
      expect.objectContaining({ code: 'proof_document_empty', field: 'senderNumbers.1.proofDocument' }),
    ]);
  });
});

describe('proof documents', () => {
  it.each([
    ['a PDF', PDF, 'application/pdf'],
    ['a JPEG', JPEG, 'image/jpeg'],
    ['a PNG', PNG, 'image/png'],
  ] as const)('%s is recognised by its first bytes', (_name, bytes, type) => {
    expect(detectDocumentType(bytes)).toBe(type);
    expect(checkProofDocument(bytes, 'doc')).toEqual([]);
  });

  it('a file named .pdf that holds PNG bytes is accepted: only the bytes count', () => {
    // The application carries no file name; a scan saved as "이용증명원.pdf" but encoded as PNG is fine.
    expect(detectDocumentType(PNG)).toBe('image/png');
    expect(accepted(input({ senderNumbers: [{ number: '02-2345-6789', document: PNG }] })).senderNumbers).toEqual([
      '0223456789',
    ]);
  });

  it.each([
    ['plain text', TEXT],
    ['a GIF', new TextEncoder().encode('GIF89a...')],
    ['a truncated PDF header', new Uint8Array([0x25, 0x50, 0x44])],
    ['a file too short to identify', new Uint8Array([0xff])],
  ])('%s is not a proof document', (_name, bytes) => {
    expect(detectDocumentType(bytes)).toBeUndefined();
    expect(checkProofDocument(bytes, 'senderNumbers.0.proofDocument')).toEqual([
      expect.objectContaining({ code: 'proof_document_type', field: 'senderNumbers.0.proofDocument' }),
    ]);
  });

  it('an empty document is refused', () => {
    expect(checkProofDocument(new Uint8Array(), 'doc')).toEqual([
      expect.objectContaining({ code: 'proof_document_empty', field: 'doc' }),
    ]);
  });

  it('a document of exactly 1 MB is accepted', () => {
    expect(PROOF_DOCUMENT_MAX_BYTES).toBe(1024 * 1024);
    expect(checkProofDocument(pdfOfSize(1024 * 1024), 'doc')).toEqual([]);
  });

  it('a document over 1 MB is refused with its size', () => {
    expect(checkProofDocument(pdfOfSize(1024 * 1024 + 1), 'doc')).toEqual([
      expect.objectContaining({
        code: 'proof_document_too_large',
        field: 'doc',
        limit: 1024 * 1024,
        actual: 1024 * 1024 + 1,
      }),
    ]);
  });

  it('an application with a text file as proof is refused', () => {
    expect(violations(input({ senderNumbers: [{ number: '02-2345-6789', document: TEXT }] }))).toEqual([
      expect.objectContaining({ code: 'proof_document_type', field: 'senderNumbers.0.proofDocument' }),
    ]);
  });
});

describe('receiving numbers for merchant-target payment notices (form §2가)', () => {
  const merchantNotices = paymentNotices({ approval: true });
  const app = (receiverNumbers: string[]) =>
    input({ services: merchantNotices, senderNumbers: [], mids: ['INIpayTest'], receiverNumbers });

  it('need at least one receiving number', () => {
    expect(violations(app([]))).toEqual([
      expect.objectContaining({ code: 'receiver_numbers_required', field: 'receiverNumbers' }),
    ]);
  });

  it('the cancellation notice alone needs them too', () => {
    expect(
      codes(input({ services: paymentNotices({ cancel: true }), senderNumbers: [], mids: ['INIpayTest'] })),
    ).toEqual(['receiver_numbers_required']);
  });

  it('accept one receiving number, stored as digits', () => {
    expect(accepted(app(['010-9876-5432'])).receiverNumbers).toEqual(['01098765432']);
  });

  it('accept 20 receiving numbers', () => {
    expect(accepted(app(receivers(20))).receiverNumbers).toHaveLength(20);
  });

  it('refuse a 21st receiving number', () => {
    expect(violations(app(receivers(21)))).toEqual([
      expect.objectContaining({ code: 'too_many_receiver_numbers', field: 'receiverNumbers', limit: 20 }),
    ]);
  });

  it.each(['02-2345-6789', '1588-4954', '070-1234-5678', '010-123-4567'])(
    'refuse "%s": receivers must be mobile numbers',
    (number) => {
      expect(violations(app(['010-9876-5432', number]))).toEqual([
        expect.objectContaining({ code: 'invalid_receiver_number', field: 'receiverNumbers.1' }),
      ]);
    },
  );

  it('refuse the same mobile number twice, however it is written', () => {
    expect(violations(app(['010-9876-5432', '01098765432']))).toEqual([
      expect.objectContaining({ code: 'duplicate_receiver_number', field: 'receiverNumbers.1' }),
    ]);
  });

  it('are refused when no merchant-target notice was applied for (no personal data without a use)', () => {
    const buyerOnly = input({
      services: paymentNotices({}, { approval: true }),
      senderNumbers: [],
      mids: ['INIpayTest'],
      receiverNumbers: ['010-9876-5432'],
    });
    expect(violations(buyerOnly)).toEqual([
      expect.objectContaining({ code: 'receiver_numbers_not_applicable', field: 'receiverNumbers' }),
    ]);
    expect(codes(input({ receiverNumbers: ['010-9876-5432'] }))).toEqual(['receiver_numbers_not_applicable']);
  });
});

describe('MIDs for payment notices', () => {
  const buyerApproval = paymentNotices({}, { approval: true });

  it('payment notices need the MIDs they apply to', () => {
    expect(violations(input({ services: buyerApproval, senderNumbers: [] }))).toEqual([
      expect.objectContaining({ code: 'mid_required', field: 'mids' }),
    ]);
  });

  it('several valid MIDs are accepted in order', () => {
    expect(
      accepted(input({ services: buyerApproval, senderNumbers: [], mids: ['INIpayTest', 'shop00001', 'A1b2C'] })).mids,
    ).toEqual(['INIpayTest', 'shop00001', 'A1b2C']);
  });

  it.each(['abcd', 'x'.repeat(21), 'INI-pay', 'INIpay Test', '가맹점아이디'])('refuses the MID "%s"', (mid) => {
    expect(violations(input({ services: buyerApproval, senderNumbers: [], mids: ['INIpayTest', mid] }))).toEqual([
      expect.objectContaining({ code: 'invalid_mid', field: 'mids.1' }),
    ]);
  });

  it('refuses the same MID twice', () => {
    expect(
      violations(input({ services: buyerApproval, senderNumbers: [], mids: ['INIpayTest', 'INIpayTest'] })),
    ).toEqual([expect.objectContaining({ code: 'duplicate_mid', field: 'mids.1' })]);
  });

  it('refuses MIDs when no payment notice was applied for', () => {
    expect(violations(input({ mids: ['INIpayTest'] }))).toEqual([
      expect.objectContaining({ code: 'mids_not_applicable', field: 'mids' }),
    ]);
  });
});

describe('reporting', () => {
  it('reports every violation at once, each with the field to fix', () => {
    const app: ApplicationInput = {
      services: {
        ...NO_SERVICES,
        alimtalk: true,
        sms: true,
        paymentNotice: {
          merchant: { approval: true, cancel: false },
          buyer: { approval: false, cancel: true, vbankIssued: false },
        },
      },
      kakaoSearchId: null,
      senderNumbers: [
        { number: '02-2345-6789', document: TEXT },
        { number: '0223456789', document: PDF },
        { number: 'nope', document: new Uint8Array() },
      ],
      receiverNumbers: ['02-2345-6789'],
      mids: ['bad!'],
    };
    expect(violations(app).map((v) => [v.code, v.field])).toEqual([
      ['kakao_search_id_required', 'kakaoSearchId'],
      ['buyer_cancel_requires_approval', 'services.paymentNotice.buyer'],
      ['proof_document_type', 'senderNumbers.0.proofDocument'],
      ['duplicate_sender_number', 'senderNumbers.1.number'],
      ['invalid_sender_number', 'senderNumbers.2.number'],
      ['proof_document_empty', 'senderNumbers.2.proofDocument'],
      ['invalid_receiver_number', 'receiverNumbers.0'],
      ['invalid_mid', 'mids.0'],
    ]);
    for (const v of violations(app)) expect(v.message.length).toBeGreaterThan(0);
  });

  it('a full application for every service is accepted', () => {
    const all: Services = ALL_MESSAGING;
    const value = accepted({
      services: all,
      kakaoSearchId: '@myshop',
      senderNumbers: [
        { number: '02-2345-6789', document: PDF },
        { number: '1588-1234', document: JPEG },
      ],
      receiverNumbers: ['010-9876-5432', '011-234-5678'],
      mids: ['INIpayTest'],
    });
    expect(value).toEqual({
      senderNumbers: ['0223456789', '15881234'],
      receiverNumbers: ['01098765432', '0112345678'],
      mids: ['INIpayTest'],
      kakaoSearchId: '@myshop',
    });
  });
});
