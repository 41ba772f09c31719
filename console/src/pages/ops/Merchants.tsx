/** 가맹점: the list (GET /v1/merchants) and a new merchant with its owner's invitation (POST /v1/merchants). */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, must, type Schemas } from '../../api/client';
import { formatBrn, formatDateTime } from '../../format';
import { FormError, SubmitButton, TextField, useFieldValues, useSubmit } from '../../forms';
import { Alert, Loaded, Page, ShownOnce, Table, useLoad } from '../../ui';
import { InvitationLink } from '../Team';

type Created = Schemas['CreatedMerchant'];
const FIELDS = [
  ['businessRegistrationNumber', '사업자등록번호', '10자리, 하이픈은 있어도 됩니다'],
  ['name', '상호', undefined],
  ['representative', '대표자', undefined],
  ['address', '주소', '사업자등록증의 주소'],
  ['kakaoSearchId', '카카오톡 검색용 아이디 (선택)', '알림톡·친구톡을 신청할 때 필요'],
  ['ownerEmail', '대표 관리자 이메일', '이 사람에게 보낼 초대 링크를 만듭니다'],
] as const;

export function Merchants() {
  const list = useLoad(() => must(api.GET('/v1/merchants', { params: { query: { limit: 100 } } })), []);
  const form = useFieldValues();
  const [created, setCreated] = useState<Created | null>(null);
  const submit = useSubmit();
  const create = async (e: FormEvent) => {
    e.preventDefault();
    const body = Object.fromEntries(
      Object.entries(form.values).filter(([, v]) => v.trim()),
    ) as Schemas['CreateMerchant'];
    const m = await submit.run(() => must(api.POST('/v1/merchants', { body })));
    if (m) {
      setCreated(m);
      form.clear();
      list.reload();
    }
  };
  return (
    <Page title="가맹점·계약">
      {created && (
        <section className="card" aria-labelledby="created-title">
          <h2 id="created-title">{created.name}을(를) 만들었습니다</h2>
          {created.ownerInvitation && <InvitationLink path={created.ownerInvitation.path} />}
          <Alert kind="info">
            <p>프로그램용 API 키와 웹훅 서명 키도 지금 한 번만 보여 줍니다.</p>
            <ShownOnce label="API 키" value={created.apiKey} />
            <ShownOnce label="웹훅 서명 키" value={created.webhookSecret} />
          </Alert>
        </section>
      )}
      <Loaded state={list}>
        {(merchants) => (
          <Table
            columns={['상호', '사업자등록번호', '대표자', '등록']}
            rows={merchants.data}
            empty="가맹점이 없습니다. 아래에서 첫 가맹점을 만드세요."
          >
            {(m) => (
              <>
                <td>
                  <Link to={`/ops/merchants/${m.id}`}>{m.name}</Link>
                </td>
                <td>{formatBrn(m.businessRegistrationNumber)}</td>
                <td>{m.representative}</td>
                <td>{formatDateTime(m.createdAt)}</td>
              </>
            )}
          </Table>
        )}
      </Loaded>
      <form className="card" onSubmit={create} noValidate>
        <h2>가맹점 만들기</h2>
        <FormError error={submit.error} />
        {FIELDS.map(([k, text, hint]) => (
          <TextField
            key={k}
            label={text}
            hint={hint}
            error={submit.fieldErrors[k]}
            type={k === 'ownerEmail' ? 'email' : 'text'}
            {...form.bind(k)}
          />
        ))}
        <SubmitButton busy={submit.busy}>가맹점 만들기</SubmitButton>
      </form>
    </Page>
  );
}
