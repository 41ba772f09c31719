/**
 * 공휴일: the year's holidays for business days (gazette dataset + operator-entered), the years the
 * calendar covers, and loading a whole year's official list (PUT /v1/holidays/:year, SPEC §5).
 */
import { useState, type FormEvent } from 'react';
import { api, must } from '../../api/client';
import { dayOfWeek, kstDate } from '../../../../domain/calendar-kst';
import { Field, FormError, SubmitButton, TextField, useFieldState, useSubmit } from '../../forms';
import { Alert, Badge, Loaded, Page, Table, useLoad } from '../../ui';

const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];

/** One holiday a line: `2028-01-01 신정` (date, a space, the name). */
function parseYearList(text: string): { holidays: { date: string; name: string }[]; error?: string } {
  const holidays: { date: string; name: string }[] = [];
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\d{4}-\d{2}-\d{2})\s+(.+)$/.exec(line);
    if (!m) return { holidays, error: `${i + 1}번째 줄: "날짜 이름" 형식이어야 합니다 (예: 2028-01-01 신정).` };
    holidays.push({ date: m[1], name: m[2].trim() });
  }
  return { holidays };
}

/** The API names a bad entry `holidays.<n>.date`; people see the line it came from. */
function lineErrors(fieldErrors: Record<string, string>, text: string): string | undefined {
  const lines = text.split('\n').flatMap((l, i) => (l.trim() ? [i + 1] : []));
  const found = Object.entries(fieldErrors).flatMap(([field, message]) => {
    const m = /^holidays\.(\d+)/.exec(field);
    return m ? [`${lines[Number(m[1])] ?? Number(m[1]) + 1}번째 줄: ${message}`] : [];
  });
  return found.length ? found.join(' ') : undefined;
}

export function Holidays() {
  const thisYear = Number(kstDate(Date.now()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const list = useLoad(() => must(api.GET('/v1/holidays', { params: { query: { year } } })), [year]);
  // The years around today that business days may need: invoices are dated up to a year ahead.
  const span = Array.from({ length: 6 }, (_, i) => thisYear - 1 + i);
  const coverage = useLoad(
    () => Promise.all(span.map((y) => must(api.GET('/v1/holidays', { params: { query: { year: y } } })))),
    [thisYear],
  );
  const date = useFieldState('');
  const name = useFieldState('');
  const yearText = useFieldState('');
  const [localError, setLocalError] = useState<string>();
  const [loaded, setLoaded] = useState<number | null>(null);
  const submit = useSubmit();
  const loadYear = useSubmit();

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (await submit.run(() => must(api.POST('/v1/holidays', { body: { date: date.value, name: name.value } })))) {
      date.onValue('');
      name.onValue('');
      list.reload();
    }
  };
  const putYear = async (e: FormEvent) => {
    e.preventDefault();
    setLoaded(null);
    const parsed = parseYearList(yearText.value);
    setLocalError(parsed.error);
    if (parsed.error) return;
    const done = await loadYear.run(() =>
      must(api.PUT('/v1/holidays/{year}', { params: { path: { year } }, body: { holidays: parsed.holidays } })),
    );
    if (done) {
      setLoaded(done.data.length);
      list.reload();
      coverage.reload();
    }
  };
  const copyList = () =>
    yearText.onValue(
      (list.data?.data ?? [])
        .filter((h) => h.source === 'operator')
        .map((h) => `${h.date} ${h.names.join(', ')}`)
        .join('\n'),
    );

  return (
    <Page
      title="공휴일"
      intro="영업일(청구 기한, 납부 기한)은 주말과 이 공휴일을 뺀 날입니다. 자료가 없는 해의 청구서는 그 해의 공휴일을 불러올 때까지 기다립니다."
    >
      <section className="card" aria-labelledby="coverage">
        <h2 id="coverage">공휴일 자료가 있는 해</h2>
        <Loaded state={coverage} quiet>
          {(years) => (
            <ul className="years">
              {years.map((y) => (
                <li key={y.year}>
                  <button type="button" className="link" onClick={() => setYear(y.year)} aria-pressed={y.year === year}>
                    {y.year}년
                  </button>{' '}
                  <Badge tone={y.covered ? 'ok' : 'bad'}>{y.covered ? '자료 있음' : '자료 없음'}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Loaded>
      </section>

      <Field label="연도">
        {(a) => (
          <input
            {...a}
            type="number"
            min={2000}
            max={2100}
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
          />
        )}
      </Field>
      <Loaded state={list}>
        {(holidays) => (
          <>
            {!holidays.covered && (
              <Alert kind="error">
                {year}년 공휴일 자료가 없습니다. 이 해의 영업일은 계산할 수 없습니다 — 아래에서 그 해의 공휴일을
                불러오세요.
              </Alert>
            )}
            <Table
              columns={['날짜', '이름', '출처']}
              rows={holidays.data}
              rowKey={(h) => h.date}
              empty={`${year}년에 등록된 공휴일이 없습니다.`}
            >
              {(h) => (
                <>
                  <td>
                    {h.date} ({WEEKDAYS[dayOfWeek(h.date)]})
                  </td>
                  <td>{h.names.join(', ')}</td>
                  <td>{h.source === 'gazette' ? '관보' : '운영자 입력'}</td>
                </>
              )}
            </Table>
          </>
        )}
      </Loaded>

      <form className="card" onSubmit={putYear} noValidate>
        <h2>{year}년 공휴일 불러오기</h2>
        <FormError error={loadYear.error} />
        {loaded !== null && (
          <Alert kind="success">
            {year}년 공휴일을 불러왔습니다: {loaded}일. 이제 이 해의 영업일을 계산합니다.
          </Alert>
        )}
        <TextField
          label={`${year}년 공휴일 목록 (한 줄에 하나: 날짜 이름)`}
          hint="관보에 고시된 그 해의 공휴일 전체를 넣습니다. 운영자가 입력한 그 해의 공휴일은 이 목록으로 바뀝니다 (관보 자료는 그대로)."
          error={localError ?? lineErrors(loadYear.fieldErrors, yearText.value)}
          rows={8}
          placeholder={`${year}-01-01 신정\n${year}-03-01 삼일절`}
          {...yearText}
        />
        <div className="row">
          <SubmitButton busy={loadYear.busy}>{year}년 공휴일 불러오기</SubmitButton>
          <button type="button" className="secondary" onClick={copyList} disabled={!list.data}>
            운영자 입력분을 편집 칸에 넣기
          </button>
        </div>
      </form>

      <form className="card" onSubmit={add} noValidate>
        <h2>공휴일 하루 추가 (임시공휴일)</h2>
        <FormError error={submit.error} />
        <div className="row">
          <TextField label="날짜" error={submit.fieldErrors.date} type="date" {...date} />
          <TextField label="이름" error={submit.fieldErrors.name} {...name} />
          <SubmitButton busy={submit.busy}>추가</SubmitButton>
        </div>
      </form>
    </Page>
  );
}
