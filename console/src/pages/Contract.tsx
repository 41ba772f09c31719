/** 계약: status, services, fees, term and renewal, non-renewal notice, objection to a suspension. */
import type { FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { api, must, type Schemas } from '../api/client';
import { formatDate, formatDateTime, formatPhone, formatWon, label } from '../format';
import { isOwner, useSession } from '../session';
import { loadCurrentContract } from '../useContract';
import { FormError, SubmitButton, TextField, useFieldState, useSubmit } from '../forms';
import { Alert, Dl, Empty, Loaded, Page, StatusBadge, useLoad, Timeline } from '../ui';

type Contract = Schemas['Contract'];

export function servicesText(s: Schemas['Services']): string[] {
  const out: string[] = [];
  if (s.sms) out.push('SMS');
  if (s.lms) out.push('LMS');
  if (s.alimtalk) out.push('알림톡');
  if (s.friendtalkText) out.push('친구톡(텍스트)');
  if (s.friendtalkImage) out.push('친구톡(이미지)');
  if (s.fallbackSms) out.push('대체발송 SMS');
  if (s.fallbackLms) out.push('대체발송 LMS');
  const m = s.paymentNotice.merchant;
  const b = s.paymentNotice.buyer;
  if (m.approval) out.push('결제 알림(가맹점·승인)');
  if (m.cancel) out.push('결제 알림(가맹점·취소)');
  if (b.approval) out.push('결제 알림(구매자·승인)');
  if (b.cancel) out.push('결제 알림(구매자·취소)');
  if (b.vbankIssued) out.push('결제 알림(구매자·가상계좌 채번)');
  return out;
}

export function ContractSummary(props: { contract: Contract }) {
  const c = props.contract;
  return (
    <>
      <Dl
        items={[
          ['계약 번호', <code key="id">{c.id}</code>],
          ['상태', <StatusBadge key="s" status={c.status} text={label('contractStatus', c.status)} />],
          ['신청일', formatDateTime(c.appliedAt)],
          [
            '계약 기간',
            c.termStart
              ? `${formatDate(c.termStart)} ~ ${formatDate(c.termEnd)} (${c.termNumber}회차)`
              : '승인 후 시작',
          ],
          [
            '갱신',
            c.renewal.endsAt
              ? `갱신하지 않음 — ${formatDate(c.renewal.endsAt)}에 끝남`
              : c.renewal.autoRenews
                ? '자동 갱신 (기간 만료 30일 전까지 거절 통지가 없으면 1년 연장, 제12조)'
                : '—',
          ],
          ['서비스', servicesText(c.services).join(', ') || '—'],
          ['카카오톡 검색용 아이디', c.kakaoSearchId ?? '—'],
          ['적용 MID', c.mids.join(', ') || '—'],
          ['수신번호', c.receiverNumbers.map(formatPhone).join(', ') || '—'],
        ]}
      />
      {c.review && (
        <Alert kind={c.review.decision === 'approved' ? 'success' : 'info'}>
          심사 결과: {c.review.decision === 'approved' ? '승인' : c.review.decision === 'held' ? '보류' : '반려'}
          {c.review.reason && c.review.decision !== 'approved' && ` — ${label('reviewReason', c.review.reason)}`}
          {c.review.note && ` (${c.review.note})`}
        </Alert>
      )}
      {c.fees && (
        <table aria-label="계약 단가">
          <caption>계약 단가 (부가세 별도, 건당)</caption>
          <tbody>
            {Object.entries(c.fees).map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{label('fee', k)}</th>
                <td className="num">{formatWon(v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** Art. 13.4: days left on the three-month clock after a suspension notice. */
export function TerminationClock(props: { contract: Contract }) {
  const s = props.contract.suspension;
  if (!s) return null;
  const days = s.terminationAt ? Math.ceil((new Date(s.terminationAt).getTime() - Date.now()) / 86_400_000) : null;
  return (
    <Alert kind="error">
      <p>
        <strong>이용 정지</strong> — {label('suspensionReason', s.reason)}. 정지 통지: {formatDateTime(s.noticeAt)}
      </p>
      {s.objection ? (
        <p>이의 신청 접수 ({formatDateTime(s.objection.at)}): 해지 기한이 멈췄고 운영자가 검토합니다.</p>
      ) : s.terminationAt ? (
        <p>
          이의 신청이 없으면 <strong>{formatDate(s.terminationAt)}</strong>에 해지됩니다 (제13조 4항, 남은 기간 {days}
          일).
        </p>
      ) : (
        <p>점검을 위한 임시 정지로, 해지 기한이 없습니다.</p>
      )}
    </Alert>
  );
}

/** The contract's history: each action with the statuses it moved between. */
function ContractHistory(props: { history: NonNullable<Contract['history']> }) {
  return (
    <section className="card">
      <h2>이력</h2>
      <Timeline events={props.history} eventKey={(h) => h.seq}>
        {(h) => (
          <>
            <strong>{label('contractAction', h.action)}</strong>{' '}
            <small>
              ({label('contractStatus', h.from)} → {label('contractStatus', h.to)})
            </small>
          </>
        )}
      </Timeline>
    </section>
  );
}

export function ContractPage() {
  const { me } = useSession();
  const location = useLocation();
  const contract = useLoad(loadCurrentContract, []);
  const objection = useFieldState('');
  const submit = useSubmit();
  const current = contract.data;

  const object = async (e: FormEvent) => {
    e.preventDefault();
    if (!current) return;
    const ok = await submit.run(() =>
      must(
        api.POST('/v1/contracts/{id}/objection', {
          params: { path: { id: current.id } },
          body: { text: objection.value },
        }),
      ),
    );
    if (ok) contract.reload();
  };
  const nonRenewal = async () => {
    if (!current || !window.confirm('기간 만료 후 계약을 갱신하지 않겠다고 통지합니다. 계속할까요?')) return;
    const ok = await submit.run(() =>
      must(api.POST('/v1/contracts/{id}/non-renewal', { params: { path: { id: current.id } }, body: {} })),
    );
    if (ok) contract.reload();
  };

  const open = current && !['rejected', 'terminated', 'expired'].includes(current.status);
  return (
    <Page
      title="계약"
      actions={
        !open && isOwner(me) && current !== undefined ? (
          <Link className="button" to="/contract/apply">
            이용 신청
          </Link>
        ) : undefined
      }
    >
      {(location.state as { applied?: boolean } | null)?.applied && current?.status === 'applied' && (
        <Alert kind="success">신청했습니다. 운영자가 심사하면 이 페이지에 결과가 표시됩니다.</Alert>
      )}
      <Loaded state={contract}>
        {(c) =>
          c === null ? (
            <Empty>
              <p>아직 계약이 없습니다.</p>
              {isOwner(me) ? (
                <Link className="button" to="/contract/apply">
                  이용 신청하기
                </Link>
              ) : (
                <p>대표 관리자(owner)가 이용 신청을 할 수 있습니다.</p>
              )}
            </Empty>
          ) : (
            <>
              <TerminationClock contract={c} />
              <div className="card">
                <ContractSummary contract={c} />
              </div>
              <FormError error={submit.error} />
              {isOwner(me) && c.status === 'suspended' && !c.suspension?.objection && c.suspension?.terminationAt && (
                <form className="card" onSubmit={object}>
                  <h2>정지에 대한 이의 신청</h2>
                  <TextField
                    label="이의 내용"
                    hint="이의를 신청하면 3개월 해지 기한이 멈추고 운영자가 검토합니다 (제13조 4항)."
                    required
                    rows={3}
                    {...objection}
                  />
                  <SubmitButton busy={submit.busy}>이의 신청</SubmitButton>
                </form>
              )}
              {isOwner(me) && (c.status === 'active' || c.status === 'suspended') && !c.renewal.endsAt && (
                <div className="card">
                  <h2>갱신 거절 통지</h2>
                  <p className="hint">
                    기간 만료 30일 전까지 통지하면 이번 기간이 끝날 때 계약이 끝납니다. 늦으면 다음 기간에 적용됩니다.
                  </p>
                  <button type="button" className="secondary" onClick={() => void nonRenewal()} disabled={submit.busy}>
                    갱신하지 않겠다고 통지
                  </button>
                </div>
              )}
              {c.history && c.history.length > 0 && <ContractHistory history={c.history} />}
            </>
          )
        }
      </Loaded>
    </Page>
  );
}
