/**
 * 캠페인 (대량발송, SPEC §7): one SMS/LMS text to the recipients of a CSV file, read in the browser
 * (a preview of its first rows, its invalid numbers), at once or at a time (POST /v1/campaigns); the
 * list of campaigns with their progress (GET /v1/campaigns).
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { toKstIso } from '../../../domain/calendar-kst';
import { recipientsFromTable } from '../../../domain/campaign';
import { formatPhone, parseRecipient } from '../../../domain/phone';
import { parse } from 'csv-parse/browser/esm/sync';
import { api, explain, must, type Schemas } from '../api/client';
import { formatCount, formatDateTime, formatPercent, label } from '../format';
import { canChange, useSession } from '../session';
import { Field, FormError, SubmitButton, TextField, useFieldState, useIdempotencyKeys, useSubmit } from '../forms';
import { Alert, Loaded, Page, StatusBadge, Table, useLoad } from '../ui';

type Campaign = Schemas['Campaign'];
type Recipient = Schemas['CampaignRequest']['recipients'] extends (infer R)[] | undefined ? R : never;

export const CAMPAIGN_STATUS: Record<Campaign['status'], string> = {
  scheduled: '예약',
  running: '진행 중',
  paused: '일시정지',
  completed: '완료',
  cancelled: '취소',
};

export const CampaignStatus = (props: { status: Campaign['status'] }) => (
  <StatusBadge status={props.status} text={CAMPAIGN_STATUS[props.status]} />
);

/** A `datetime-local` value, read as Korean time: 2026-12-24T09:00 → 2026-12-24T09:00:00+09:00. */
export const fromKstInput = (value: string) => `${value}:00+09:00`;
/** An instant as a `datetime-local` value in Korean time. */
export const toKstInput = (at: Date | string) => toKstIso(new Date(at)).slice(0, 16);

/** The recipients done (delivered or failed) of all, as a bar and in words. */
export function CampaignProgress(props: { campaign: Campaign }) {
  const { total, delivered, failed } = props.campaign;
  const done = delivered + failed;
  return (
    <div className="campaign-progress">
      <progress
        max={Math.max(total, 1)}
        value={done}
        aria-label={`${props.campaign.name} 진행률`}
        style={{ width: '100%', height: '1rem' }}
      />
      <span>
        {done.toLocaleString('ko-KR')} / {formatCount(total)} ({formatPercent(done, total)})
      </span>
    </div>
  );
}

interface Upload {
  fileName: string;
  columns: string[];
  recipients: Recipient[];
  /** Rows whose number is not a Korean mobile number, numbered as a spreadsheet shows them. */
  invalid: { row: number; to: string }[];
}

/** Reads the chosen CSV file into recipients; a file the rules refuse is said in Korean. */
function readUpload(fileName: string, text: string): Upload | string {
  let rows: string[][];
  try {
    // The parser and options of the API's own CSV upload (api/operations/start-campaign.ts).
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (err) {
    return explain('csv_malformed', (err as Error).message);
  }
  const read = recipientsFromTable(rows);
  if (!read.ok) return explain(read.violations[0].code, read.violations[0].message);
  if (read.recipients.length === 0) return '받는 사람이 한 줄도 없습니다. 머리글 아래에 번호를 적으세요.';
  const invalid = read.recipients.flatMap((r, i) => (parseRecipient(r.to) ? [] : [{ row: i + 2, to: r.to }]));
  return { fileName, columns: rows[0].map((c) => c.trim()), recipients: read.recipients, invalid };
}

const PREVIEW_ROWS = 5;

function UploadPreview(props: { upload: Upload }) {
  const { columns, recipients, invalid } = props.upload;
  const others = columns.filter((c) => c.toLowerCase() !== 'to');
  return (
    <div aria-label="받는 사람 미리 보기" role="region">
      <p>
        <strong>{props.upload.fileName}</strong>: 받는 사람 {formatCount(recipients.length)}
        {recipients.length > PREVIEW_ROWS && ` (처음 ${PREVIEW_ROWS}줄을 보여 줍니다)`}
      </p>
      <Table
        columns={['줄', '받는 번호', ...others]}
        rows={recipients.slice(0, PREVIEW_ROWS).map((r, i) => ({ ...r, row: i + 2 }))}
        rowKey={(r) => String(r.row)}
      >
        {(r) => (
          <>
            <td>{r.row}</td>
            <td>{parseRecipient(r.to) ? formatPhone(parseRecipient(r.to)!.digits) : `${r.to} (잘못된 번호)`}</td>
            {others.map((c) => (
              <td key={c}>{r.variables?.[c] ?? ''}</td>
            ))}
          </>
        )}
      </Table>
      {others.length > 0 && (
        <p className="hint">문자(SMS/LMS)는 모두에게 같은 내용을 보내므로 {others.join(', ')} 열은 쓰지 않습니다.</p>
      )}
      {invalid.length > 0 && (
        <Alert kind="error">
          <p>
            휴대전화 번호가 아닌 줄이 {formatCount(invalid.length)} 있습니다. 이 줄은 빼고 보냅니다 (고친 파일을 다시
            골라도 됩니다).
          </p>
          <ul>
            {invalid.slice(0, 20).map((r) => (
              <li key={r.row}>
                {r.row}번째 줄: {r.to || '(빈 칸)'}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}

type Kind = 'sms' | 'lms';
const KINDS: [Kind, string][] = [
  ['sms', 'SMS (80바이트까지, 한글은 한 글자에 2바이트)'],
  ['lms', 'LMS (2,000바이트까지)'],
];

/** 새 캠페인: name, text, the CSV's recipients, an optional start time and rate. */
function NewCampaign() {
  const navigate = useNavigate();
  const name = useFieldState('');
  const [kind, setKind] = useState<Kind>('sms');
  const text = useFieldState('');
  const subject = useFieldState('');
  const scheduledAt = useFieldState('');
  const rate = useFieldState('');
  const [upload, setUpload] = useState<Upload | null>(null);
  const [uploadError, setUploadError] = useState<string | undefined>();
  const submit = useSubmit();
  const keys = useIdempotencyKeys();

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setUpload(null);
    setUploadError(undefined);
    if (!file) return;
    const read = readUpload(file.name, await file.text());
    if (typeof read === 'string') setUploadError(read);
    else setUpload(read);
  };

  const start = async (e: FormEvent) => {
    e.preventDefault();
    if (!upload) return setUploadError('받는 사람 CSV 파일을 고르세요.');
    const body = {
      name: name.value,
      message: {
        type: kind,
        text: text.value,
        ...(kind === 'lms' && subject.value ? { subject: subject.value } : {}),
      },
      recipients: upload.recipients.filter((r) => parseRecipient(r.to)).map((r) => ({ to: r.to })),
      ...(scheduledAt.value ? { scheduledAt: fromKstInput(scheduledAt.value) } : {}),
      ...(rate.value ? { ratePerMinute: Number(rate.value) } : {}),
    };
    // A click retried after a lost answer starts no second campaign: the same body keeps its key.
    const headers = { 'idempotency-key': keys.keyFor(body) };
    const started = await submit.run(() => must(api.POST('/v1/campaigns', { body, headers })));
    if (started) {
      keys.done(body);
      navigate(`/campaigns/${started.id}`);
    }
  };

  return (
    <form className="card" onSubmit={start} noValidate>
      <h2>새 캠페인</h2>
      <FormError error={submit.error} />
      <TextField label="캠페인 이름" error={submit.fieldErrors.name} maxLength={100} {...name} />
      <fieldset>
        <legend>종류</legend>
        {KINDS.map(([k, text]) => (
          <label className="check" key={k}>
            <input type="radio" name="campaign-kind" checked={kind === k} onChange={() => setKind(k)} />
            <span>{text}</span>
          </label>
        ))}
      </fieldset>
      {kind === 'lms' && (
        <TextField label="제목 (선택)" error={submit.fieldErrors['message.subject']} maxLength={40} {...subject} />
      )}
      <TextField label="내용" error={submit.fieldErrors['message.text']} rows={4} {...text} />
      <Field
        label="받는 사람 CSV 파일"
        hint={
          <>
            첫 줄은 머리글입니다. 받는 번호 열의 이름은 <code>to</code>이고, 한 줄에 번호 하나를 적습니다 (예:{' '}
            <code>to</code> 다음 줄에 <code>010-1234-5678</code>). 값에 쉼표가 있으면 큰따옴표로 감쌉니다.
          </>
        }
        error={uploadError ?? submit.fieldErrors.recipients}
      >
        {(a) => <input {...a} type="file" accept=".csv,text/csv" onChange={(e) => void choose(e)} />}
      </Field>
      {upload && <UploadPreview upload={upload} />}
      <div className="row">
        <TextField
          label="예약 시각 (한국 시간, 선택)"
          hint="비워 두면 바로 시작합니다. 1년 안의 시각만 됩니다."
          error={submit.fieldErrors.scheduledAt}
          type="datetime-local"
          {...scheduledAt}
        />
        <TextField
          label="분당 발송 수 (선택)"
          hint="비워 두면 가맹점 한도로 보냅니다."
          error={submit.fieldErrors.ratePerMinute}
          type="number"
          min={1}
          inputMode="numeric"
          {...rate}
        />
      </div>
      <SubmitButton busy={submit.busy} disabled={!upload || upload.invalid.length === upload.recipients.length}>
        {scheduledAt.value ? '캠페인 예약' : '캠페인 시작'}
      </SubmitButton>
    </form>
  );
}

const CAMPAIGN_COLUMNS = ['이름', '종류', '상태', '진행', '만든 시각'];

function CampaignTable(props: { campaigns: Campaign[] }) {
  return (
    <Table columns={CAMPAIGN_COLUMNS} rows={props.campaigns} empty="아직 캠페인이 없습니다.">
      {(c) => (
        <>
          <td>
            <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
          </td>
          <td>{label('messageType', c.type)}</td>
          <td>
            <CampaignStatus status={c.status} />
          </td>
          <td>
            <CampaignProgress campaign={c} />
          </td>
          <td>{formatDateTime(c.createdAt)}</td>
        </>
      )}
    </Table>
  );
}

export function Campaigns() {
  const { me } = useSession();
  const campaigns = useLoad(() => must(api.GET('/v1/campaigns', { params: { query: { limit: 50 } } })), []);
  return (
    <Page
      title="캠페인"
      intro="같은 문자를 CSV 파일의 받는 사람 모두에게 보냅니다. 한 사람 한 사람이 보통 메시지처럼 같은 규칙(수신거부, 발신번호, 계약)을 거칩니다."
    >
      <Loaded state={campaigns}>{(list) => <CampaignTable campaigns={list.data} />}</Loaded>
      {canChange(me) ? <NewCampaign /> : <Alert kind="info">조회 전용 계정은 캠페인을 만들 수 없습니다.</Alert>}
    </Page>
  );
}
