/**
 * An invoice, printable in the shape of a tax invoice (세금계산서), with its payments and disputes.
 * Merchants dispute part of it (Art. 7.2); operators record deposits and resolve disputes.
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, must } from '../api/client';
import { formatBrn, formatCalendarDate, formatDateTime, formatWon, label } from '../format';
import { isOwner, useSession } from '../session';
import { Alert, ErrorState, Field, FormError, Loading, Page, StatusBadge, useLoad, useSubmit } from '../ui';

export function InvoiceDetail() {
  const { id } = useParams();
  const { me } = useSession();
  const operator = me.role === 'operator';
  const invoice = useLoad(() => must(api.GET('/v1/invoices/{id}', { params: { path: { id: id! } } })), [id]);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [accepted, setAccepted] = useState<Record<string, string>>({});
  const submit = useSubmit();
  const inv = invoice.data;
  const key = () => crypto.randomUUID();
  // A payment (operator) and a dispute (owner) each take one amount in whole won.
  const amountField = (label: string) => (
    <Field label={label} error={submit.fieldErrors.amount}>
      {(a) => <input {...a} inputMode="numeric" required value={amount} onChange={(e) => setAmount(e.target.value)} />}
    </Field>
  );

  const dispute = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await submit.run(() =>
      must(
        api.POST('/v1/invoices/{id}/disputes', {
          params: { path: { id: id! } },
          headers: { 'Idempotency-Key': key() },
          body: { amount: Number(amount), reason },
        }),
      ),
    );
    if (ok) {
      setAmount('');
      setReason('');
      invoice.reload();
    }
  };
  const pay = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await submit.run(() =>
      must(
        api.POST('/v1/invoices/{id}/payments', {
          params: { path: { id: id! } },
          headers: { 'Idempotency-Key': key() },
          body: { amount: Number(amount) },
        }),
      ),
    );
    if (ok) {
      setAmount('');
      invoice.reload();
    }
  };
  const resolve = async (disputeId: string) => {
    const ok = await submit.run(() =>
      must(
        api.POST('/v1/invoices/{id}/disputes/{disputeId}/resolve', {
          params: { path: { id: id!, disputeId } },
          body: { acceptedAmount: Number(accepted[disputeId] ?? 0) },
        }),
      ),
    );
    if (ok) invoice.reload();
  };

  return (
    <Page
      title="청구서"
      actions={
        <>
          <button type="button" className="secondary" onClick={() => window.print()}>
            인쇄 / PDF로 저장
          </button>
          <Link to={operator ? '/ops/invoices' : '/invoices'}>목록으로</Link>
        </>
      }
    >
      {invoice.loading && !inv && <Loading />}
      {invoice.error !== undefined && <ErrorState error={invoice.error} retry={invoice.reload} />}
      {inv && (
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
            <table>
              <thead>
                <tr>
                  <th scope="col">품목</th>
                  <th scope="col" className="num">
                    수량
                  </th>
                  <th scope="col" className="num">
                    단가
                  </th>
                  <th scope="col" className="num">
                    공급가액
                  </th>
                </tr>
              </thead>
              <tbody>
                {inv.lines.map((l) => (
                  <tr key={l.type}>
                    <td>{label('fee', l.type)}</td>
                    <td className="num">{l.quantity.toLocaleString('ko-KR')}</td>
                    <td className="num">{formatWon(l.unitPrice)}</td>
                    <td className="num">{formatWon(l.amount)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
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
              </tfoot>
            </table>
            <p>
              납부 기한 <strong>{formatCalendarDate(inv.dueDate)}</strong> · 입금계좌 {inv.depositAccount.bank}{' '}
              {inv.depositAccount.accountNumber} ({inv.depositAccount.holder})
            </p>
            <p>
              납부 {formatWon(inv.paidAmount)} · 감액 {formatWon(inv.creditedAmount)} · 이의 중{' '}
              {formatWon(inv.disputedAmount)} · 미납 <strong>{formatWon(inv.outstandingAmount)}</strong>
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
            {operator && (
              <form onSubmit={pay} className="row">
                {amountField('입금액 (원)')}
                <button type="submit" disabled={submit.busy}>
                  입금 기록
                </button>
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
                    <Field label="인정 금액 (원, 가맹점이 내야 할 몫)">
                      {(a) => (
                        <input
                          {...a}
                          inputMode="numeric"
                          value={accepted[d.id] ?? ''}
                          onChange={(e) => setAccepted((x) => ({ ...x, [d.id]: e.target.value }))}
                        />
                      )}
                    </Field>
                    <button type="button" onClick={() => void resolve(d.id)} disabled={submit.busy}>
                      이의 해결
                    </button>
                  </div>
                )}
              </div>
            ))}
            {!operator && isOwner(me) && ['issued', 'partially_paid', 'disputed', 'overdue'].includes(inv.status) && (
              <form onSubmit={dispute}>
                <Alert kind="info">
                  이의가 없는 금액은 납부 기한까지 먼저 내야 합니다. 다툼이 있는 금액은 대사 후 정합니다.
                </Alert>
                {amountField('이의 금액 (원)')}
                <Field label="사유" error={submit.fieldErrors.reason}>
                  {(a) => (
                    <textarea {...a} required rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
                  )}
                </Field>
                <button type="submit" disabled={submit.busy}>
                  이의 제기
                </button>
              </form>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
