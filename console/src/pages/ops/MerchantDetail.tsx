/**
 * A merchant and its contracts: suspend with a reason, resume (with a reason while an invoice is
 * overdue), terminate with a cause; the 3-month clock.
 */
import { Link, useParams } from 'react-router';
import { REQUESTABLE_TERMINATION_CAUSES } from '../../../../domain/contract';
import { ApiFailure, api, must, onBehalfOf, type Schemas } from '../../api/client';
import { LABELS, formatWon } from '../../format';
import { FormError, LabelSelect, TextField, useFieldState, useSubmit } from '../../forms';
import { Alert, Dl, Empty, Loaded, Page, useLoad } from '../../ui';
import { ContractSummary, TerminationClock } from '../Contract';
import { InvoiceTable } from '../Invoices';
import { contractWorkflowId } from '../../../../workflows/ids';
import { TemporalLink } from './common';

type Contract = Schemas['Contract'];
type Invoice = Schemas['Invoice'];
type SuspensionReason = keyof typeof LABELS.suspensionReason;
type Cause = Exclude<keyof typeof LABELS.terminationCause, 'no_objection_after_suspension'>;

/**
 * Art. 5.2.3: resuming while an invoice is still overdue forgives arrears, so the API wants a reason
 * (409 `invoices_overdue` naming them without one). The invoices come from the merchant's list and,
 * should it be stale, from the refusal itself.
 */
function overdueInvoiceIds(contract: Contract, invoices: Invoice[], error: Error | null): string[] {
  const listed = invoices.filter((i) => i.contractId === contract.id && i.status === 'overdue').map((i) => i.id);
  const named =
    error instanceof ApiFailure && error.code === 'invoices_overdue'
      ? ((error.details as { overdueInvoices?: string[] } | undefined)?.overdueInvoices ?? [])
      : [];
  return [...new Set([...listed, ...named])];
}

function ContractActions(props: { contract: Contract; invoices: Invoice[]; changed: () => void }) {
  const c = props.contract;
  const reason = useFieldState<SuspensionReason>('unpaid_fees');
  const cause = useFieldState<Cause>('fee_arrears');
  const note = useFieldState('');
  const resumeReason = useFieldState('');
  const submit = useSubmit();
  const overdue = c.status === 'suspended' ? overdueInvoiceIds(c, props.invoices, submit.error) : [];
  const path = { params: { path: { id: c.id } } };
  const run = async (what: string, call: () => Promise<unknown>) => {
    if (!window.confirm(`${what} — 계속할까요?`)) return;
    if (await submit.run(call)) props.changed();
  };
  const action = (what: string, text: string, call: () => Promise<unknown>, className?: string) => (
    <button type="button" className={className} disabled={submit.busy} onClick={() => void run(what, call)}>
      {text}
    </button>
  );
  const live = c.status === 'active' || c.status === 'suspended';
  if (!live) return null;
  return (
    <div>
      <FormError error={submit.error} />
      {c.status === 'active' && (
        <fieldset>
          <legend>이용 정지 (제5조 2항, 제13조 3항)</legend>
          <div className="row">
            <LabelSelect
              label="정지 사유"
              hint="점검 외의 정지는 3개월 안에 이의가 없으면 해지됩니다"
              labels={LABELS.suspensionReason}
              {...reason}
            />
            {action(
              '이용 정지',
              '정지',
              () => must(api.POST('/v1/contracts/{id}/suspend', { ...path, body: { reason: reason.value } })),
              'danger',
            )}
          </div>
        </fieldset>
      )}
      {c.status === 'suspended' && (
        <fieldset>
          <legend>정지 해제</legend>
          {overdue.length > 0 && (
            <Alert kind="error">
              <p>
                아직 연체 중인 청구서가 있습니다. 해제해도 연체는 그대로 남고, 사유가 계약 이력과 감사 기록에 남습니다.
              </p>
              <ul>
                {overdue.map((invoiceId) => {
                  const i = props.invoices.find((x) => x.id === invoiceId);
                  return (
                    <li key={invoiceId}>
                      <Link to={`/ops/invoices/${invoiceId}`}>{i ? `${i.period} 청구서` : invoiceId}</Link>
                      {i && ` — 미납 ${formatWon(i.outstandingAmount)}`}
                    </li>
                  );
                })}
              </ul>
            </Alert>
          )}
          <div className="row">
            {overdue.length > 0 && (
              <TextField
                label="해제 사유 (연체 중 해제에 필수)"
                error={submit.fieldErrors.reason}
                required
                {...resumeReason}
              />
            )}
            {action('정지 해제', '정지 해제', () =>
              must(
                api.POST('/v1/contracts/{id}/resume', {
                  ...path,
                  body: overdue.length && resumeReason.value.trim() ? { reason: resumeReason.value.trim() } : {},
                }),
              ),
            )}
          </div>
        </fieldset>
      )}
      <fieldset>
        <legend>해지 (제13조 2항·5항)</legend>
        <div className="row">
          <LabelSelect
            label="해지 사유"
            labels={LABELS.terminationCause}
            only={REQUESTABLE_TERMINATION_CAUSES}
            {...cause}
          />
          <TextField label="메모 (선택)" {...note} />
          {action(
            '계약 해지',
            '해지',
            () =>
              must(
                api.POST('/v1/contracts/{id}/terminate', {
                  ...path,
                  body: { cause: cause.value, ...(note.value ? { note: note.value } : {}) },
                }),
              ),
            'danger',
          )}
        </div>
      </fieldset>
    </div>
  );
}

export function MerchantDetail() {
  const { id } = useParams();
  const data = useLoad(async () => {
    const [merchant, contracts, invoices] = await Promise.all([
      must(api.GET('/v1/merchants/{id}', { params: { path: { id: id! } } })),
      must(api.GET('/v1/contracts', { params: { query: { merchantId: id!, limit: 20 } } })),
      must(api.GET('/v1/invoices', { params: { query: { limit: 24 } }, headers: onBehalfOf(id!) })),
    ]);
    const detailed = await Promise.all(
      contracts.data.map((c) => must(api.GET('/v1/contracts/{id}', { params: { path: { id: c.id } } }))),
    );
    return { merchant, contracts: detailed, invoices: invoices.data };
  }, [id]);
  return (
    <Page title={data.data?.merchant.name ?? '가맹점'} actions={<Link to="/ops/merchants">목록으로</Link>}>
      <Loaded state={data} quiet>
        {({ merchant: m, contracts, invoices }) => (
          <>
            <div className="card">
              <Dl
                items={[
                  ['가맹점 ID', <code key="id">{m.id}</code>],
                  ['사업자등록번호', m.businessRegistrationNumber],
                  ['대표자', m.representative],
                  ['주소', m.address],
                  ['카카오톡 검색용 아이디', m.kakaoSearchId ?? '—'],
                  ['웹훅 주소', m.webhookUrl ?? '—'],
                ]}
              />
            </div>
            {contracts.length === 0 && <Empty>아직 신청한 계약이 없습니다.</Empty>}
            {contracts.map((c) => (
              <section className="card" key={c.id} aria-label={`계약 ${c.id}`}>
                <h2>
                  계약 <TemporalLink workflowId={contractWorkflowId(c.id)} />
                </h2>
                <TerminationClock contract={c} />
                {c.pendingTermination && (
                  <Alert kind="info">
                    해지 예정:{' '}
                    {LABELS.terminationCause[c.pendingTermination.cause as Cause] ?? c.pendingTermination.cause},{' '}
                    {new Date(c.pendingTermination.effectiveAt).toLocaleString('ko-KR', { timeZone: 'Asia/Seoul' })}
                  </Alert>
                )}
                <ContractSummary contract={c} />
                <ContractActions contract={c} invoices={invoices} changed={data.reload} />
              </section>
            ))}
            <section className="card">
              <h2>청구서</h2>
              {invoices.length === 0 ? (
                <p>발행된 청구서가 없습니다.</p>
              ) : (
                <InvoiceTable invoices={invoices} base="/ops/invoices" />
              )}
            </section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
