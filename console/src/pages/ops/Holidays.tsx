/** 공휴일: the year's holidays for business days (gazette dataset + operator-added). */
import { useState, type FormEvent } from 'react';
import { api, must } from '../../api/client';
import { dayOfWeek, kstDate } from '../../../../domain/calendar-kst';
import { Alert, Empty, ErrorState, Field, FormError, Loading, Page, useLoad, useSubmit } from '../../ui';

const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];

export function Holidays() {
  const [year, setYear] = useState(Number(kstDate(Date.now()).slice(0, 4)));
  const list = useLoad(() => must(api.GET('/v1/holidays', { params: { query: { year } } })), [year]);
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const submit = useSubmit();
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (await submit.run(() => must(api.POST('/v1/holidays', { body: { date, name } })))) {
      setDate('');
      setName('');
      list.reload();
    }
  };
  return (
    <Page
      title="공휴일"
      intro="영업일(청구 기한, 납부 기한)은 주말과 이 공휴일을 뺀 날입니다. 임시공휴일은 여기서 더합니다."
    >
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
      {list.loading && <Loading />}
      {list.error !== undefined && <ErrorState error={list.error} retry={list.reload} />}
      {list.data && !list.data.covered && (
        <Alert kind="error">{year}년 공휴일 자료가 없습니다. 이 해의 영업일은 계산할 수 없습니다.</Alert>
      )}
      {list.data &&
        (list.data.data.length === 0 ? (
          <Empty>{year}년에 등록된 공휴일이 없습니다.</Empty>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">날짜</th>
                <th scope="col">이름</th>
                <th scope="col">출처</th>
              </tr>
            </thead>
            <tbody>
              {list.data.data.map((h) => (
                <tr key={h.date}>
                  <td>
                    {h.date} ({WEEKDAYS[dayOfWeek(h.date)]})
                  </td>
                  <td>{h.names.join(', ')}</td>
                  <td>{h.source === 'gazette' ? '관보' : '운영자 추가'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <form className="card" onSubmit={add} noValidate>
        <h2>공휴일 추가</h2>
        <FormError error={submit.error} />
        <div className="row">
          <Field label="날짜" error={submit.fieldErrors.date}>
            {(a) => <input {...a} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
          </Field>
          <Field label="이름" error={submit.fieldErrors.name}>
            {(a) => <input {...a} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <button type="submit" disabled={submit.busy}>
            추가
          </button>
        </div>
      </form>
    </Page>
  );
}
