/** 발송 내역: search by recipient, status, type, date and reference (GET /v1/messages). */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { addDays, kstStartOf } from '../../../domain/calendar-kst';
import { MESSAGE_STATUSES, type MessageStatus } from '../../../domain/delivery';
import { SEND_KINDS, type SendKind } from '../../../domain/sending-gate';
import { api, must } from '../api/client';
import { formatDateTime, label, LABELS } from '../format';
import { LabelSelect, TextField, useFieldValues } from '../forms';
import { Empty, Loaded, Page, StatusBadge, Table, useLoad } from '../ui';

/** A message's first cells in a list: a time that opens its timeline, its type and its masked recipient. */
export function MessageCells(props: { message: { id: string; type: string; to: string }; at: string | null }) {
  const m = props.message;
  return (
    <>
      <td>
        <Link to={`/messages/${m.id}`}>{formatDateTime(props.at)}</Link>
      </td>
      <td>{label('messageType', m.type)}</td>
      <td>{m.to}</td>
    </>
  );
}

export function Messages() {
  const [params, setParams] = useSearchParams();
  const form = useFieldValues(() => Object.fromEntries(params.entries()));
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
    setParams(Object.fromEntries(Object.entries(form.values).filter(([, v]) => v)));
  };

  return (
    <Page title="발송 내역" intro="받는 번호는 가려서 보여 줍니다. 번호로 찾으려면 전체 번호를 입력하세요.">
      <form className="card filters" onSubmit={search} role="search" aria-label="발송 내역 검색">
        <TextField label="받는 번호" inputMode="tel" {...form.bind('to')} />
        <LabelSelect
          label="상태"
          all="전체"
          labels={LABELS.messageStatus}
          only={MESSAGE_STATUSES}
          {...form.bind('status')}
        />
        <LabelSelect label="종류" all="전체" labels={LABELS.messageType} only={SEND_KINDS} {...form.bind('type')} />
        <TextField label="시작일" type="date" {...form.bind('since')} />
        <TextField label="종료일" type="date" {...form.bind('until')} />
        <TextField label="참조값 (reference)" {...form.bind('reference')} />
        <button type="submit">검색</button>
      </form>
      <Loaded state={messages}>
        {(found) =>
          found.data.length === 0 ? (
            <Empty>
              조건에 맞는 메시지가 없습니다. 검색 조건을 줄이거나 <Link to="/send">테스트 발송</Link>으로 하나 보내
              보세요.
            </Empty>
          ) : (
            <>
              <Table columns={['접수 시각', '종류', '받는 번호', '상태', '전달 경로', '참조값']} rows={found.data}>
                {(m) => (
                  <>
                    <MessageCells message={m} at={m.createdAt} />
                    <td>
                      <StatusBadge status={m.status} text={label('messageStatus', m.status)} />
                    </td>
                    <td>{label('messageType', m.deliveredVia)}</td>
                    <td>{m.reference ?? '—'}</td>
                  </>
                )}
              </Table>
              {found.nextCursor && (
                <button type="button" className="secondary" onClick={() => setCursor(found.nextCursor!)}>
                  다음 50건
                </button>
              )}
            </>
          )
        }
      </Loaded>
    </Page>
  );
}
