import type { FormEvent } from 'react';
import { api, must } from '../api/client';
import { FormError, SubmitButton, TextField, useFieldState, useSubmit } from '../forms';

export function SignIn(props: { onSignedIn: () => Promise<void> }) {
  const email = useFieldState('');
  const password = useFieldState('');
  const submit = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await submit.run(() =>
      must(api.POST('/v1/session', { body: { email: email.value, password: password.value } })),
    );
    if (ok) await props.onSignedIn();
  };
  return (
    <main className="narrow" id="main">
      <h1>bizmsg 로그인</h1>
      <p className="intro">가맹점 관리자와 운영자가 이메일과 비밀번호로 로그인합니다. 프로그램은 API 키를 씁니다.</p>
      <form onSubmit={onSubmit} className="card">
        <FormError error={submit.error} />
        <TextField label="이메일" type="email" autoComplete="username" required {...email} />
        <TextField label="비밀번호" type="password" autoComplete="current-password" required {...password} />
        <SubmitButton busy={submit.busy}>{submit.busy ? '로그인 중…' : '로그인'}</SubmitButton>
        <p className="hint">
          계정이 없으면 운영자나 가맹점 대표 관리자에게 초대를 요청하세요. 비밀번호를 5번 틀리면 15분 동안 잠깁니다.
        </p>
      </form>
    </main>
  );
}
