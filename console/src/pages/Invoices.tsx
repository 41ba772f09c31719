/** 청구서: the running month (GET /v1/invoices/upcoming) and issued invoices (GET /v1/invoices) with their PDFs. */
import { Link } from 'react-router';
import { api, must } from '../api/client';
import { formatCalendarDate, formatDateTime, formatWon, label } from '../format';
import { loadCurrentContract } from '../useContract';
import { Loaded, Page, StatusBadge, Table, num, useLoad } from '../ui';

/** The printable tax invoice (PDF) of the API: a GET, so the session cookie alone authenticates it (no CSRF token). */
export const invoiceDocumentHref = (id: string) => `/v1/invoices/${encodeURIComponent(id)}/document`;

export function InvoiceTable(props: {
  invoices: {
    id: string;
    period: string;
    status: string;
    total: number;
    refundedAmount: number;
    outstandingAmount: number;
    dueDate: string;
    issuedAt: string;
  }[];
  base: string;
  /** What a list without invoices says (as `Table`'s `empty`). */
  empty?: string;
}) {
  return (
    <Table
      columns={[
        '청구 월',
        '상태',
        num('합계 (부가세 포함)'),
        num('환불'),
        num('미납'),
        '발행일',
        '납부 기한',
        '세금계산서',
      ]}
      rows={props.invoices}
      empty={props.empty}
    >
      {(i) => (
        <>
          <td>
            <Link to={`${props.base}/${i.id}`}>{i.period}</Link>
          </td>
          <td>
            <StatusBadge status={i.status} text={label('invoiceStatus', i.status)} />
          </td>
          <td className="num">{formatWon(i.total)}</td>
          <td className="num">{i.refundedAmount > 0 ? formatWon(i.refundedAmount) : '—'}</td>
          <td className="num">{formatWon(i.outstandingAmount)}</td>
          <td>{formatDateTime(i.issuedAt)}</td>
          <td>{formatCalendarDate(i.dueDate)}</td>
          <td>
            <a href={invoiceDocumentHref(i.id)} target="_blank" rel="noreferrer">
              PDF<span className="sr-only"> ({i.period} 세금계산서, 새 창)</span>
            </a>
          </td>
        </>
      )}
    </Table>
  );
}

export function Invoices() {
  const data = useLoad(async () => {
    const [contract, invoices] = await Promise.all([
      loadCurrentContract(),
      must(api.GET('/v1/invoices', { params: { query: { limit: 50 } } })),
    ]);
    const upcoming =
      contract && contract.status !== 'applied'
        ? await must(api.GET('/v1/invoices/upcoming', { params: { query: { contractId: contract.id } } }))
        : null;
    return { invoices: invoices.data, upcoming };
  }, []);
  return (
    <Page
      title="청구서"
      intro="전달에 성공한 메시지만 청구합니다. 매월 10영업일 안에 세금계산서와 함께 발행하고, 발행일부터 20영업일 안에 납부합니다."
    >
      <Loaded state={data}>
        {({ upcoming, invoices }) => (
          <>
            {upcoming && (
              <section className="card" aria-labelledby="upcoming">
                <h2 id="upcoming">이번 달 사용 요금 (집계 중, {upcoming.period})</h2>
                <p className="big">{formatWon(upcoming.total)}</p>
                <p className="hint">
                  공급가액 {formatWon(upcoming.supplyAmount)} + 부가세 {formatWon(upcoming.vat)} ·{' '}
                  {formatDateTime(upcoming.asOf)} 기준
                </p>
              </section>
            )}
            <InvoiceTable
              invoices={invoices}
              base="/invoices"
              empty="발행된 청구서가 없습니다. 이용한 달의 다음 달 초에 발행됩니다."
            />
          </>
        )}
      </Loaded>
    </Page>
  );
}
