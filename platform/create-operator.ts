/**
 * `npm run create-operator`: the first (or another) operator account for the console, through the
 * running platform's public API — an operator invitation made with the operator key, accepted with
 * the password. Email and password come from OPERATOR_EMAIL / OPERATOR_PASSWORD, else a prompt.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { Writable } from 'node:stream';
import { loadConfig } from './config';
import { DATA_DIR } from './paths';

async function ask(question: string, hidden = false): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  const answer = rl.question(question);
  muted = hidden;
  const value = await answer;
  rl.close();
  if (hidden) process.stdout.write('\n');
  return value.trim();
}

async function main() {
  const config = loadConfig();
  const keyFile = path.join(DATA_DIR, 'operator-key');
  const operatorKey = config.operatorApiKey ?? (fs.existsSync(keyFile) ? fs.readFileSync(keyFile, 'utf8').trim() : '');
  if (!operatorKey) throw new Error('no operator key: start the platform once (npm start) or set OPERATOR_API_KEY');
  const api = process.env.API_URL ?? `http://127.0.0.1:${config.port}`;
  const email = process.env.OPERATOR_EMAIL ?? (await ask('operator email: '));
  const password = process.env.OPERATOR_PASSWORD ?? (await ask('password (at least 10 characters): ', true));
  const name = process.env.OPERATOR_NAME ?? '운영자';

  const call = async (route: string, body: unknown, key?: string) => {
    const res = await fetch(`${api}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    }).catch(() => {
      throw new Error(`the API does not answer at ${api}: is \`npm start\` running? (API_URL sets another address)`);
    });
    const answer = (await res.json()) as { error?: { code: string; message: string }; path?: string };
    if (!res.ok) throw new Error(`${answer.error?.code}: ${answer.error?.message}`);
    return answer;
  };
  const invitation = await call('/v1/invitations', { email, role: 'operator' }, operatorKey);
  const token = String(invitation.path).split('#')[1];
  await call('/v1/invitations/accept', { token, name, password });
  console.log(`operator ${email} created: sign in at ${api}/console/`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
