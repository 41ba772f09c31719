/** What the console's forms are made of: labelled fields, editable rows, a submission and its error. */
import {
  Fragment,
  useCallback,
  useId,
  useRef,
  useState,
  type Dispatch,
  type InputHTMLAttributes,
  type ReactNode,
  type SetStateAction,
  type TextareaHTMLAttributes,
} from 'react';
import { ApiFailure } from './api/client';
import { Alert } from './ui';

type FieldText = { label: string; hint?: ReactNode; error?: string };

export function Field(
  props: FieldText & {
    children: (attrs: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
  },
) {
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

/**
 * A labelled text control bound to a string: an input (text, email, password, date…), or with
 * `rows` a textarea of that many lines.
 */
export function TextField({
  label,
  hint,
  error,
  value,
  onValue,
  rows,
  ...control
}: FieldText &
  FieldState<string> &
  Omit<
    InputHTMLAttributes<HTMLInputElement> & TextareaHTMLAttributes<HTMLTextAreaElement>,
    'id' | 'value' | 'onChange'
  >) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(a) =>
        rows ? (
          <textarea {...a} {...control} rows={rows} value={value} onChange={(e) => onValue(e.target.value)} />
        ) : (
          <input {...a} {...control} value={value} onChange={(e) => onValue(e.target.value)} />
        )
      }
    </Field>
  );
}

/**
 * A labelled select over a table of Korean names (code → name): `only` keeps those codes, in its
 * order; `all` adds a first option, '', that chooses none of them (a search filter's 전체).
 */
export function LabelSelect<Code extends string>(
  props: FieldText & {
    labels: Readonly<Record<NoInfer<Exclude<Code, ''>>, string>>;
    only?: readonly NoInfer<Exclude<Code, ''>>[];
    all?: string;
  } & FieldState<Code>,
) {
  const codes = props.only ?? (Object.keys(props.labels) as Exclude<Code, ''>[]);
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(a) => (
        <select {...a} value={props.value} onChange={(e) => props.onValue(e.target.value as Code)}>
          {props.all && <option value="">{props.all}</option>}
          {codes.map((code) => (
            <option key={code} value={code}>
              {props.labels[code]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * Rows a person adds and takes out (sender numbers, a template's buttons): each row's fields and its
 * "<noun> n 빼기" button, then "<noun> 추가" while there are fewer than `max`; `min` rows always stay.
 */
export function EditableRows<T>(props: {
  noun: string;
  rows: T[];
  setRows: Dispatch<SetStateAction<T[]>>;
  blank: T;
  max: number;
  min?: number;
  children: (row: T, i: number, set: (row: T) => void) => ReactNode;
}) {
  const { rows, setRows } = props;
  return (
    <>
      {rows.map((row, i) => (
        <div className="row" key={i}>
          {props.children(row, i, (next) => setRows((rs) => rs.map((r, j) => (j === i ? next : r))))}
          {rows.length > (props.min ?? 0) && (
            <button
              type="button"
              className="secondary small"
              onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
            >
              {props.noun} {i + 1} 빼기
            </button>
          )}
        </div>
      ))}
      {rows.length < props.max && (
        <button type="button" className="secondary" onClick={() => setRows((rs) => [...rs, props.blank])}>
          {props.noun} 추가
        </button>
      )}
    </>
  );
}

/** A field's value and its setter, spread into a TextField or LabelSelect as `{...field}`. */
export interface FieldState<T> {
  value: T;
  onValue: (value: T) => void;
}

/** One field's state: `const number = useFieldState('')`, then `<TextField label="번호" {...number} />`. */
export function useFieldState<T>(initial: T): FieldState<T> {
  const [value, setValue] = useState(initial);
  return { value, onValue: setValue };
}

/** A form kept as one record of strings by field name: `bind(name)` gives that field its value and onValue. */
export function useFieldValues(initial: () => Record<string, string> = () => ({})) {
  const [values, setValues] = useState(initial);
  const bind = (name: string) => ({
    value: values[name] ?? '',
    onValue: (value: string) => setValues((v) => ({ ...v, [name]: value })),
  });
  return { values, bind, clear: () => setValues({}) };
}

/**
 * The form that adds to a list (a sender number, a template), below it: what the last success added,
 * then the form, made anew after each success so that it starts blank (file inputs too) while the
 * list loads again.
 */
export function AddingForm(props: { reload: () => void; children: (added: (text: string) => void) => ReactNode }) {
  const [last, setLast] = useState<{ text: string; count: number } | null>(null);
  const added = (text: string) => {
    setLast((l) => ({ text, count: (l?.count ?? 0) + 1 }));
    props.reload();
  };
  return (
    <>
      {last && <Alert kind="success">{last.text}</Alert>}
      <Fragment key={last?.count ?? 0}>{props.children(added)}</Fragment>
    </>
  );
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

/** A form's submit button: disabled while its submission runs, so one click records one thing. */
export function SubmitButton(props: { busy: boolean; disabled?: boolean; children: ReactNode }) {
  return (
    <button type="submit" disabled={props.busy || props.disabled}>
      {props.children}
    </button>
  );
}

export function FormError(props: { error: Error | null }) {
  if (!props.error) return null;
  return <Alert kind="error">{props.error.message}</Alert>;
}

/** What a list's actions last did: the success said, and the API's refusal of a later one. */
export function ActionOutcome(props: { notice: string | null; error: Error | null }) {
  return (
    <>
      {props.notice && <Alert kind="success">{props.notice}</Alert>}
      <FormError error={props.error} />
    </>
  );
}
