/**
 * 웹훅·API 키: the merchant's API keys (issue, shown once; revoke), its webhook URL and the rotation
 * of its webhook secret (SPEC §6–7). Owners and developers change them; viewers only look.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { api, must, type Schemas } from '../api/client';
import { formatDateTime } from '../format';
import { canChange, isOwner, useSession } from '../session';
import { FormError, LabelSelect, SubmitButton, TextField, useFieldState, useSubmit } from '../forms';
import { Alert, Badge, Dl, Loaded, Page, ShownOnce, Table, useLoad } from '../ui';

type ApiKey = Schemas['ApiKey'];
type Merchant = Schemas['Merchant'];

/** How long the old webhook secret keeps signing beside the new one (graceHours, at most 7 days). */
const GRACE_HOURS = { '0': '없음 (새 키만 서명)', '24': '24시간', '72': '3일', '168': '7일' } as const;

function KeyStatus(props: { apiKey: ApiKey; mayRevoke: boolean; revoke: (key: ApiKey) => void }) {
  const k = props.apiKey;
  if (k.revokedAt) return <Badge tone="bad">폐기됨 · {formatDateTime(k.revokedAt)}</Badge>;
  return (
    <>
      <Badge tone="ok">사용 중</Badge>{' '}
      {props.mayRevoke && (
        <button type="button" className="danger small" onClick={() => props.revoke(k)}>
          폐기
        </button>
      )}
    </>
  );
}

/** Each of the page's forms: a title, what its last success shows, its error, then one field and its button. */
function OneFieldForm(props: {
  title: string;
  hint?: ReactNode;
  submit: { busy: boolean; error: Error | null };
  onSubmit: (e: FormEvent) => void;
  shown: ReactNode;
  button: string;
  children: ReactNode;
}) {
  return (
    <form onSubmit={props.onSubmit} noValidate>
      <h3>{props.title}</h3>
      {props.hint && <p className="hint">{props.hint}</p>}
      {props.shown}
      <FormError error={props.submit.error} />
      <div className="row">
        {props.children}
        <SubmitButton busy={props.submit.busy}>{props.button}</SubmitButton>
      </div>
    </form>
  );
}

/** A new key: its clear text is in this answer only (the platform keeps a hash), so it is shown once here. */
function IssueApiKey(props: { issued: () => void }) {
  const name = useFieldState('');
  const [created, setCreated] = useState<Schemas['CreatedApiKey'] | null>(null);
  const submit = useSubmit();
  const issue = async (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    const key = await submit.run(() => must(api.POST('/v1/api-keys', { body: { name: name.value } })));
    if (key) {
      setCreated(key);
      name.onValue('');
      props.issued();
    }
  };
  const shown = created && (
    <Alert kind="success">
      <p>
        API 키 “{created.name}”을(를) 발급했습니다. <strong>이 키는 지금 한 번만 보여 줍니다.</strong> 이 화면을 떠나면
        다시 볼 수 없으니, 복사해 프로그램의 설정에 넣으세요.
      </p>
      <ShownOnce label="새 API 키" value={created.apiKey} />
      <p className="hint">칸을 누르면 키 전체가 선택됩니다. Ctrl+C(⌘C)로 복사하세요.</p>
    </Alert>
  );
  return (
    <OneFieldForm
      title="새 API 키"
      hint="이름은 어디에서 쓰는 키인지 알아보는 데 씁니다 (예: 주문 서버). 발급한 키는 그때 한 번만 보여 줍니다."
      submit={submit}
      onSubmit={issue}
      shown={shown}
      button="키 발급"
    >
      <TextField label="키 이름" error={submit.fieldErrors.name} maxLength={100} required {...name} />
    </OneFieldForm>
  );
}

function ApiKeys(props: { mayChange: boolean }) {
  const keys = useLoad(() => must(api.GET('/v1/api-keys')), []);
  const revoking = useSubmit();
  const revoke = async (key: ApiKey) => {
    const question = `API 키 “${key.name}”(${key.prefix}…)을(를) 폐기합니다. 이 키로 오는 요청은 바로 거절됩니다(401). 계속할까요?`;
    if (!window.confirm(question)) return;
    const path = { params: { path: { id: key.id } } };
    if (await revoking.run(() => must(api.DELETE('/v1/api-keys/{id}', path)).then(() => true))) keys.reload();
  };
  return (
    <section className="card" aria-labelledby="api-keys-title">
      <h2 id="api-keys-title">API 키</h2>
      <p className="hint">
        프로그램마다 키를 따로 발급해 두면, 하나가 노출되어도 그 키만 폐기하면 됩니다. 플랫폼은 키를 해시로만 보관하므로
        목록에는 앞부분(접두어)만 나옵니다.
      </p>
      <FormError error={revoking.error} />
      <Loaded state={keys}>
        {(list) => (
          <Table
            columns={['이름', '접두어', '만든 날', '마지막 사용', '상태']}
            rows={list.data}
            empty="API 키가 없습니다."
          >
            {(k) => (
              <>
                <td>{k.name}</td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{formatDateTime(k.createdAt)}</td>
                <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : '쓴 적 없음'}</td>
                <td>
                  <KeyStatus apiKey={k} mayRevoke={props.mayChange} revoke={(key) => void revoke(key)} />
                </td>
              </>
            )}
          </Table>
        )}
      </Loaded>
      {props.mayChange && <IssueApiKey issued={keys.reload} />}
    </section>
  );
}

/** The webhook URL changes at once (only business information waits 10 days); empty, no webhooks are sent. */
function WebhookUrl(props: { merchant: Merchant; changed: () => void }) {
  const url = useFieldState(props.merchant.webhookUrl ?? '');
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const body = { webhookUrl: url.value.trim() || null };
    const changed = await submit.run(() =>
      must(api.PATCH('/v1/merchants/{id}', { params: { path: { id: props.merchant.id } }, body })),
    );
    if (changed) {
      setSaved(true);
      props.changed();
    }
  };
  const shown = saved && <Alert kind="success">웹훅 주소를 저장했습니다. 다음 발송 결과부터 이 주소로 보냅니다.</Alert>;
  return (
    <OneFieldForm title="주소 바꾸기" submit={submit} onSubmit={save} shown={shown} button="주소 저장">
      <TextField
        label="웹훅 주소"
        error={submit.fieldErrors.webhookUrl}
        type="url"
        placeholder="https://"
        maxLength={500}
        {...url}
      />
    </OneFieldForm>
  );
}

/** A new webhook secret, shown once; during the grace period both secrets sign (two `v1=` signatures). */
function RotateWebhookSecret(props: { merchantId: string }) {
  const grace = useFieldState<keyof typeof GRACE_HOURS>('24');
  const [rotated, setRotated] = useState<Schemas['RotatedWebhookSecret'] | null>(null);
  const submit = useSubmit();
  const rotate = async (e: FormEvent) => {
    e.preventDefault();
    const old =
      grace.value === '0'
        ? '이전 키는 바로 서명을 멈춥니다'
        : `이전 키도 ${GRACE_HOURS[grace.value]} 동안 함께 서명합니다`;
    if (!window.confirm(`웹훅 서명 키를 새로 만듭니다. ${old}. 계속할까요?`)) return;
    setRotated(null);
    const body = { graceHours: Number(grace.value) };
    const answer = await submit.run(() =>
      must(api.POST('/v1/merchants/{id}/webhook-secret', { params: { path: { id: props.merchantId } }, body })),
    );
    if (answer) setRotated(answer);
  };
  const shown = rotated && (
    <Alert kind="success">
      <p>
        새 서명 키를 만들었습니다. <strong>이 키는 지금 한 번만 보여 줍니다.</strong> 복사해 웹훅을 받는 프로그램에
        넣으세요.
      </p>
      <ShownOnce label="새 웹훅 서명 키" value={rotated.webhookSecret} />
      <p>이전 키는 {formatDateTime(rotated.previousSecretValidUntil)}에 서명을 멈춥니다.</p>
    </Alert>
  );
  return (
    <OneFieldForm title="서명 키 교체" submit={submit} onSubmit={rotate} shown={shown} button="새 서명 키 만들기">
      <LabelSelect
        label="이전 키를 함께 쓸 기간"
        error={submit.fieldErrors.graceHours}
        labels={GRACE_HOURS}
        {...grace}
      />
    </OneFieldForm>
  );
}

/** The webhook: where results go now and, for those who may, its URL and secret rotation. */
function Webhook(props: { merchantId: string; mayChange: boolean }) {
  const merchant = useLoad(
    () => must(api.GET('/v1/merchants/{id}', { params: { path: { id: props.merchantId } } })),
    [props.merchantId],
  );
  return (
    <section className="card" aria-labelledby="webhook-title">
      <h2 id="webhook-title">웹훅</h2>
      <p className="hint">
        발송 결과, 템플릿 검수 결과, 080 수신거부를 웹훅 주소로 POST합니다 (주소를 비우고 저장하면 보내지 않습니다).
        웹훅마다 bizmsg-signature 헤더(t=시각,v1=서명)가 붙습니다. 서명은 서명 키로 만든 HMAC-SHA256입니다. 서명 키를
        바꾸면 정한 기간 동안 이전 키의 v1= 서명도 함께 보내므로, 받는 프로그램을 끊김 없이 새 키로 옮길 수 있습니다.
      </p>
      <Loaded state={merchant} quiet>
        {(m) => (
          <>
            <Dl items={[['지금 웹훅 주소', m.webhookUrl ?? '설정되지 않음']]} />
            {props.mayChange && <WebhookUrl merchant={m} changed={merchant.reload} />}
          </>
        )}
      </Loaded>
      {props.mayChange && <RotateWebhookSecret merchantId={props.merchantId} />}
    </section>
  );
}

export function Developers() {
  const { me } = useSession();
  const mayChange = canChange(me);
  // API keys act with the merchant's full authority: only its owner issues and revokes them.
  const mayManageKeys = isOwner(me);
  return (
    <Page
      title="웹훅·API 키"
      intro="프로그램은 API 키로 /v1 API를 부릅니다. 발송 결과·템플릿 검수 결과·080 수신거부는 웹훅 주소로 서명(HMAC-SHA256)과 함께 보냅니다."
    >
      {!mayChange && <Alert kind="info">조회 전용 계정은 API 키를 발급·폐기하거나 웹훅 설정을 바꿀 수 없습니다.</Alert>}
      {mayChange && !mayManageKeys && (
        <Alert kind="info">API 키는 대표 관리자만 발급·폐기할 수 있습니다. 웹훅 설정은 바꿀 수 있습니다.</Alert>
      )}
      <div className="card">
        <Dl
          items={[
            ['가맹점 ID', <code key="id">{me.merchantId}</code>],
            [
              'API 문서',
              <a key="docs" href="/docs">
                /docs
              </a>,
            ],
            [
              'OpenAPI',
              <a key="oas" href="/openapi.json">
                /openapi.json
              </a>,
            ],
          ]}
        />
      </div>
      <ApiKeys mayChange={mayManageKeys} />
      <Webhook merchantId={me.merchantId!} mayChange={mayChange} />
    </Page>
  );
}
