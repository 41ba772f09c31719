/** 발신번호 확인: pending sender numbers with their proof document shown (Art. 4.4), verify or reject. */
import { useEffect, useState } from 'react';
import { api, must, type Schemas } from '../../api/client';
import { formatDateTime, formatPhone } from '../../format';
import { FormError, TextField, useFieldState, useSubmit } from '../../forms';
import { Alert } from '../../ui';
import { contractWorkflowId } from '../../../../workflows/ids';
import { MerchantName, TemporalLink, WorkQueue } from './common';

type SenderNumber = Schemas['SenderNumber'];

/** The document is fetched with the session (it is personal data; the API logs the read) and shown inline. */
function ProofDocument(props: { sender: SenderNumber }) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let objectUrl: string | null = null;
    fetch(`/v1/sender-numbers/${props.sender.id}/proof-document`, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(String(r.status)))))
      .then((b) => {
        objectUrl = URL.createObjectURL(b);
        setUrl(objectUrl);
      })
      .catch(() => setFailed(true));
    return () => {
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [props.sender.id]);
  const doc = props.sender.proofDocument;
  if (failed) return <Alert kind="error">증빙서류를 불러오지 못했습니다.</Alert>;
  if (!url) return <p role="status">증빙서류를 불러오는 중…</p>;
  return (
    <figure className="proof">
      {doc.contentType === 'application/pdf' ? (
        <iframe src={url} title={`증빙서류 ${doc.fileName}`} />
      ) : (
        <img src={url} alt={`${formatPhone(props.sender.number)}의 증빙서류 ${doc.fileName}`} />
      )}
      <figcaption>
        {doc.fileName} · {(doc.sizeBytes / 1024).toFixed(1)}KB · SHA-256 {doc.sha256.slice(0, 12)}… ·{' '}
        <a href={url} download={doc.fileName}>
          내려받기
        </a>
      </figcaption>
    </figure>
  );
}

function Pending(props: { sender: SenderNumber; merchantId: string; done: (t: string) => void }) {
  const s = props.sender;
  const reason = useFieldState('');
  const submit = useSubmit();
  const path = { params: { path: { id: s.id } } };
  const verify = async () => {
    if (await submit.run(() => must(api.POST('/v1/sender-numbers/{id}/verify', { ...path, body: {} }))))
      props.done(`${formatPhone(s.number)}을(를) 인증했습니다.`);
  };
  const reject = async () => {
    if (
      await submit.run(() =>
        must(api.POST('/v1/sender-numbers/{id}/reject', { ...path, body: { reason: reason.value } })),
      )
    )
      props.done(`${formatPhone(s.number)}을(를) 반려했습니다.`);
  };
  return (
    <article className="card" aria-labelledby={`snd-${s.id}`}>
      <h2 id={`snd-${s.id}`}>{formatPhone(s.number)}</h2>
      <p className="hint">
        <MerchantName id={props.merchantId} /> · 계약 {s.contractId} · 등록 {formatDateTime(s.addedAt)} ·{' '}
        <TemporalLink workflowId={contractWorkflowId(s.contractId)} />
      </p>
      <ProofDocument sender={s} />
      <FormError error={submit.error} />
      <div className="row">
        <button type="button" onClick={() => void verify()} disabled={submit.busy}>
          서류 확인 — 인증
        </button>
        <TextField label="반려 사유" error={submit.fieldErrors.reason} {...reason} />
        <button
          type="button"
          className="danger"
          onClick={() => void reject()}
          disabled={submit.busy || !reason.value.trim()}
        >
          반려
        </button>
      </div>
    </article>
  );
}

/** Sender numbers still to check, across every contract, with the merchant each belongs to. */
async function loadPendingSenders() {
  const contracts = await must(api.GET('/v1/contracts', { params: { query: { limit: 100 } } }));
  return contracts.data.flatMap((c) =>
    c.senderNumbers.filter((s) => s.status === 'pending').map((s) => ({ sender: s, merchantId: c.merchantId })),
  );
}

export function VerificationQueue() {
  return (
    <WorkQueue
      title="발신번호 확인"
      intro="통신서비스 이용증명원에 적힌 번호와 명의가 가맹점과 맞는지 확인한 뒤 인증합니다 (제4조 4~5항)."
      load={loadPendingSenders}
      empty="확인을 기다리는 발신번호가 없습니다."
      itemKey={(p) => p.sender.id}
    >
      {(p, decided) => <Pending sender={p.sender} merchantId={p.merchantId} done={decided} />}
    </WorkQueue>
  );
}
