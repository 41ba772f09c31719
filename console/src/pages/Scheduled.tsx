/**
 * 예약 발송: the messages waiting for their time (GET /v1/messages?status=scheduled), each cancelled
 * (POST /v1/messages/:id/cancel, after a confirmation) or moved (POST /v1/messages/:id/reschedule).
 */
import { useState, type FormEvent } from 'react';
import { api, must, type Schemas } from '../api/client';
import { formatDateTime } from '../format';
import { canChange, useSession } from '../session';
import { ActionOutcome, FormError, SubmitButton, TextField, useFieldState, useSubmit } from '../forms';
import { Loaded, Page, Table, useLoad } from '../ui';
import { fromKstInput, toKstInput } from './Campaigns';
import { MessageCells } from './Messages';

type Message = Schemas['Message'];

/** 시간 변경: the new time in Korean time, in the message's row. */
function Reschedule(props: { message: Message; done: (text: string) => void; close: () => void }) {
  const at = useFieldState(toKstInput(props.message.scheduledAt ?? new Date()));
  const submit = useSubmit();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const moved = await submit.run(() =>
      must(
        api.POST('/v1/messages/{id}/reschedule', {
          params: { path: { id: props.message.id } },
          body: { scheduledAt: fromKstInput(at.value) },
        }),
      ),
    );
    if (moved) props.done(`${moved.to}에게 보낼 메시지를 ${formatDateTime(moved.scheduledAt)}(으)로 옮겼습니다.`);
  };
  return (
    <form onSubmit={save} noValidate>
      <FormError error={submit.error} />
      <TextField
        label="새 예약 시각 (한국 시간)"
        error={submit.fieldErrors.scheduledAt}
        type="datetime-local"
        required
        {...at}
      />
      <div className="actions">
        <SubmitButton busy={submit.busy} disabled={!at.value}>
          변경 저장
        </SubmitButton>
        <button type="button" className="secondary" onClick={props.close}>
          닫기
        </button>
      </div>
    </form>
  );
}

export function Scheduled() {
  const { me } = useSession();
  const [cursor, setCursor] = useState<string | undefined>();
  const messages = useLoad(
    () =>
      must(
        api.GET('/v1/messages', {
          params: { query: { status: 'scheduled', limit: 50, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [cursor],
  );
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const submit = useSubmit();
  const changed = (text: string) => {
    setNotice(text);
    setEditing(null);
    messages.reload();
  };
  const cancel = async (m: Message) => {
    if (!window.confirm(`${m.to}에게 ${formatDateTime(m.scheduledAt)}에 보낼 메시지를 취소할까요? 되돌릴 수 없습니다.`))
      return;
    const cancelled = await submit.run(() =>
      must(api.POST('/v1/messages/{id}/cancel', { params: { path: { id: m.id } }, body: {} })),
    );
    if (cancelled) changed(`${m.to}에게 보낼 예약 메시지를 취소했습니다. 보내지도 청구되지도 않습니다.`);
  };
  const change = canChange(me);

  return (
    <Page
      title="예약 발송"
      intro="예약 시각이 오기 전의 메시지입니다. 보내기 시작하기 전까지 취소하거나 시간을 바꿀 수 있습니다. 시각은 한국 시간입니다."
    >
      <ActionOutcome notice={notice} error={submit.error} />
      <Loaded state={messages}>
        {(found) => (
          <Table
            foot={
              found.nextCursor && (
                <tr>
                  <td colSpan={change ? 6 : 5}>
                    <button type="button" className="secondary" onClick={() => setCursor(found.nextCursor!)}>
                      다음 50건
                    </button>
                  </td>
                </tr>
              )
            }
            columns={['예약 시각', '종류', '받는 번호', '참조값', '접수 시각', ...(change ? ['변경'] : [])]}
            rows={found.data}
            empty="예약된 메시지가 없습니다."
          >
            {(m) => (
              <>
                <MessageCells message={m} at={m.scheduledAt ?? null} />
                <td>{m.reference ?? '—'}</td>
                <td>{formatDateTime(m.createdAt)}</td>
                {change && (
                  <td>
                    {editing === m.id ? (
                      <Reschedule message={m} done={changed} close={() => setEditing(null)} />
                    ) : (
                      <div className="actions">
                        <button type="button" className="secondary small" onClick={() => setEditing(m.id)}>
                          시간 변경
                        </button>
                        <button
                          type="button"
                          className="danger small"
                          disabled={submit.busy}
                          onClick={() => void cancel(m)}
                        >
                          취소
                        </button>
                      </div>
                    )}
                  </td>
                )}
              </>
            )}
          </Table>
        )}
      </Loaded>
    </Page>
  );
}
