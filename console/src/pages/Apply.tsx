/** 이용 신청 (form §1–3): services, sender numbers with proof documents, receiving numbers, MIDs. */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { NO_SERVICES } from '../../../domain/services';
import { api, must, type Schemas } from '../api/client';
import { LIST_FEES, FEE_KEYS } from '../fees';
import { formatWon, label } from '../format';
import { canChange, isOwner, useSession } from '../session';
import { EditableRows, FormError, SubmitButton, TextField, useFieldState, useSubmit } from '../forms';
import { ProofDocumentField, proofDocument } from '../proofDocument';
import { Alert, Page, Table, num } from '../ui';

type Services = Schemas['Services'];

interface SenderRow {
  number: string;
  file: File | null;
}

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

function Check(props: { label: string; checked: boolean; onChange: (v: boolean) => void; hint?: string }) {
  return (
    <label className="check">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <span>
        {props.label}
        {props.hint && <small> — {props.hint}</small>}
      </span>
    </label>
  );
}

export function Apply() {
  const { me } = useSession();
  const navigate = useNavigate();
  const [services, setServices] = useState<Services>(NO_SERVICES);
  const [senders, setSenders] = useState<SenderRow[]>([{ number: '', file: null }]);
  const receivers = useFieldState('');
  const mids = useFieldState('');
  const kakaoSearchId = useFieldState('');
  const submit = useSubmit();
  const errors = submit.fieldErrors;
  const set = (patch: Partial<Services>) => setServices((s) => ({ ...s, ...patch }));
  const pn = services.paymentNotice;
  const setPn = (who: 'merchant' | 'buyer', patch: Record<string, boolean>) =>
    setServices((s) => ({ ...s, paymentNotice: { ...s.paymentNotice, [who]: { ...s.paymentNotice[who], ...patch } } }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await submit.run(async () => {
      const senderNumbers = await Promise.all(
        senders
          .filter((s) => s.number.trim() || s.file)
          .map(async (s) => ({
            number: s.number,
            proofDocument: await proofDocument(s.file),
          })),
      );
      return must(
        api.POST('/v1/contracts', {
          body: {
            services,
            senderNumbers,
            receiverNumbers: lines(receivers.value),
            mids: lines(mids.value),
            ...(kakaoSearchId.value.trim() ? { kakaoSearchId: kakaoSearchId.value.trim() } : {}),
          },
        }),
      );
    });
    if (created) navigate('/contract', { state: { applied: true } });
  };

  if (!canChange(me) || !isOwner(me))
    return (
      <Page title="이용 신청">
        <Alert kind="info">이용 신청은 대표 관리자(owner)만 할 수 있습니다.</Alert>
      </Page>
    );

  return (
    <Page
      title="이용 신청"
      intro="문자서비스 및 카카오톡 비즈메시지 이용 신청서입니다. 신청하면 운영자가 심사하고, 승인되면 1년 동안 이용할 수 있습니다 (제12조)."
    >
      <form onSubmit={onSubmit} noValidate>
        <FormError error={submit.error} />
        <fieldset className="card">
          <legend>1. 상점 정보</legend>
          <TextField
            label="카카오톡 검색용 아이디"
            hint="알림톡 또는 친구톡을 신청할 때 필요합니다 (결제 알림톡과는 무관). 비우면 가맹점 정보의 아이디를 씁니다."
            error={errors.kakaoSearchId}
            {...kakaoSearchId}
          />
        </fieldset>

        <fieldset className="card" aria-describedby="services-error">
          <legend>2. 서비스 신청 정보</legend>
          {errors.services && (
            <p className="field-error" id="services-error">
              {errors.services}
            </p>
          )}
          <div className="columns">
            <div>
              <h3>가. 문자 서비스</h3>
              <Check label="SMS" hint="80바이트까지" checked={services.sms} onChange={(v) => set({ sms: v })} />
              <Check label="LMS" hint="2,000바이트까지" checked={services.lms} onChange={(v) => set({ lms: v })} />
              <h3>결제 알림톡 — 가맹점 대상</h3>
              <Check
                label="승인완료 통보"
                checked={pn.merchant.approval}
                onChange={(v) => setPn('merchant', { approval: v })}
              />
              <Check
                label="취소완료 통보"
                checked={pn.merchant.cancel}
                onChange={(v) => setPn('merchant', { cancel: v })}
              />
              <h3>결제 알림톡 — 구매자 대상</h3>
              <p className="hint">
                발신번호는 회사 번호 1588-4954로 고정됩니다. 취소완료 통보는 승인완료 통보와 함께 신청합니다.
              </p>
              <Check
                label="승인완료 통보"
                hint="가상계좌는 입금완료 시점"
                checked={pn.buyer.approval}
                onChange={(v) => setPn('buyer', { approval: v })}
              />
              <Check label="취소완료 통보" checked={pn.buyer.cancel} onChange={(v) => setPn('buyer', { cancel: v })} />
              <Check
                label="가상계좌 채번"
                checked={pn.buyer.vbankIssued}
                onChange={(v) => setPn('buyer', { vbankIssued: v })}
              />
            </div>
            <div>
              <h3>나. 카카오톡 비즈메시지</h3>
              <Check
                label="알림톡"
                hint="최대 1,000자"
                checked={services.alimtalk}
                onChange={(v) => set({ alimtalk: v })}
              />
              <Check
                label="친구톡 (텍스트)"
                checked={services.friendtalkText}
                onChange={(v) => set({ friendtalkText: v })}
              />
              <Check
                label="친구톡 (이미지)"
                hint="최대 400자 + 이미지 1장"
                checked={services.friendtalkImage}
                onChange={(v) => set({ friendtalkImage: v })}
              />
              <h3>문자메시지 대체발송</h3>
              <p className="hint">알림톡·친구톡이 실패하면 문자로 보냅니다. 친구톡(이미지)은 텍스트만 보냅니다.</p>
              <Check label="대체발송 SMS" checked={services.fallbackSms} onChange={(v) => set({ fallbackSms: v })} />
              <Check label="대체발송 LMS" checked={services.fallbackLms} onChange={(v) => set({ fallbackLms: v })} />
            </div>
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>발신번호와 증빙서류</legend>
          <p className="hint">
            문자 서비스는 최대 10개. 번호마다 통신서비스 이용증명원(가입사실증명서)을 PDF·JPEG·PNG(1MB 이하)로
            첨부합니다 (제4조 4항). 운영자가 서류를 확인한 뒤에 쓸 수 있습니다.
          </p>
          <EditableRows
            noun="발신번호"
            rows={senders}
            setRows={setSenders}
            blank={{ number: '', file: null }}
            min={1}
            max={10}
          >
            {(s, i, set) => (
              <>
                <TextField
                  label={`발신번호 ${i + 1}`}
                  error={errors[`senderNumbers.${i}.number`] ?? errors[`senderNumbers.${i}`]}
                  inputMode="tel"
                  placeholder="02-1234-5678"
                  value={s.number}
                  onValue={(number) => set({ ...s, number })}
                />
                <ProofDocumentField
                  label={`증빙서류 ${i + 1}`}
                  errors={errors}
                  path={`senderNumbers.${i}.proofDocument`}
                  onFile={(file) => set({ ...s, file })}
                />
              </>
            )}
          </EditableRows>
          {errors.senderNumbers && <p className="field-error">{errors.senderNumbers}</p>}
        </fieldset>

        <fieldset className="card">
          <legend>결제 알림톡 정보</legend>
          <TextField
            label="수신번호 (가맹점 대상 결제 알림톡)"
            hint="통보 받을 직원의 휴대전화 번호, 한 줄에 하나씩 1~20개"
            error={
              errors.receiverNumbers ?? Object.entries(errors).find(([k]) => k.startsWith('receiverNumbers.'))?.[1]
            }
            rows={3}
            {...receivers}
          />
          <TextField
            label="적용 MID"
            hint="결제 알림톡을 적용할 상점 아이디, 한 줄에 하나씩 (영문·숫자 5~20자)"
            error={errors.mids ?? Object.entries(errors).find(([k]) => k.startsWith('mids.'))?.[1]}
            rows={2}
            {...mids}
          />
        </fieldset>

        <section className="card" aria-labelledby="fees-title">
          <h2 id="fees-title">3. 이용수수료 (부가세 별도, 건당)</h2>
          <p className="hint">
            표준 단가입니다. 계약 단가는 심사 후 승인할 때 확정되며, 성공한 메시지만 청구됩니다 (제6조 3항).
          </p>
          <Table columns={['서비스', num('금액 (건당)')]} rows={FEE_KEYS} rowKey={(k) => k}>
            {(k) => (
              <>
                <td>{label('fee', k)}</td>
                <td className="num">{formatWon(LIST_FEES[k])}</td>
              </>
            )}
          </Table>
          <p className="hint">입금계좌: 우리은행 218-063851-13-001 (주)케이지이니시스 — 익월 20일까지</p>
        </section>

        <div className="actions">
          <SubmitButton busy={submit.busy}>{submit.busy ? '신청 중…' : '이용 신청'}</SubmitButton>
          <Link to="/contract">취소</Link>
        </div>
      </form>
    </Page>
  );
}
