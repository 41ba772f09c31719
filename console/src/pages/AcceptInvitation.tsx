import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '../../../domain/accounts';
import { api, must } from '../api/client';
import { label } from '../format';
import { FormError, SubmitButton, TextField, useFieldState, useSubmit } from '../forms';
import { Loaded, useLoad } from '../ui';

/** The link of an invitation (/console/invitation#<token>): the person sets a name and password. */
export function AcceptInvitation(props: { onSignedIn: () => Promise<void> }) {
  const token = window.location.hash.slice(1);
  const navigate = useNavigate();
  const invitation = useLoad(() => must(api.GET('/v1/invitations/{token}', { params: { path: { token } } })), [token]);
  const name = useFieldState('');
  const password = useFieldState('');
  const confirm = useFieldState('');
  const submit = useSubmit();
  const mismatch = confirm.value.length > 0 && confirm.value !== password.value;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    const ok = await submit.run(() =>
      must(api.POST('/v1/invitations/accept', { body: { token, name: name.value, password: password.value } })),
    );
    if (ok) {
      window.history.replaceState(null, '', window.location.pathname);
      await props.onSignedIn();
      navigate(ok.user.role === 'operator' ? '/ops' : '/', { replace: true });
    }
  };

  return (
    <main className="narrow" id="main">
      <h1>초대 수락</h1>
      <Loaded state={invitation} retry={false}>
        {(invited) => (
          <form onSubmit={onSubmit} className="card">
            <p>
              <strong>{invited.merchantName ?? 'bizmsg 운영팀'}</strong>의{' '}
              <strong>{label('role', invited.role)}</strong>
              (으)로 초대되었습니다. 계정 이메일: <strong>{invited.email}</strong>
            </p>
            <FormError error={submit.error} />
            <TextField label="이름" error={submit.fieldErrors.name} required autoComplete="name" {...name} />
            <TextField
              label="비밀번호"
              hint={`${PASSWORD_MIN_LENGTH}자 이상`}
              error={submit.fieldErrors.password}
              type="password"
              autoComplete="new-password"
              required
              minLength={PASSWORD_MIN_LENGTH}
              {...password}
            />
            <TextField
              label="비밀번호 확인"
              error={mismatch ? '비밀번호가 같지 않습니다.' : undefined}
              type="password"
              autoComplete="new-password"
              required
              {...confirm}
            />
            <SubmitButton busy={submit.busy} disabled={mismatch}>
              계정 만들고 시작하기
            </SubmitButton>
          </form>
        )}
      </Loaded>
    </main>
  );
}
