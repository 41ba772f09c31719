/** 알림톡 템플릿: the list with Kakao's review status, and a new template with its buttons. */
import { useState, type FormEvent } from 'react';
import { api, must, type Schemas } from '../api/client';
import { formatDateTime, label } from '../format';
import { canChange, useSession } from '../session';
import { Alert, Empty, ErrorState, Field, FormError, Loading, Page, StatusBadge, useLoad, useSubmit } from '../ui';

type Button = Schemas['TemplateRequest']['buttons'][number];
const BUTTON_TYPES: [Button['type'], string][] = [
  ['WL', '웹 링크'],
  ['AL', '앱 링크'],
  ['BK', '봇 키워드'],
  ['MD', '메시지 전달'],
  ['DS', '배송 조회'],
];

export function Templates() {
  const { me } = useSession();
  const templates = useLoad(() => must(api.GET('/v1/templates')), []);
  const [code, setCode] = useState('');
  const [text, setText] = useState('');
  const [buttons, setButtons] = useState<Button[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const submit = useSubmit();

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const created = await submit.run(() => must(api.POST('/v1/templates', { body: { code, text, buttons } })));
    if (created) {
      setDone(`템플릿 ${created.code}을(를) 검수 요청했습니다.`);
      setCode('');
      setText('');
      setButtons([]);
      templates.reload();
    }
  };
  const setButton = (i: number, patch: Partial<Button>) =>
    setButtons((bs) => bs.map((b, j) => (j === i ? { ...b, ...patch } : b)));

  return (
    <Page
      title="알림톡 템플릿"
      intro="알림톡은 카카오 검수를 통과한 템플릿으로만 보냅니다. 변수는 #{이름} 형식으로 씁니다 (최대 40개)."
    >
      {templates.loading && <Loading />}
      {templates.error !== undefined && <ErrorState error={templates.error} retry={templates.reload} />}
      {templates.data &&
        (templates.data.data.length === 0 ? (
          <Empty>아직 템플릿이 없습니다. 아래에서 만들어 검수를 요청하세요.</Empty>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">코드</th>
                <th scope="col">내용</th>
                <th scope="col">버튼</th>
                <th scope="col">검수</th>
                <th scope="col">요청</th>
              </tr>
            </thead>
            <tbody>
              {templates.data.data.map((t) => (
                <tr key={t.code}>
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
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {done && <Alert kind="success">{done}</Alert>}
      {canChange(me) && (
        <form className="card" onSubmit={create} noValidate>
          <h2>새 템플릿</h2>
          <FormError error={submit.error} />
          <Field label="템플릿 코드" hint="영문·숫자 20자 이내, 가맹점 안에서 하나" error={submit.fieldErrors.code}>
            {(a) => <input {...a} maxLength={20} value={code} onChange={(e) => setCode(e.target.value)} />}
          </Field>
          <Field
            label="내용"
            hint="최대 1,000자. 예: #{고객명}님, 주문 #{주문번호}이 접수되었습니다."
            error={submit.fieldErrors.text}
          >
            {(a) => (
              <textarea {...a} rows={4} maxLength={1000} value={text} onChange={(e) => setText(e.target.value)} />
            )}
          </Field>
          <fieldset>
            <legend>버튼 (최대 5개)</legend>
            {buttons.map((b, i) => (
              <div className="row" key={i}>
                <Field label={`버튼 ${i + 1} 종류`}>
                  {(a) => (
                    <select
                      {...a}
                      value={b.type}
                      // Each type carries its own links (Kakao refuses others): a new type starts without any.
                      onChange={(e) =>
                        setButtons((bs) =>
                          bs.map((x, j) => (j === i ? { type: e.target.value as Button['type'], name: x.name } : x)),
                        )
                      }
                    >
                      {BUTTON_TYPES.map(([v, t]) => (
                        <option key={v} value={v}>
                          {t}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={`버튼 ${i + 1} 이름`} error={submit.fieldErrors[`buttons.${i}.name`]}>
                  {(a) => (
                    <input
                      {...a}
                      maxLength={14}
                      value={b.name}
                      onChange={(e) => setButton(i, { name: e.target.value })}
                    />
                  )}
                </Field>
                {b.type === 'WL' && (
                  <Field label={`버튼 ${i + 1} 주소`} error={submit.fieldErrors[`buttons[${i}].urlMobile`]}>
                    {(a) => (
                      <input
                        {...a}
                        type="url"
                        placeholder="https://"
                        value={b.urlMobile ?? ''}
                        onChange={(e) => setButton(i, { urlMobile: e.target.value || undefined })}
                      />
                    )}
                  </Field>
                )}
                {b.type === 'AL' && (
                  <Field
                    label={`버튼 ${i + 1} 앱 스킴`}
                    hint="Android·iOS 공통, 예: myapp://order"
                    error={submit.fieldErrors[`buttons[${i}].schemeAndroid`]}
                  >
                    {(a) => (
                      <input
                        {...a}
                        placeholder="myapp://"
                        value={b.schemeAndroid ?? ''}
                        onChange={(e) =>
                          setButton(i, {
                            schemeAndroid: e.target.value || undefined,
                            schemeIos: e.target.value || undefined,
                          })
                        }
                      />
                    )}
                  </Field>
                )}
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => setButtons((bs) => bs.filter((_, j) => j !== i))}
                >
                  버튼 {i + 1} 빼기
                </button>
              </div>
            ))}
            {buttons.length < 5 && (
              <button
                type="button"
                className="secondary"
                onClick={() => setButtons((bs) => [...bs, { type: 'WL', name: '' }])}
              >
                버튼 추가
              </button>
            )}
          </fieldset>
          <button type="submit" disabled={submit.busy}>
            검수 요청
          </button>
        </form>
      )}
    </Page>
  );
}
