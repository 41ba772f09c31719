/** 계약 심사: applications waiting (applied, on hold) — approve with the fee schedule, hold or reject (Art. 3.4). */
import { useState, type FormEvent } from 'react';
import { api, must, type Schemas } from '../../api/client';
import { FEE_KEYS, LIST_FEES, type FeeKey } from '../../fees';
import { formatDateTime, formatPhone, label, LABELS } from '../../format';
import { FormError, LabelSelect, SubmitButton, TextField, useFieldState, useSubmit } from '../../forms';
import { StatusBadge } from '../../ui';
import { servicesText } from '../Contract';
import { contractWorkflowId } from '../../../../workflows/ids';
import { MerchantName, TemporalLink, WorkQueue } from './common';

type Contract = Schemas['Contract'];
type ReviewReason = keyof typeof LABELS.reviewReason;

function Review(props: { contract: Contract; done: (text: string) => void }) {
  const c = props.contract;
  const [fees, setFees] = useState<Record<FeeKey, string>>({ ...LIST_FEES });
  const reason = useFieldState<ReviewReason>('missing_or_false_documents');
  const note = useFieldState('');
  const submit = useSubmit();
  const path = { params: { path: { id: c.id } } };

  const approve = async (e: FormEvent) => {
    e.preventDefault();
    if (await submit.run(() => must(api.POST('/v1/contracts/{id}/approve', { ...path, body: { fees } }))))
      props.done(`${c.id}을(를) 승인했습니다.`);
  };
  const decide = async (decision: 'hold' | 'reject') => {
    const body = { reason: reason.value, ...(note.value ? { note: note.value } : {}) };
    const ok =
      decision === 'hold'
        ? await submit.run(() => must(api.POST('/v1/contracts/{id}/hold', { ...path, body })))
        : await submit.run(() => must(api.POST('/v1/contracts/{id}/reject', { ...path, body })));
    if (ok) props.done(`${c.id}을(를) ${decision === 'hold' ? '보류' : '반려'}했습니다.`);
  };

  return (
    <article className="card" aria-labelledby={`app-${c.id}`}>
      <h2 id={`app-${c.id}`}>
        <MerchantName id={c.merchantId} /> <StatusBadge status={c.status} text={label('contractStatus', c.status)} />
      </h2>
      <p className="hint">
        {c.id} · 신청 {formatDateTime(c.appliedAt)} · <TemporalLink workflowId={contractWorkflowId(c.id)} />
      </p>
      <p>서비스: {servicesText(c.services).join(', ')}</p>
      <p>
        발신번호:{' '}
        {c.senderNumbers.map((s) => (
          <span key={s.id} className="chip">
            {formatPhone(s.number)} ({label('senderStatus', s.status)}){' '}
            <a href={`/v1/sender-numbers/${s.id}/proof-document`}>증빙서류</a>
          </span>
        ))}
        {c.senderNumbers.length === 0 && '없음'}
      </p>
      {c.mids.length > 0 && <p>MID: {c.mids.join(', ')}</p>}
      <FormError error={submit.error} />
      <form onSubmit={approve}>
        <fieldset>
          <legend>승인 — 계약 단가 (원/건, 부가세 별도, 소수 둘째 자리까지)</legend>
          <div className="fee-grid">
            {FEE_KEYS.map((k) => (
              <TextField
                key={k}
                label={label('fee', k)}
                error={submit.fieldErrors[`fees.${k}`]}
                inputMode="decimal"
                value={fees[k]}
                onValue={(v) => setFees((f) => ({ ...f, [k]: v }))}
              />
            ))}
          </div>
          <SubmitButton busy={submit.busy}>이 단가로 승인</SubmitButton>
        </fieldset>
      </form>
      <fieldset>
        <legend>보류·반려 (제3조 4항)</legend>
        <div className="row">
          <LabelSelect label="사유" labels={LABELS.reviewReason} {...reason} />
          <TextField label="가맹점에 보여 줄 설명 (선택)" {...note} />
        </div>
        <div className="actions">
          {c.status === 'applied' && (
            <button type="button" className="secondary" onClick={() => void decide('hold')} disabled={submit.busy}>
              보류
            </button>
          )}
          <button type="button" className="danger" onClick={() => void decide('reject')} disabled={submit.busy}>
            반려
          </button>
        </div>
      </fieldset>
    </article>
  );
}

/** Applications still to decide: new ones, then those on hold. */
async function loadApplications() {
  const [applied, held] = await Promise.all([
    must(api.GET('/v1/contracts', { params: { query: { status: 'applied', limit: 100 } } })),
    must(api.GET('/v1/contracts', { params: { query: { status: 'on_hold', limit: 100 } } })),
  ]);
  return [...applied.data, ...held.data];
}

export function ReviewQueue() {
  return (
    <WorkQueue
      title="계약 심사"
      intro="신청서와 증빙서류를 확인하고 단가를 정해 승인하거나, 제3조 4항의 사유로 보류·반려합니다."
      load={loadApplications}
      empty="심사를 기다리는 신청이 없습니다."
      itemKey={(c) => c.id}
    >
      {(c, decided) => <Review contract={c} done={decided} />}
    </WorkQueue>
  );
}
