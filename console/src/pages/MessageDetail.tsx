/** A message and the timeline of every attempt (GET /v1/messages/:id), refreshed until it is final. */
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { api, must, type Schemas } from '../api/client';
import { formatDateTime, formatPhone, label } from '../format';
import { Dl, Loaded, Page, StatusBadge, useLoad, Timeline } from '../ui';

/** Every reason the API can give (a closed enum in /openapi.json), in Korean. */
const FAILURES: Record<NonNullable<Schemas['Message']['failureReason']>, string> = {
  result_timeout: '결과 대기 시간(48시간) 안에 결과가 오지 않음',
  kakao_failed: '카카오톡 실패',
  kakao_timeout: '카카오톡 결과 없음',
  carrier_rejected: '통신사가 거부',
  provider_rejected: '발송 대행사가 거부',
  provider_unavailable: '발송 대행사 장애로 발송 기한 안에 보내지 못함',
  personal_data_purged: '계약이 끝나 메시지 내용을 파기함(제10조 2항)',
  no_contract: '메시징 계약이 없음',
  contract_suspended: '계약이 정지된 상태',
  contract_not_active: '계약이 아직 이용 중이 아님',
  contract_ended: '계약이 끝남',
  service_not_subscribed: '신청하지 않은 서비스',
  fallback_not_subscribed: '대체발송을 신청하지 않음',
  recipient_opted_out: '수신을 거부한 번호',
  sender_number_required: '발신번호가 필요함',
  sender_number_not_registered: '등록되지 않은 발신번호',
  sender_number_not_verified: '인증되지 않은 발신번호',
};

const NOTES: Record<string, string> = { fallback: '대체발송' };

export function MessageDetail() {
  const { id } = useParams();
  const message = useLoad(() => must(api.GET('/v1/messages/{id}', { params: { path: { id: id! } } })), [id]);
  const status = message.data?.status;
  const final = status === 'delivered' || status === 'failed' || status === 'cancelled';
  useEffect(() => {
    if (!message.data || final) return;
    const t = setTimeout(message.reload, 1500);
    return () => clearTimeout(t);
  }, [message.data, final, message.reload]);

  return (
    <Page title="메시지 상세" actions={<Link to="/messages">목록으로</Link>}>
      <Loaded state={message} quiet>
        {(m) => (
          <>
            <div className="card">
              <Dl
                items={[
                  ['메시지 ID', <code key="id">{m.id}</code>],
                  ['종류', label('messageType', m.type)],
                  ['받는 번호', m.to],
                  ['발신번호', m.from ? formatPhone(m.from) : '—'],
                  ['상태', <StatusBadge key="s" status={m.status} text={label('messageStatus', m.status)} />],
                  [
                    '전달 경로',
                    m.deliveredVia
                      ? `${label('messageType', m.deliveredVia)}${m.fallback && m.deliveredVia === m.fallback.channel ? ' (대체발송)' : ''}`
                      : '—',
                  ],
                  ['실패 사유', m.failureReason ? FAILURES[m.failureReason] : '—'],
                  ['참조값', m.reference ?? '—'],
                  ['접수', formatDateTime(m.createdAt)],
                  ['완료', formatDateTime(m.finalizedAt)],
                ]}
              />
              {!final && <p role="status">결과를 기다리는 중입니다. 이 화면은 저절로 새로 고쳐집니다.</p>}
            </div>
            <section className="card" aria-labelledby="timeline-title">
              <h2 id="timeline-title">타임라인</h2>
              {m.attempts.length === 0 ? (
                <p>아직 발송 시도가 없습니다.</p>
              ) : (
                <Timeline events={m.attempts} eventKey={(_, i) => i} status={(a) => a.status}>
                  {(a) => (
                    <>
                      <strong>{label('messageType', a.channel)}</strong> {label('attemptStatus', a.status)}
                      {a.resultCode && <small> · 결과 코드 {a.resultCode}</small>}
                      {a.note && <small> · {NOTES[a.note] ?? a.note}</small>}
                    </>
                  )}
                </Timeline>
              )}
            </section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
