/**
 * An invoice, printable in the shape of a tax invoice (세금계산서), with its payments, disputes and refunds.
 * Merchants dispute part of it (Art. 7.2), also after paying it until the next month's invoice is
 * issued (SPEC §5); operators record deposits and resolve disputes. Every write carries an
 * Idempotency-Key, so a retried click never records a payment twice.
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { disputesCloseAt } from '../../../domain/invoice';
import { api, must, type Schemas } from '../api/client';
import { formatBrn, formatCalendarDate, formatDate, formatDateTime, formatWon, label } from '../format';
import { isOwner, useSession } from '../session';
import { invoiceDocumentHref } from './Invoices';
import { FormError, SubmitButton, TextField, useIdempotencyKeys, useFieldState, useSubmit } from '../forms';
import { Alert, Loaded, Page, StatusBadge, Table, num, useLoad } from '../ui';

const OPEN_STATUSES: readonly string[] = ['issued', 'partially_paid', 'disputed', 'overdue'];

/**
 * Whether the API would take a dispute now (SPEC §5): while money is open, or — paid or settled —
 * until the next month's invoice is issued; never for more than is billed and not yet credited or disputed.
 */
export function disputeOpening(inv: Schemas['Invoice'], now: number) {
  const disputable = inv.total - inv.creditedAmount - inv.disputedAmount;
  const closesAt = disputesCloseAt(inv.period);
  const open = OPEN_STATUSES.includes(inv.status) || now < +closesAt;
  return { open: open && disputable > 0, disputable, closesAt };
}

/** The window closes at 00:00 KST: its last day is the day before. */
const lastDisputeDay = (closesAt: Date) => formatDate(new Date(+closesAt - 1).toISOString());

export function InvoiceDetail() {
  const { id } = useParams();
  const { me } = useSession();
  const operator = me.role === 'operator';
  const invoice = useLoad(() => must(api.GET('/v1/invoices/{id}', { params: { path: { id: id! } } })), [id]);
  const amount = useFieldState('');
  const reason = useFieldState('');
  const [accepted, setAccepted] = useState<Record<string, string>>({});
  const submit = useSubmit();
  const keys = useIdempotencyKeys();
  // A payment (operator) and a dispute (owner) each take one amount in whole won.
  const amountField = (label: string) => (
    <TextField label={label} error={submit.fieldErrors.amount} inputMode="numeric" required {...amount} />
  );
  const params = { path: { id: id! } };
  /** One user action, sent with its Idempotency-Key: the key is kept until the API has answered it with success. */
  const write = async <T,>(action: unknown, call: (headers: { 'idempotency-key': string }) => Promise<T>) => {
    const done = await submit.run(() => call({ 'idempotency-key': keys.keyFor(action) }));
    if (done) {
      keys.done(action);
      invoice.reload();
    }
    return done;
  };

  const dispute = async (e: FormEvent) => {
    e.preventDefault();
    const body = { amount: Number(amount.value), reason: reason.value };
    const ok = await write(['dispute', id, body], (headers) =>
      must(api.POST('/v1/invoices/{id}/disputes', { params, headers, body })),
    );
    if (ok) {
      amount.onValue('');
      reason.onValue('');
    }
  };
  const pay = async (e: FormEvent) => {
    e.preventDefault();
    const body = { amount: Number(amount.value) };
    const ok = await write(['payment', id, body], (headers) =>
      must(api.POST('/v1/invoices/{id}/payments', { params, headers, body })),
    );
    if (ok) amount.onValue('');
  };
  const resolve = async (disputeId: string) => {
    const body = { acceptedAmount: Number(accepted[disputeId] ?? 0) };
    await write(['resolve', id, disputeId, body], (headers) =>
      must(
        api.POST('/v1/invoices/{id}/disputes/{disputeId}/resolve', {
          params: { path: { id: id!, disputeId } },
          headers,
          body,
        }),
      ),
    );
  };
  const opening = invoice.data ? disputeOpening(invoice.data, Date.now()) : undefined;

  return (
    <Page
      title="청구서"
      actions={
        <>
          {id && (
            <a className="button" href={invoiceDocumentHref(id)} target="_blank" rel="noreferrer">
              세금계산서 PDF<span className="sr-only"> (새 창)</span>
            </a>
          )}
          <button type="button" className="secondary" onClick={() => window.print()}>
            이 화면 인쇄
          </button>
          <Link to={operator ? '/ops/invoices' : '/invoices'}>목록으로</Link>
        </>
      }
    >
      <Loaded state={invoice} quiet>
        {(inv) => (
          <>
            <article className="tax-invoice" aria-label="세금계산서">
              <h2>
                세금계산서 <small>(공급받는자 보관용)</small>
              </h2>
              <p>
                {inv.period} 이용분 · 작성일자 {formatCalendarDate(inv.issueDate)} · 상태{' '}
                <StatusBadge status={inv.status} text={label('invoiceStatus', inv.status)} />
              </p>
              <div className="parties">
                {(
                  [
                    ['공급자', inv.supplier],
                    ['공급받는자', inv.buyer],
                  ] as const
                ).map(([title, p]) => (
                  <table key={title} className="party">
                    <caption>{title}</caption>
                    <tbody>
                      <tr>
                        <th scope="row">등록번호</th>
                        <td>{formatBrn(p.businessRegistrationNumber)}</td>
                      </tr>
                      <tr>
                        <th scope="row">상호</th>
                        <td>{p.name}</td>
                      </tr>
                      <tr>
                        <th scope="row">대표자</th>
                        <td>{p.representative ?? '—'}</td>
                      </tr>
                      <tr>
                        <th scope="row">주소</th>
                        <td>{p.address ?? '—'}</td>
                      </tr>
                    </tbody>
                  </table>
                ))}
              </div>
              <Table
                columns={['품목', num('수량'), num('단가'), num('공급가액')]}
                rows={inv.lines}
                rowKey={(l) => l.type}
                foot={
                  <>
                    <tr>
                      <th scope="row" colSpan={3}>
                        공급가액
                      </th>
                      <td className="num">{formatWon(inv.supplyAmount)}</td>
                    </tr>
                    <tr>
                      <th scope="row" colSpan={3}>
                        세액 (10%)
                      </th>
                      <td className="num">{formatWon(inv.vat)}</td>
                    </tr>
                    <tr>
                      <th scope="row" colSpan={3}>
                        합계금액
                      </th>
                      <td className="num">
                        <strong>{formatWon(inv.total)}</strong>
                      </td>
                    </tr>
                  </>
                }
              >
                {(l) => (
                  <>
                    <td>{label('fee', l.type)}</td>
                    <td className="num">{l.quantity.toLocaleString('ko-KR')}</td>
                    <td className="num">{formatWon(l.unitPrice)}</td>
                    <td className="num">{formatWon(l.amount)}</td>
                  </>
                )}
              </Table>
              <p>
                납부 기한 <strong>{formatCalendarDate(inv.dueDate)}</strong> · 입금계좌 {inv.depositAccount.bank}{' '}
                {inv.depositAccount.accountNumber} · 예금주 {inv.depositAccount.holder}
              </p>
              <p className="ledger" aria-label="납부 현황">
                납부 {formatWon(inv.paidAmount)} − 환불 {formatWon(inv.refundedAmount)} + 감액{' '}
                {formatWon(inv.creditedAmount)} + 미납 <strong>{formatWon(inv.outstandingAmount)}</strong> = 합계{' '}
                {formatWon(inv.total)}
                {inv.disputedAmount > 0 && <> · 이 중 이의 중 {formatWon(inv.disputedAmount)}</>}
              </p>
            </article>

            <FormError error={submit.error} />
            <section className="card no-print" aria-labelledby="payments">
              <h2 id="payments">납부</h2>
              {inv.payments.length === 0 ? (
                <p>아직 기록된 납부가 없습니다.</p>
              ) : (
                <ul>
                  {inv.payments.map((p) => (
                    <li key={p.id}>
                      {formatDateTime(p.paidAt)} — {formatWon(p.amount)}
                    </li>
                  ))}
                </ul>
              )}
              {operator && inv.outstandingAmount === 0 && <p className="hint">미납액이 없어 기록할 입금이 없습니다.</p>}
              {operator && inv.outstandingAmount > 0 && (
                <form onSubmit={pay} className="row">
                  {amountField('입금액 (원)')}
                  <SubmitButton busy={submit.busy}>입금 기록</SubmitButton>
                </form>
              )}
            </section>

            <section className="card no-print" aria-labelledby="disputes">
              <h2 id="disputes">이의 제기 (제7조 2항)</h2>
              {inv.disputes.length === 0 && <p>이의 제기가 없습니다.</p>}
              {inv.disputes.map((d) => (
                <div key={d.id} className="dispute">
                  <p>
                    {formatDateTime(d.openedAt)} — {formatWon(d.amount)}: {d.reason}{' '}
                    <StatusBadge
                      status={d.status === 'open' ? 'disputed' : 'settled'}
                      text={d.status === 'open' ? '검토 중' : '해결'}
                    />
                    {d.status === 'resolved' &&
                      ` · 인정 ${formatWon(d.acceptedAmount)}, 감액 ${formatWon(d.creditedAmount)}`}
                  </p>
                  {operator && d.status === 'open' && (
                    <div className="row">
                      <TextField
                        label="인정 금액 (원, 가맹점이 내야 할 몫)"
                        inputMode="numeric"
                        value={accepted[d.id] ?? ''}
                        onValue={(v) => setAccepted((x) => ({ ...x, [d.id]: v }))}
                      />
                      <button type="button" onClick={() => void resolve(d.id)} disabled={submit.busy}>
                        이의 해결
                      </button>
                    </div>
                  )}
                </div>
              ))}
              {!operator && isOwner(me) && opening && !opening.open && (
                <p className="hint">
                  {opening.disputable <= 0
                    ? '이의를 제기할 금액이 남아 있지 않습니다 (모두 감액되었거나 이의 중입니다).'
                    : `납부가 끝난 청구서는 다음 달 청구서가 발행되기 전(${lastDisputeDay(opening.closesAt)}까지)에만 이의를 제기할 수 있습니다.`}
                </p>
              )}
              {!operator && isOwner(me) && opening?.open && (
                <form onSubmit={dispute}>
                  <Alert kind="info">
                    {OPEN_STATUSES.includes(inv.status)
                      ? '이의가 없는 금액은 납부 기한까지 먼저 내야 합니다. 다툼이 있는 금액은 대사 후 정합니다.'
                      : `납부를 마친 청구서도 다음 달 청구서가 발행되기 전, ${lastDisputeDay(opening.closesAt)}까지 이의를 제기할 수 있습니다. 인정되면 낸 금액에서 환불합니다.`}{' '}
                    최대 {formatWon(opening.disputable)}.
                  </Alert>
                  {amountField('이의 금액 (원)')}
                  <TextField label="사유" error={submit.fieldErrors.reason} required rows={2} {...reason} />
                  <SubmitButton busy={submit.busy}>이의 제기</SubmitButton>
                </form>
              )}
            </section>

            <section className="card no-print" aria-labelledby="refunds">
              <h2 id="refunds">환불</h2>
              {inv.refunds.length === 0 ? (
                <p>환불이 없습니다. 납부한 뒤 이의가 인정되면 낸 금액에서 돌려드립니다.</p>
              ) : (
                <ul>
                  {inv.refunds.map((r) => {
                    const d = inv.disputes.find((x) => x.id === r.disputeId);
                    return (
                      <li key={r.id}>
                        {formatDateTime(r.refundedAt)} — {formatWon(r.amount)} 환불
                        {d && ` (이의: ${d.reason})`}
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
