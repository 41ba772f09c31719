/** 알림톡 템플릿: the list with Kakao's review status, and a new template with its buttons. */
import { useState, type FormEvent } from 'react';
import { api, must, type Schemas } from '../api/client';
import { formatDateTime, label } from '../format';
import { canChange, useSession } from '../session';
import {
  AddingForm,
  EditableRows,
  FormError,
  LabelSelect,
  SubmitButton,
  TextField,
  useFieldState,
  useSubmit,
} from '../forms';
import { Loaded, Page, StatusBadge, Table, useLoad } from '../ui';

type Button = Schemas['TemplateRequest']['buttons'][number];
const BUTTON_TYPES: Record<Button['type'], string> = {
  WL: '웹 링크',
  AL: '앱 링크',
  BK: '봇 키워드',
  MD: '메시지 전달',
  DS: '배송 조회',
};

/** 새 템플릿: code, text and buttons, sent to Kakao's review; `added` says what was requested. */
function NewTemplate(props: { added: (text: string) => void }) {
  const code = useFieldState('');
  const text = useFieldState('');
  const [buttons, setButtons] = useState<Button[]>([]);
  const submit = useSubmit();

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const created = await submit.run(() =>
      must(api.POST('/v1/templates', { body: { code: code.value, text: text.value, buttons } })),
    );
    if (created) props.added(`템플릿 ${created.code}을(를) 검수 요청했습니다.`);
  };

  return (
    <form className="card" onSubmit={create} noValidate>
      <h2>새 템플릿</h2>
      <FormError error={submit.error} />
      <TextField
        label="템플릿 코드"
        hint="영문·숫자 20자 이내, 가맹점 안에서 하나"
        error={submit.fieldErrors.code}
        maxLength={20}
        {...code}
      />
      <TextField
        label="내용"
        hint="최대 1,000자. 예: #{고객명}님, 주문 #{주문번호}이 접수되었습니다."
        error={submit.fieldErrors.text}
        rows={4}
        maxLength={1000}
        {...text}
      />
      <fieldset>
        <legend>버튼 (최대 5개)</legend>
        <EditableRows noun="버튼" rows={buttons} setRows={setButtons} blank={{ type: 'WL', name: '' }} max={5}>
          {(b, i, set) => (
            <>
              <LabelSelect
                label={`버튼 ${i + 1} 종류`}
                labels={BUTTON_TYPES}
                value={b.type}
                // Each type carries its own links (Kakao refuses others): a new type starts without any.
                onValue={(type) => set({ type, name: b.name })}
              />
              <TextField
                label={`버튼 ${i + 1} 이름`}
                error={submit.fieldErrors[`buttons.${i}.name`]}
                maxLength={14}
                value={b.name}
                onValue={(name) => set({ ...b, name })}
              />
              {b.type === 'WL' && (
                <TextField
                  label={`버튼 ${i + 1} 주소`}
                  error={submit.fieldErrors[`buttons[${i}].urlMobile`]}
                  type="url"
                  placeholder="https://"
                  value={b.urlMobile ?? ''}
                  onValue={(url) => set({ ...b, urlMobile: url || undefined })}
                />
              )}
              {b.type === 'AL' && (
                <TextField
                  label={`버튼 ${i + 1} 앱 스킴`}
                  hint="Android·iOS 공통, 예: myapp://order"
                  error={submit.fieldErrors[`buttons[${i}].schemeAndroid`]}
                  placeholder="myapp://"
                  value={b.schemeAndroid ?? ''}
                  onValue={(scheme) =>
                    set({ ...b, schemeAndroid: scheme || undefined, schemeIos: scheme || undefined })
                  }
                />
              )}
            </>
          )}
        </EditableRows>
      </fieldset>
      <SubmitButton busy={submit.busy}>검수 요청</SubmitButton>
    </form>
  );
}

export function Templates() {
  const { me } = useSession();
  const templates = useLoad(() => must(api.GET('/v1/templates')), []);
  return (
    <Page
      title="알림톡 템플릿"
      intro="알림톡은 카카오 검수를 통과한 템플릿으로만 보냅니다. 변수는 #{이름} 형식으로 씁니다 (최대 40개)."
    >
      <Loaded state={templates}>
        {(list) => (
          <Table
            columns={['코드', '내용', '버튼', '검수', '요청']}
            rows={list.data}
            rowKey={(t) => t.code}
            empty="아직 템플릿이 없습니다. 아래에서 만들어 검수를 요청하세요."
          >
            {(t) => (
              <>
                <td>
                  <code>{t.code}</code>
                </td>
                <td className="pre">{t.text}</td>
                <td>{(t.buttons as Button[]).map((b) => b.name).join(', ') || '—'}</td>
                <td>
                  <StatusBadge status={t.status} text={label('templateStatus', t.status)} />
                  {t.rejectionReason && <div className="hint">반려 사유: {t.rejectionReason}</div>}
                </td>
                <td>{formatDateTime(t.createdAt)}</td>
              </>
            )}
          </Table>
        )}
      </Loaded>
      {canChange(me) && <AddingForm reload={templates.reload}>{(added) => <NewTemplate added={added} />}</AddingForm>}
    </Page>
  );
}
