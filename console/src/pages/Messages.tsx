/** 발송 내역: search by recipient, status, type, date and reference (GET /v1/messages). */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { addDays, kstStartOf } from '../../../domain/calendar-kst';
import { MESSAGE_STATUSES, type MessageStatus } from '../../../domain/delivery';
import { SEND_KINDS, type SendKind } from '../../../domain/sending-gate';
import { api, must } from '../api/client';
import { formatDateTime, label, LABELS } from '../format';
import { Empty, ErrorState, Field, LabelOptions, Loading, Page, StatusBadge, useLoad } from '../ui';

export function Messages() {
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState(() => Object.fromEntries(params.entries()) as Record<string, string>);
  const [cursor, setCursor] = useState<string | undefined>();
  const q = Object.fromEntries(params.entries());
  const messages = useLoad(
    () =>
      must(
        api.GET('/v1/messages', {
          params: {
            query: {
              limit: 50,
              ...(q.to ? { to: q.to } : {}),
              ...(q.status ? { status: q.status as MessageStatus } : {}),
              ...(q.type ? { type: q.type as SendKind } : {}),
              ...(q.reference ? { reference: q.reference } : {}),
              ...(q.since ? { since: kstStartOf(q.since).toISOString() } : {}),
              ...(q.until ? { until: kstStartOf(addDays(q.until, 1)).toISOString() } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
        }),
      ),
    [params.toString(), cursor],
  );
  const search = (e: FormEvent) => {
    e.preventDefault();
    setCursor(undefined);
    setParams(Object.fromEntries(Object.entries(form).filter(([, v]) => v)));
  };
  const set = (k: string) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  return (
    <Page title="발송 내역" intro="받는 번호는 가려서 보여 줍니다. 번호로 찾으려면 전체 번호를 입력하세요.">
      <form className="card filters" onSubmit={search} role="search" aria-label="발송 내역 검색">
        <Field label="받는 번호">
          {(a) => <input {...a} inputMode="tel" value={form.to ?? ''} onChange={set('to')} />}
        </Field>
        <Field label="상태">
          {(a) => (
            <select {...a} value={form.status ?? ''} onChange={set('status')}>
              <option value="">전체</option>
              <LabelOptions labels={LABELS.messageStatus} only={MESSAGE_STATUSES} />
            </select>
          )}
        </Field>
        <Field label="종류">
          {(a) => (
            <select {...a} value={form.type ?? ''} onChange={set('type')}>
              <option value="">전체</option>
              <LabelOptions labels={LABELS.messageType} only={SEND_KINDS} />
            </select>
          )}
        </Field>
        <Field label="시작일">
          {(a) => <input {...a} type="date" value={form.since ?? ''} onChange={set('since')} />}
        </Field>
        <Field label="종료일">
          {(a) => <input {...a} type="date" value={form.until ?? ''} onChange={set('until')} />}
        </Field>
        <Field label="참조값 (reference)">
          {(a) => <input {...a} value={form.reference ?? ''} onChange={set('reference')} />}
        </Field>
        <button type="submit">검색</button>
      </form>
      {messages.loading && <Loading />}
      {messages.error !== undefined && <ErrorState error={messages.error} retry={messages.reload} />}
      {messages.data &&
        (messages.data.data.length === 0 ? (
          <Empty>
            조건에 맞는 메시지가 없습니다. 검색 조건을 줄이거나 <Link to="/send">테스트 발송</Link>으로 하나 보내
            보세요.
          </Empty>
        ) : (
          <>
            <table>
              <thead>
                <tr>
                  <th scope="col">접수 시각</th>
                  <th scope="col">종류</th>
                  <th scope="col">받는 번호</th>
                  <th scope="col">상태</th>
                  <th scope="col">전달 경로</th>
                  <th scope="col">참조값</th>
                </tr>
              </thead>
              <tbody>
                {messages.data.data.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <Link to={`/messages/${m.id}`}>{formatDateTime(m.createdAt)}</Link>
                    </td>
                    <td>{label('messageType', m.type)}</td>
                    <td>{m.to}</td>
                    <td>
                      <StatusBadge status={m.status} text={label('messageStatus', m.status)} />
                    </td>
                    <td>{label('messageType', m.deliveredVia)}</td>
                    <td>{m.reference ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {messages.data.nextCursor && (
              <button type="button" className="secondary" onClick={() => setCursor(messages.data!.nextCursor!)}>
                다음 50건
              </button>
            )}
          </>
        ))}
    </Page>
  );
}
