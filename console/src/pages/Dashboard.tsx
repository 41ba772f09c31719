/** 대시보드: sends today and this month by type, delivery and fallback rates, a daily chart. */
import { addDays, firstDayOf, kstDate, kstStartOf, periodOf } from '../../../domain/calendar-kst';
import { isKakaoType } from '../../../domain/message-types';
import { api, must, type Schemas } from '../api/client';
import { formatCount, formatPercent, label } from '../format';
import { useSession } from '../session';
import { Loaded, Page, Table, num, useLoad } from '../ui';

type Stats = Schemas['MessageStats'];

function totals(s: Stats) {
  const sum = (k: 'total' | 'delivered' | 'failed' | 'viaFallback') => s.byType.reduce((n, t) => n + t[k], 0);
  const kakao = s.byType.filter((t) => t.type !== 'payment_notice' && isKakaoType(t.type));
  return {
    total: sum('total'),
    delivered: sum('delivered'),
    failed: sum('failed'),
    fallback: sum('viaFallback'),
    kakao: kakao.reduce((n, t) => n + t.total, 0),
  };
}

function Chart(props: { daily: Stats['daily']; days: string[] }) {
  const byDate = new Map(props.daily.map((d) => [d.date, d]));
  const max = Math.max(1, ...props.daily.map((d) => d.total));
  const w = 60;
  const h = 140;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${props.days.length * w} ${h + 24}`}
        preserveAspectRatio="xMinYMid meet"
        role="img"
        aria-labelledby="chart-title"
      >
        <title id="chart-title">최근 {props.days.length}일 일별 발송 건수 (전달됨은 진한 색)</title>
        {props.days.map((d, i) => {
          const v = byDate.get(d);
          const total = ((v?.total ?? 0) / max) * h;
          const delivered = ((v?.delivered ?? 0) / max) * h;
          return (
            <g key={d}>
              <rect x={i * w + 8} y={h - total} width={w - 16} height={total} className="bar-total" />
              <rect x={i * w + 8} y={h - delivered} width={w - 16} height={delivered} className="bar-delivered" />
              <text x={i * w + w / 2} y={h + 16} textAnchor="middle" className="tick">
                {Number(d.slice(8))}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>최근 14일 일별 발송 (밝은 막대: 전체, 진한 막대: 전달됨)</figcaption>
    </figure>
  );
}

export function Dashboard() {
  const { me } = useSession();
  const today = kstDate(Date.now());
  const month = firstDayOf(periodOf(today));
  const days = Array.from({ length: 14 }, (_, i) => addDays(today, i - 13));
  const tomorrow = addDays(today, 1);
  const stats = useLoad(async () => {
    const q = (since: string) =>
      must(
        api.GET('/v1/message-stats', {
          params: { query: { since: kstStartOf(since).toISOString(), until: kstStartOf(tomorrow).toISOString() } },
        }),
      );
    const [t, m, recent] = await Promise.all([q(today), q(month), q(days[0])]);
    return { today: t, month: m, recent };
  }, [today]);

  return (
    <Page
      title="대시보드"
      intro={`${me.merchantName ?? ''} — 오늘과 이번 달의 발송 현황입니다. 시각은 한국 시간 기준입니다.`}
    >
      <Loaded state={stats}>
        {({ today, month, recent }) => (
          <>
            <div className="tiles">
              {(
                [
                  ['오늘 발송', today],
                  ['이번 달 발송', month],
                ] as const
              ).map(([title, s]) => {
                const t = totals(s);
                return (
                  <section className="tile" key={title} aria-label={title}>
                    <h2>{title}</h2>
                    <p className="big">{formatCount(t.total)}</p>
                    <p>
                      전달률 <strong>{formatPercent(t.delivered, t.delivered + t.failed)}</strong> · 대체발송률{' '}
                      <strong>{formatPercent(t.fallback, t.kakao)}</strong>
                    </p>
                  </section>
                );
              })}
            </div>
            <section className="card" aria-labelledby="by-type">
              <h2 id="by-type">이번 달 종류별</h2>
              <Table
                columns={['종류', num('전체'), num('전달됨'), num('실패'), num('대체발송')]}
                rows={month.byType}
                rowKey={(t) => t.type}
                empty="이번 달에 보낸 메시지가 없습니다. 테스트 발송으로 시작해 보세요."
              >
                {(t) => (
                  <>
                    <td>{label('messageType', t.type)}</td>
                    <td className="num">{formatCount(t.total)}</td>
                    <td className="num">{formatCount(t.delivered)}</td>
                    <td className="num">{formatCount(t.failed)}</td>
                    <td className="num">{formatCount(t.viaFallback)}</td>
                  </>
                )}
              </Table>
            </section>
            <section className="card">
              <Chart daily={recent.daily} days={days} />
            </section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
