/** 구성원 (merchant staff) or 운영자 (operators): accounts, pending invitations, inviting someone. */
import { useState, type FormEvent } from 'react';
import { api, must, type Schemas } from '../api/client';
import { LABELS, formatDateTime, label } from '../format';
import { isOwner, useSession } from '../session';
import { FormError, LabelSelect, SubmitButton, TextField, useFieldState, useSubmit } from '../forms';
import { Alert, Loaded, Page, ShownOnce, Table, useLoad } from '../ui';

type Role = Schemas['InvitationRequest']['role'];
const MERCHANT_ROLES: Role[] = ['owner', 'developer', 'viewer'];

export function InvitationLink(props: { path: string }) {
  return (
    <Alert kind="success">
      <p>초대 링크를 만들었습니다. 이 링크는 지금 한 번만 보여 줍니다. 받는 사람에게 전달하세요 (7일 동안 유효).</p>
      <ShownOnce label="초대 링크" value={window.location.origin + props.path} />
    </Alert>
  );
}

export function Team() {
  const { me } = useSession();
  const operator = me.role === 'operator';
  const data = useLoad(async () => {
    const [users, invitations] = await Promise.all([must(api.GET('/v1/users')), must(api.GET('/v1/invitations'))]);
    return { users: users.data, invitations: invitations.data };
  }, []);
  const email = useFieldState('');
  const role = useFieldState<Role>(operator ? 'operator' : 'developer');
  const [link, setLink] = useState<string | null>(null);
  const submit = useSubmit();
  const mayInvite = operator || isOwner(me);

  const invite = async (e: FormEvent) => {
    e.preventDefault();
    const issued = await submit.run(() =>
      must(api.POST('/v1/invitations', { body: { email: email.value, role: role.value } })),
    );
    if (issued) {
      setLink(issued.path);
      email.onValue('');
      data.reload();
    }
  };

  return (
    <Page
      title={operator ? '운영자' : '구성원'}
      intro={operator ? undefined : '대표 관리자는 모든 일을, 개발자는 발송과 연동을, 조회 전용은 보기만 합니다.'}
    >
      <Loaded state={data}>
        {({ users, invitations }) => (
          <>
            <Table columns={['이름', '이메일', '역할', '마지막 로그인']} rows={users} empty="계정이 없습니다.">
              {(u) => (
                <>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>{label('role', u.role)}</td>
                  <td>{formatDateTime(u.lastSignInAt)}</td>
                </>
              )}
            </Table>
            {invitations.length > 0 && (
              <section className="card">
                <h2>수락을 기다리는 초대</h2>
                <ul>
                  {invitations.map((i) => (
                    <li key={i.id}>
                      {i.email} ({label('role', i.role)}) — {formatDateTime(i.expiresAt)}까지
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </>
        )}
      </Loaded>
      {link && <InvitationLink path={link} />}
      {mayInvite && (
        <form className="card" onSubmit={invite} noValidate>
          <h2>초대하기</h2>
          <FormError error={submit.error} />
          <TextField label="이메일" error={submit.fieldErrors.email} type="email" required {...email} />
          {!operator && <LabelSelect label="역할" labels={LABELS.role} only={MERCHANT_ROLES} {...role} />}
          <SubmitButton busy={submit.busy}>초대 링크 만들기</SubmitButton>
        </form>
      )}
    </Page>
  );
}
