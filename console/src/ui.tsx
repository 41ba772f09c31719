/** Small building blocks every page uses: the page, alerts, tables, loading, empty and error states. */
import { useCallback, useEffect, useId, useState, type Key, type ReactNode } from 'react';
import { formatDateTime } from './format';

export function Page(props: { title: string; intro?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  useEffect(() => {
    document.title = `${props.title} — bizmsg`;
  }, [props.title]);
  return (
    <section aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{props.title}</h1>
        {props.actions && <div className="page-actions">{props.actions}</div>}
      </header>
      {props.intro && <p className="intro">{props.intro}</p>}
      {props.children}
    </section>
  );
}

export function Alert(props: { kind: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`alert alert-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

function ErrorState(props: { error: unknown; retry?: () => void }) {
  const message = props.error instanceof Error ? props.error.message : String(props.error);
  return (
    <Alert kind="error">
      <p>{message}</p>
      {props.retry && (
        <button type="button" className="secondary" onClick={props.retry}>
          다시 불러오기
        </button>
      )}
    </Alert>
  );
}

/** What the platform shows only once (an invitation link, a key, a secret): read-only, selected whole on focus to copy. */
export function ShownOnce(props: { label: string; value: string }) {
  const id = useId();
  return (
    <p>
      <label htmlFor={id}>{props.label}</label>
      <input id={id} className="mono" readOnly value={props.value} onFocus={(e) => e.target.select()} />
    </p>
  );
}

export function Empty(props: { children: ReactNode }) {
  return <div className="empty">{props.children}</div>;
}

export function Loading() {
  return (
    <p className="loading" role="status">
      불러오는 중…
    </p>
  );
}

export function Badge(props: { tone?: 'ok' | 'warn' | 'bad' | 'neutral'; children: ReactNode }) {
  return <span className={`badge badge-${props.tone ?? 'neutral'}`}>{props.children}</span>;
}

const TONES: Record<string, 'ok' | 'warn' | 'bad' | 'neutral'> = {
  active: 'ok',
  verified: 'ok',
  approved: 'ok',
  delivered: 'ok',
  paid: 'ok',
  settled: 'ok',
  applied: 'warn',
  on_hold: 'warn',
  pending: 'warn',
  requested: 'warn',
  accepted: 'warn',
  sending: 'warn',
  scheduled: 'warn',
  issued: 'warn',
  partially_paid: 'warn',
  disputed: 'warn',
  suspended: 'bad',
  rejected: 'bad',
  failed: 'bad',
  terminated: 'bad',
  overdue: 'bad',
};
export const StatusBadge = (props: { status: string; text: string }) => (
  <Badge tone={TONES[props.status]}>{props.text}</Badge>
);

export interface Loadable<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload: () => void;
}

/** Loads data for a page, with loading and error states and a reload. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loadable<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

/**
 * What `useLoad` loaded, in its states: 불러오는 중… while it loads, the error (with 다시 불러오기 unless
 * `retry` is false), then what the data renders. `quiet` keeps loaded data on screen without the
 * loading line while it is fetched again (pages that refresh themselves).
 */
export function Loaded<T>(props: {
  state: Loadable<T>;
  retry?: boolean;
  quiet?: boolean;
  children: (data: T) => ReactNode;
}) {
  const { data, error, loading, reload } = props.state;
  return (
    <>
      {loading && !(props.quiet && data !== undefined) && <Loading />}
      {error !== undefined && <ErrorState error={error} retry={props.retry === false ? undefined : reload} />}
      {data !== undefined && props.children(data)}
    </>
  );
}

export function Dl(props: { items: [string, ReactNode][] }) {
  return (
    <dl className="dl">
      {props.items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A column's heading; `num` right-aligns the column (amounts and counts). */
export type Column = string | { text: string; num: true };
export const num = (text: string): Column => ({ text, num: true });

/** Rows with an id are keyed by it; others say what keys them. */
type RowKey<T> = [T] extends [{ id: string }] ? { rowKey?: (row: T) => string } : { rowKey: (row: T) => string };

/** A list as a table, one row per item; with `empty`, a list without items says that instead. */
export function Table<T>(
  props: {
    columns: readonly Column[];
    rows: readonly T[];
    empty?: ReactNode;
    foot?: ReactNode;
    children: (row: T) => ReactNode;
  } & RowKey<T>,
) {
  const rowKey = props.rowKey ?? ((row: T) => (row as { id: string }).id);
  if (props.empty !== undefined && props.rows.length === 0) return <Empty>{props.empty}</Empty>;
  return (
    <table>
      <thead>
        <tr>
          {props.columns.map((c) =>
            typeof c === 'string' ? (
              <th key={c} scope="col">
                {c}
              </th>
            ) : (
              <th key={c.text} scope="col" className="num">
                {c.text}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={rowKey(row)}>{props.children(row)}</tr>
        ))}
      </tbody>
      {props.foot && <tfoot>{props.foot}</tfoot>}
    </table>
  );
}

/** Events in time order, each led by its time (a contract's history, a message's attempts). */
export function Timeline<T extends { at: string }>(props: {
  events: readonly T[];
  eventKey: (event: T, i: number) => Key;
  /** Colours the event's dot (failed, delivered…). */
  status?: (event: T) => string;
  children: (event: T) => ReactNode;
}) {
  return (
    <ol className="timeline">
      {props.events.map((e, i) => (
        <li key={props.eventKey(e, i)} data-status={props.status?.(e)}>
          <time dateTime={e.at}>{formatDateTime(e.at)}</time> {props.children(e)}
        </li>
      ))}
    </ol>
  );
}
