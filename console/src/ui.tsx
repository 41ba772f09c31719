/** Small building blocks every page uses: labelled fields, alerts, tables, empty and error states. */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ApiFailure } from './api/client';

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

export function Field(props: {
  label: string;
  hint?: ReactNode;
  error?: string;
  children: (attrs: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${props.error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, 'aria-describedby': describedBy, 'aria-invalid': props.error ? true : undefined })}
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="field-error" id={errorId}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** The options of a select over a table of Korean names (code → name); `only` keeps those codes, in its order. */
export function LabelOptions(props: { labels: Readonly<Record<string, string>>; only?: readonly string[] }) {
  return (
    <>
      {(props.only ?? Object.keys(props.labels)).map((code) => (
        <option key={code} value={code}>
          {props.labels[code]}
        </option>
      ))}
    </>
  );
}

export function Alert(props: { kind: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`alert alert-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

export function ErrorState(props: { error: unknown; retry?: () => void }) {
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

/** Loads data for a page, with loading and error states and a reload. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
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

/** A form's submission: busy while it runs, the API's error (with its field errors) after. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | Error | null>(null);
  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const fieldErrors = error instanceof ApiFailure ? error.fieldErrors : {};
  return { busy, error, fieldErrors, run, clear: () => setError(null) };
}

/**
 * Idempotency-Key per user action (SPEC §7): each new action gets a fresh key; trying the same action
 * again (same target and body) after it failed — a lost answer, a timeout — reuses its key, so the
 * API answers as it did the first time and records nothing twice. A success retires the key.
 */
export function useIdempotencyKeys() {
  const pending = useRef(new Map<string, string>());
  return {
    keyFor(action: unknown): string {
      const id = JSON.stringify(action);
      let key = pending.current.get(id);
      if (!key) {
        // getRandomValues, not randomUUID: the console may be served over plain http inside a network.
        const bytes = crypto.getRandomValues(new Uint8Array(16));
        key = `console-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
        pending.current.set(id, key);
      }
      return key;
    },
    done(action: unknown) {
      pending.current.delete(JSON.stringify(action));
    },
  };
}

export function FormError(props: { error: Error | null }) {
  if (!props.error) return null;
  return <Alert kind="error">{props.error.message}</Alert>;
}

/** Reads a chosen file as base64 for the API's `contentBase64` fields. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
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
