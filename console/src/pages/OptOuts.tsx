/** 수신거부: numbers that are never sent to (GET/POST/DELETE /v1/opt-outs). */
import type { FormEvent } from 'react';
import { api, must } from '../api/client';
import { formatDateTime } from '../format';
import { canChange, useSession } from '../session';
import { FormError, SubmitButton, TextField, useFieldState, useSubmit } from '../forms';
import { Loaded, Page, Table, useLoad } from '../ui';

export function OptOuts() {
  const { me } = useSession();
  const list = useLoad(() => must(api.GET('/v1/opt-outs')), []);
  const number = useFieldState('');
  const submit = useSubmit();
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (await submit.run(() => must(api.POST('/v1/opt-outs', { body: { number: number.value } })))) {
      number.onValue('');
      list.reload();
    }
  };
  const remove = async (n: string) => {
    if (!window.confirm('이 번호의 수신거부를 해제합니다. 본인의 동의를 받았나요?')) return;
    if (
      await submit.run(() =>
        must(api.DELETE('/v1/opt-outs/{number}', { params: { path: { number: n } } })).then(() => true),
      )
    )
      list.reload();
  };
  return (
    <Page
      title="수신거부"
      intro="080 수신거부 신청은 통신사 보고로 바로 더해집니다. 목록의 번호로는 아무것도 보내지 않습니다."
    >
      <FormError error={submit.error} />
      <Loaded state={list}>
        {(optOuts) => (
          <Table
            columns={['번호', '등록', ...(canChange(me) ? ['해제'] : [])]}
            rows={optOuts.data}
            rowKey={(o) => o.number}
            empty="수신거부한 번호가 없습니다."
          >
            {(o) => (
              <>
                <td>{o.number}</td>
                <td>{formatDateTime(o.createdAt)}</td>
                {canChange(me) && (
                  <td>
                    <button type="button" className="secondary small" onClick={() => void remove(o.number)}>
                      해제
                    </button>
                  </td>
                )}
              </>
            )}
          </Table>
        )}
      </Loaded>
      {canChange(me) && (
        <form className="card" onSubmit={add} noValidate>
          <h2>번호 추가</h2>
          <TextField label="휴대전화 번호" error={submit.fieldErrors.number} inputMode="tel" {...number} />
          <SubmitButton busy={submit.busy}>수신거부에 추가</SubmitButton>
        </form>
      )}
    </Page>
  );
}
