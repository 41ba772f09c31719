/** 청구·납부: every merchant's invoices (record payments and resolve disputes on each), and billing runs. */
import { useState, type FormEvent } from 'react';
import { addPeriods, kstPeriod } from '../../../../domain/calendar-kst';
import { INVOICE_STATUSES } from '../../../../domain/invoice-ledger';
import { api, must, type Schemas } from '../../api/client';
import { LABELS } from '../../format';
import { FormError, LabelSelect, SubmitButton, TextField, useFieldState, useSubmit } from '../../forms';
import { Alert, Loaded, Page, useLoad } from '../../ui';
import { InvoiceTable } from '../Invoices';
import { TemporalLink } from './common';

type Status = Schemas['Invoice']['status'];

export function OpsInvoices() {
  const status = useFieldState<Status | ''>('');
  const invoices = useLoad(
    () =>
      must(
        api.GET('/v1/invoices', {
          params: { query: { limit: 100, ...(status.value ? { status: status.value } : {}) } },
        }),
      ),
    [status.value],
  );
  const period = useFieldState(addPeriods(kstPeriod(Date.now()), -1));
  const [run, setRun] = useState<string | null>(null);
  const submit = useSubmit();
  const startRun = async (e: FormEvent) => {
    e.preventDefault();
    const r = await submit.run(() => must(api.POST('/v1/billing/runs', { body: { period: period.value } })));
    if (r) setRun(r.workflowId);
  };
  return (
    <Page
      title="청구·납부"
      intro="입금 기록과 이의 해결(납부 후 인정된 이의는 환불)은 각 청구서에서 합니다. 매월 청구는 Temporal 스케줄이 스스로 실행합니다."
    >
      <LabelSelect label="상태" all="전체" labels={LABELS.invoiceStatus} only={INVOICE_STATUSES} {...status} />
      <button type="button" className="secondary" onClick={invoices.reload} disabled={invoices.loading}>
        목록 새로 고침
      </button>
      <Loaded state={invoices}>
        {(found) => <InvoiceTable invoices={found.data} base="/ops/invoices" empty="조건에 맞는 청구서가 없습니다." />}
      </Loaded>
      <form className="card" onSubmit={startRun}>
        <h2>청구 실행</h2>
        <FormError error={submit.error} />
        {run && (
          <Alert kind="success">
            청구를 시작했습니다. 청구서는 잠시 뒤 목록에 나타납니다 (목록 새로 고침): <TemporalLink workflowId={run} />
          </Alert>
        )}
        <TextField label="청구 월 (YYYY-MM)" error={submit.fieldErrors.period} pattern="\d{4}-\d{2}" {...period} />
        <SubmitButton busy={submit.busy}>이 달 청구 실행</SubmitButton>
      </form>
    </Page>
  );
}
