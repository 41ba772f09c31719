/**
 * The printable invoice (SPEC §5, §6): a PDF shaped like a Korean tax invoice (세금계산서) — both
 * parties with their registration numbers, 작성일자, 공급가액, 세액, 합계, the lines, the form §4
 * deposit account and the due date — plus where its balance stands. Rendered with pdfkit and the
 * Noto Sans KR font shipped in node_modules (never fetched at run time).
 */
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { formatBrn } from '../domain/brn';
import { addDays, addPeriods, firstDayOf } from '../domain/calendar-kst';
import { DEPOSIT_ACCOUNT } from '../domain/company';
import type { UsageType } from '../domain/money';
import type { InvoiceRecord } from '../store/billing';

const FONT_DIR = '@expo-google-fonts/noto-sans-kr';
let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** The fonts are 6 MB each: read once, embedded as subsets of the glyphs used. */
const loadFonts = () =>
  (fonts ??= {
    regular: readFileSync(require.resolve(`${FONT_DIR}/400Regular/NotoSansKR_400Regular.ttf`)),
    bold: readFileSync(require.resolve(`${FONT_DIR}/700Bold/NotoSansKR_700Bold.ttf`)),
  });

/** Form §3's names of the services. */
const ITEM: Record<UsageType, string> = {
  paymentNotice: '결제 알림톡',
  sms: 'SMS (단문)',
  lms: 'LMS (장문)',
  alimtalk: '카카오 알림톡',
  friendtalkText: '카카오 친구톡 (텍스트)',
  friendtalkImage: '카카오 친구톡 (이미지)',
};

const STATUS: Record<string, string> = {
  issued: '청구',
  partially_paid: '일부 입금',
  paid: '입금 완료',
  disputed: '이의 제기 중',
  overdue: '연체',
  settled: '정산 완료',
};

const won = (n: number) => `${n.toLocaleString('en-US')}`;
const decimal = (text: string) => {
  const [whole, fraction] = text.split('.');
  return `${Number(whole).toLocaleString('en-US')}.${fraction ?? '00'}`;
};
const koreanDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}년 ${m}월 ${d}일`;
};

const INK = '#1a1a1a';
const RULE = '#c0392b';
const SHADE = '#fbeeee';

export async function renderInvoiceDocument(invoice: InvoiceRecord): Promise<Buffer> {
  const { row, lines } = invoice;
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: `세금계산서 ${row.id}`, Author: row.supplier.name, Subject: `${row.period} 이용요금` },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = 40;
  const width = doc.page.width - 80;
  const cell = (
    text: string,
    x: number,
    y: number,
    w: number,
    h: number,
    o: { font?: 'regular' | 'bold'; size?: number; align?: 'left' | 'center' | 'right'; fill?: string } = {},
  ) => {
    if (o.fill) doc.rect(x, y, w, h).fill(o.fill);
    doc.rect(x, y, w, h).lineWidth(0.7).strokeColor(RULE).stroke();
    // A long name or address shrinks to fit, then wraps: a tax invoice shows it whole.
    const font = o.font ?? 'regular';
    let size = o.size ?? 9;
    doc.font(font);
    while (size > 7 && doc.fontSize(size).widthOfString(text) > w - 8) size -= 0.5;
    const lines = doc.fontSize(size).widthOfString(text) > w - 8 ? 2 : 1;
    const lineHeight = doc.currentLineHeight(true);
    doc.fillColor(INK).text(text, x + 4, y + (h - lines * lineHeight) / 2, {
      width: w - 8,
      height: lines * lineHeight + 1,
      align: o.align ?? 'left',
      lineBreak: lines > 1,
      ellipsis: true,
    });
  };

  // Title
  doc.font('bold').fontSize(20).fillColor(INK).text('세 금 계 산 서', left, 40, { width, align: 'center' });
  doc
    .font('regular')
    .fontSize(9)
    .text('(공급받는자 보관용)', left, 66, { width, align: 'center' })
    .fontSize(8)
    .text(`관리번호 ${row.id}`, left, 72, { width, align: 'right' });

  // The two parties, side by side
  let y = 90;
  const half = width / 2;
  const label = 18;
  const key = 56;
  const party = (title: string, x: number, p: InvoiceRecord['row']['buyer']) => {
    doc.rect(x, y, label, 88).fill(SHADE);
    doc.rect(x, y, label, 88).lineWidth(0.7).strokeColor(RULE).stroke();
    doc
      .font('bold')
      .fontSize(9)
      .fillColor(INK)
      .text(title.split('').join('\n'), x, y + 44 - (title.length * 11.7) / 2, { width: label, align: 'center' });
    const rows: [string, string][] = [
      ['등록번호', formatBrn(p.businessRegistrationNumber)],
      ['상호', p.name],
      ['성명', p.representative ?? '—'],
      ['사업장 주소', p.address ?? '—'],
    ];
    rows.forEach(([k, v], i) => {
      cell(k, x + label, y + i * 22, key, 22, { fill: SHADE, align: 'center' });
      cell(v, x + label + key, y + i * 22, half - label - key, 22, { font: i < 2 ? 'bold' : 'regular' });
    });
  };
  party('공급자', left, row.supplier);
  party('공급받는자', left + half, row.buyer);

  // 작성일자, 공급가액, 세액, 합계
  y += 100;
  const quarter = width / 4;
  ['작성일자', '공급가액', '세액', '합계금액'].forEach((t, i) =>
    cell(t, left + i * quarter, y, quarter, 20, { fill: SHADE, align: 'center', font: 'bold' }),
  );
  y += 20;
  [koreanDate(row.issue_date), `${won(row.supply_amount)} 원`, `${won(row.vat)} 원`, `${won(row.total)} 원`].forEach(
    (t, i) => cell(t, left + i * quarter, y, quarter, 24, { align: i === 0 ? 'center' : 'right', size: 10 }),
  );

  // Lines
  y += 36;
  const cols = [
    { title: '품목', w: width * 0.4, align: 'left' as const },
    { title: '수량', w: width * 0.15, align: 'right' as const },
    { title: '단가 (원)', w: width * 0.2, align: 'right' as const },
    { title: '금액 (원)', w: width * 0.25, align: 'right' as const },
  ];
  const row4 = (texts: string[], o: { fill?: string; font?: 'regular' | 'bold'; h?: number } = {}) => {
    let x = left;
    cols.forEach((c, i) => {
      cell(texts[i], x, y, c.w, o.h ?? 20, { align: o.fill ? 'center' : c.align, fill: o.fill, font: o.font });
      x += c.w;
    });
    y += o.h ?? 20;
  };
  const lastDay = addDays(firstDayOf(addPeriods(row.period, 1)), -1);
  doc
    .font('regular')
    .fontSize(9)
    .text(
      `이용기간 ${koreanDate(firstDayOf(row.period))} ~ ${koreanDate(lastDay)} (전달 완료된 메시지, VAT 별도)`,
      left,
      y,
    );
  y += 16;
  row4(
    cols.map((c) => c.title),
    { fill: SHADE, font: 'bold' },
  );
  for (const l of lines) row4([ITEM[l.usage_type], won(l.quantity), decimal(l.unit_price), decimal(l.amount)]);
  const exact = lines.reduce((sum, l) => sum + Math.round(Number(l.amount) * 100), 0);
  row4(['계 (원 미만 절사 → 공급가액)', '', '', `${decimal((exact / 100).toFixed(2))} → ${won(row.supply_amount)}`], {
    font: 'bold',
  });
  y += 8;
  doc
    .font('bold')
    .fontSize(11)
    .text(
      `이 금액을 청구함: 합계 ${won(row.total)} 원 (공급가액 ${won(row.supply_amount)} + 세액 ${won(row.vat)})`,
      left,
      y,
      {
        width,
        align: 'right',
      },
    );

  // Payment
  y += 30;
  const pay: [string, string][] = [
    ['납부기한', `${koreanDate(row.due_date)} (청구일로부터 20 영업일)`],
    ['입금계좌', `${DEPOSIT_ACCOUNT.bank} ${DEPOSIT_ACCOUNT.accountNumber}  예금주 ${DEPOSIT_ACCOUNT.holder}`],
    [
      '입금 현황',
      `입금 ${won(row.paid_amount)} 원 · 환불 ${won(row.refunded_amount)} 원 · 감액 ${won(row.credited_amount)} 원 · 미납 ${won(row.outstanding_amount)} 원 (${STATUS[row.status] ?? row.status})`,
    ],
  ];
  for (const [k, v] of pay) {
    cell(k, left, y, 80, 22, { fill: SHADE, align: 'center', font: 'bold' });
    cell(v, left + 80, y, width - 80, 22, { font: k === '입금계좌' ? 'bold' : 'regular' });
    y += 22;
  }
  y += 14;
  doc
    .font('regular')
    .fontSize(8)
    .fillColor('#555555')
    .text(
      '이용수수료는 해당 월 총액을 익월 10영업일까지 세금계산서 발행과 함께 청구하며, 청구일로부터 20영업일까지 위 계좌로 현금 입금합니다 (이용약관 제7조 1항). ' +
        '청구 금액에 이의가 있는 경우 이의 금액을 제외한 나머지를 납부기한까지 입금하고, 이의 금액은 확인 후 정산합니다 (제7조 2항).',
      left,
      y,
      { width },
    );

  doc.end();
  return done;
}
