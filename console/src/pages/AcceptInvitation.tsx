import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '../../../domain/accounts';
import { api, must } from '../api/client';
import { label } from '../format';
import { ErrorState, Field, FormError, Loading, useLoad, useSubmit } from '../ui';

/** The link of an invitation (/console/invitation#<token>): the person sets a name and password. */
export function AcceptInvitation(props: { onSignedIn: () => Promise<void> }) {
  const token = window.location.hash.slice(1);
  const navigate = useNavigate();
  const invitation = useLoad(() => must(api.GET('/v1/invitations/{token}', { params: { path: { token } } })), [token]);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const submit = useSubmit();
  const mismatch = confirm.length > 0 && confirm !== password;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    const ok = await submit.run(() => must(api.POST('/v1/invitations/accept', { body: { token, name, password } })));
    if (ok) {
      window.history.replaceState(null, '', window.location.pathname);
      await props.onSignedIn();
      navigate(ok.user.role === 'operator' ? '/ops' : '/', { replace: true });
    }
  };

  return (
    <main className="narrow" id="main">
      <h1>초대 수락</h1>
      {invitation.loading && <Loading />}
      {invitation.error !== undefined && <ErrorState error={invitation.error} />}
      {invitation.data && (
        <form onSubmit={onSubmit} className="card">
          <p>
            <strong>{invitation.data.merchantName ?? 'bizmsg 운영팀'}</strong>의{' '}
            <strong>{label('role', invitation.data.role)}</strong>
            (으)로 초대되었습니다. 계정 이메일: <strong>{invitation.data.email}</strong>
          </p>
          <FormError error={submit.error} />
          <Field label="이름" error={submit.fieldErrors.name}>
            {(a) => (
              <input {...a} required autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
            )}
          </Field>
          <Field label="비밀번호" hint={`${PASSWORD_MIN_LENGTH}자 이상`} error={submit.fieldErrors.password}>
            {(a) => (
              <input
                {...a}
                type="password"
                autoComplete="new-password"
                required
                minLength={PASSWORD_MIN_LENGTH}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <Field label="비밀번호 확인" error={mismatch ? '비밀번호가 같지 않습니다.' : undefined}>
            {(a) => (
              <input
                {...a}
                type="password"
                autoComplete="new-password"
                required
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" disabled={submit.busy || mismatch}>
            계정 만들고 시작하기
          </button>
        </form>
      )}
    </main>
  );
}
