/** 청구·납부: every merchant's invoices (record payments and resolve disputes on each), and billing runs. */
import { useState, type FormEvent } from 'react';
import { addPeriods, kstPeriod } from '../../../../domain/calendar-kst';
import { INVOICE_STATUSES } from '../../../../domain/invoice-ledger';
import { api, must, type Schemas } from '../../api/client';
import { LABELS } from '../../format';
import { Alert, Empty, ErrorState, Field, FormError, LabelOptions, Loading, Page, useLoad, useSubmit } from '../../ui';
import { InvoiceTable } from '../Invoices';
import { TemporalLink } from './common';

type Status = Schemas['Invoice']['status'];

export function OpsInvoices() {
  const [status, setStatus] = useState<Status | ''>('');
  const invoices = useLoad(
    () => must(api.GET('/v1/invoices', { params: { query: { limit: 100, ...(status ? { status } : {}) } } })),
    [status],
  );
  const [period, setPeriod] = useState(addPeriods(kstPeriod(Date.now()), -1));
  const [run, setRun] = useState<string | null>(null);
  const submit = useSubmit();
  const startRun = async (e: FormEvent) => {
    e.preventDefault();
    const r = await submit.run(() => must(api.POST('/v1/billing/runs', { body: { period } })));
    if (r) setRun(r.workflowId);
  };
  return (
    <Page
      title="청구·납부"
      intro="입금 기록과 이의 해결(납부 후 인정된 이의는 환불)은 각 청구서에서 합니다. 매월 청구는 Temporal 스케줄이 스스로 실행합니다."
    >
      <Field label="상태">
        {(a) => (
          <select {...a} value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
            <option value="">전체</option>
            <LabelOptions labels={LABELS.invoiceStatus} only={INVOICE_STATUSES} />
          </select>
        )}
      </Field>
      <button type="button" className="secondary" onClick={invoices.reload} disabled={invoices.loading}>
        목록 새로 고침
      </button>
      {invoices.loading && <Loading />}
      {invoices.error !== undefined && <ErrorState error={invoices.error} retry={invoices.reload} />}
      {invoices.data &&
        (invoices.data.data.length === 0 ? (
          <Empty>조건에 맞는 청구서가 없습니다.</Empty>
        ) : (
          <InvoiceTable invoices={invoices.data.data} base="/ops/invoices" />
        ))}
      <form className="card" onSubmit={startRun}>
        <h2>청구 실행</h2>
        <FormError error={submit.error} />
        {run && (
          <Alert kind="success">
            청구를 시작했습니다. 청구서는 잠시 뒤 목록에 나타납니다 (목록 새로 고침): <TemporalLink workflowId={run} />
          </Alert>
        )}
        <Field label="청구 월 (YYYY-MM)" error={submit.fieldErrors.period}>
          {(a) => <input {...a} value={period} pattern="\d{4}-\d{2}" onChange={(e) => setPeriod(e.target.value)} />}
        </Field>
        <button type="submit" disabled={submit.busy}>
          이 달 청구 실행
        </button>
      </form>
    </Page>
  );
}
