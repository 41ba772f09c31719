/** 테스트 발송: one message through POST /v1/messages, then its timeline. */
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, must } from '../api/client';
import { formatPhone } from '../format';
import { canChange, useSession } from '../session';
import { loadCurrentContract } from '../useContract';
import { Field, FormError, SubmitButton, TextField, useFieldState, useSubmit } from '../forms';
import { Alert, Loaded, Page, useLoad } from '../ui';

type Kind = 'sms' | 'lms' | 'alimtalk';

export function SendTest() {
  const { me } = useSession();
  const navigate = useNavigate();
  const data = useLoad(async () => {
    const [contract, templates] = await Promise.all([loadCurrentContract(), must(api.GET('/v1/templates'))]);
    return { contract, templates: templates.data.filter((t) => t.status === 'approved') };
  }, []);
  const [kind, setKind] = useState<Kind>('sms');
  const to = useFieldState('');
  const [from, setFrom] = useState('');
  const text = useFieldState('');
  const [templateCode, setTemplateCode] = useState('');
  const [variables, setVariables] = useState<Record<string, string>>({});
  const [fallback, setFallback] = useState(true);
  const submit = useSubmit();

  const verified = data.data?.contract?.senderNumbers.filter((s) => s.status === 'verified') ?? [];
  const template = data.data?.templates.find((t) => t.code === templateCode);
  const rendered = useMemo(
    () => (template ? template.text.replace(/#\{([^}]+)\}/g, (_, v: string) => variables[v] || `#{${v}}`) : ''),
    [template, variables],
  );

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const sent = await submit.run(() =>
      must(
        api.POST('/v1/messages', {
          body:
            kind === 'alimtalk'
              ? {
                  type: 'alimtalk',
                  to: to.value,
                  templateCode,
                  text: rendered,
                  variables,
                  ...(from ? { from } : {}),
                  fallback: { enabled: fallback },
                  reference: 'console-test',
                }
              : { type: kind, to: to.value, text: text.value, ...(from ? { from } : {}), reference: 'console-test' },
        }),
      ),
    );
    if (sent) navigate(`/messages/${sent.id}`);
  };

  return (
    <Page
      title="테스트 발송"
      intro="시뮬레이터에서는 받는 번호의 끝 4자리로 결과를 고릅니다: …9001은 카카오 실패 후 문자 대체발송, …9003은 최종 실패 (SPEC §8)."
    >
      {!canChange(me) && (
        <Alert kind="info">조회 전용 계정은 메시지를 보낼 수 없습니다. 발송 권한은 대표 관리자에게 요청하세요.</Alert>
      )}
      <Loaded state={data}>
        {({ contract, templates }) => (
          <form className="card" onSubmit={send} noValidate>
            <FormError error={submit.error} />
            {contract?.status !== 'active' && (
              <Alert kind="info">
                계약이 이용 중일 때만 보낼 수 있습니다 (지금: {contract ? contract.status : '계약 없음'}).
              </Alert>
            )}
            <fieldset>
              <legend>종류</legend>
              <label className="check">
                <input type="radio" name="kind" checked={kind === 'sms'} onChange={() => setKind('sms')} />
                <span>SMS (80바이트까지, 한글은 한 글자에 2바이트)</span>
              </label>
              <label className="check">
                <input type="radio" name="kind" checked={kind === 'lms'} onChange={() => setKind('lms')} />
                <span>LMS (2,000바이트까지)</span>
              </label>
              <label className="check">
                <input type="radio" name="kind" checked={kind === 'alimtalk'} onChange={() => setKind('alimtalk')} />
                <span>알림톡</span>
              </label>
            </fieldset>
            <TextField
              label="받는 번호"
              hint="휴대전화 번호, 하이픈은 있어도 없어도 됩니다"
              error={submit.fieldErrors.to}
              inputMode="tel"
              autoComplete="off"
              placeholder="010-1234-5678"
              {...to}
            />
            <Field label="발신번호" hint="인증된 번호만 고를 수 있습니다" error={submit.fieldErrors.from}>
              {(a) => (
                <select {...a} value={from} onChange={(e) => setFrom(e.target.value)}>
                  <option value="">{verified.length ? '기본 (인증된 번호)' : '인증된 발신번호 없음'}</option>
                  {verified.map((s) => (
                    <option key={s.id} value={s.number ?? ''}>
                      {formatPhone(s.number)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {kind !== 'alimtalk' ? (
              <TextField label="내용" error={submit.fieldErrors.text} rows={4} {...text} />
            ) : (
              <>
                <Field
                  label="템플릿"
                  hint={templates.length ? undefined : '승인된 템플릿이 없습니다. 템플릿 메뉴에서 먼저 만드세요.'}
                  error={submit.fieldErrors.templateCode}
                >
                  {(a) => (
                    <select {...a} value={templateCode} onChange={(e) => setTemplateCode(e.target.value)}>
                      <option value="">템플릿을 고르세요</option>
                      {templates.map((t) => (
                        <option key={t.code} value={t.code}>
                          {t.code}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {template?.variables.map((v) => (
                  <TextField
                    key={v}
                    label={`변수 #{${v}}`}
                    value={variables[v] ?? ''}
                    onValue={(value) => setVariables((vs) => ({ ...vs, [v]: value }))}
                  />
                ))}
                {template && (
                  <div className="preview" aria-label="미리 보기">
                    {rendered}
                  </div>
                )}
                <label className="check">
                  <input type="checkbox" checked={fallback} onChange={(e) => setFallback(e.target.checked)} />
                  <span>카카오톡이 실패하면 문자로 대체발송</span>
                </label>
              </>
            )}
            <SubmitButton busy={submit.busy} disabled={!canChange(me)}>
              보내기
            </SubmitButton>
          </form>
        )}
      </Loaded>
    </Page>
  );
}
