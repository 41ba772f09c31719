/**
 * The form of an AlimTalk template, for a new one and for an edit: its text and its Kakao buttons
 * (an edit keeps the code and starts from the latest version).
 */
import { useState, type FormEvent } from 'react';
import type { Schemas } from '../api/client';
import { EditableRows, FormError, LabelSelect, SubmitButton, TextField, useFieldState, useSubmit } from '../forms';

export type TemplateButton = Schemas['TemplateButton'];
export interface TemplateContent {
  code: string;
  text: string;
  buttons: TemplateButton[];
}

const BUTTON_TYPES: Record<TemplateButton['type'], string> = {
  WL: '웹 링크',
  AL: '앱 링크',
  BK: '봇 키워드',
  MD: '메시지 전달',
  DS: '배송 조회',
};

/**
 * A template's form: `initial` prefills it (an edit: the code is fixed, not a field); `save` sends it
 * and says what was requested, which `done` shows.
 */
export function TemplateForm(props: {
  title: string;
  initial?: TemplateContent;
  button: string;
  save: (content: TemplateContent) => Promise<string>;
  done: (text: string) => void;
  cancel?: () => void;
}) {
  const code = useFieldState(props.initial?.code ?? '');
  const text = useFieldState(props.initial?.text ?? '');
  const [buttons, setButtons] = useState<TemplateButton[]>(props.initial?.buttons ?? []);
  const submit = useSubmit();
  // Rule violations name a button's field `buttons[0].name`, zod issues `buttons.0.name`.
  const buttonError = (i: number, field: keyof TemplateButton) =>
    submit.fieldErrors[`buttons[${i}].${field}`] ?? submit.fieldErrors[`buttons.${i}.${field}`];

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const said = await submit.run(() => props.save({ code: code.value, text: text.value, buttons }));
    if (said) props.done(said);
  };

  return (
    <form className="card" onSubmit={send} noValidate aria-label={props.title}>
      <h2>{props.title}</h2>
      <FormError error={submit.error} />
      {!props.initial && (
        <TextField
          label="템플릿 코드"
          hint="영문·숫자 20자 이내, 가맹점 안에서 하나"
          error={submit.fieldErrors.code}
          maxLength={20}
          {...code}
        />
      )}
      <TextField
        label="내용"
        hint="최대 1,000자. 예: #{고객명}님, 주문 #{주문번호}이 접수되었습니다."
        error={submit.fieldErrors.text}
        // An edit opens below the list: the text it changes gets the focus, in view.
        autoFocus={props.initial !== undefined}
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
                error={buttonError(i, 'name')}
                maxLength={14}
                value={b.name}
                onValue={(name) => set({ ...b, name })}
              />
              {b.type === 'WL' && (
                <TextField
                  label={`버튼 ${i + 1} 주소`}
                  error={buttonError(i, 'urlMobile')}
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
                  error={buttonError(i, 'schemeAndroid')}
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
      <div className="actions">
        <SubmitButton busy={submit.busy}>{props.button}</SubmitButton>
        {props.cancel && (
          <button type="button" className="secondary" onClick={props.cancel}>
            취소
          </button>
        )}
      </div>
    </form>
  );
}
