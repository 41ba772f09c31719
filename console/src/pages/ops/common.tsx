/** Pieces of the operator console: the Temporal Web UI link, a merchant's name, a work queue. */
import { Fragment, useState, type ReactNode } from 'react';
import { api, must } from '../../api/client';
import { formatBrn } from '../../format';
import { useSession } from '../../session';
import { Alert, Empty, Loaded, Page, useLoad } from '../../ui';

/** Every object links to its workflow in the Temporal Web UI (SPEC §6), by workflow id. */
export function TemporalLink(props: { workflowId: string }) {
  const { me } = useSession();
  if (!me.temporalUiUrl) return null;
  return (
    <a
      className="temporal"
      href={`${me.temporalUiUrl}/${encodeURIComponent(props.workflowId)}`}
      target="_blank"
      rel="noreferrer"
    >
      Temporal: {props.workflowId}
      <span className="sr-only"> (새 창)</span>
    </a>
  );
}

export function MerchantName(props: { id: string }) {
  const m = useLoad(() => must(api.GET('/v1/merchants/{id}', { params: { path: { id: props.id } } })), [props.id]);
  return <>{m.data ? `${m.data.name} (${formatBrn(m.data.businessRegistrationNumber)})` : props.id}</>;
}

/**
 * What waits for an operator's decision (applications, sender numbers), one card each. A card calls
 * `decided` with what it did: that shows above the queue, and the queue loads again without it.
 */
export function WorkQueue<T>(props: {
  title: string;
  intro: string;
  load: () => Promise<T[]>;
  empty: string;
  itemKey: (item: T) => string;
  children: (item: T, decided: (text: string) => void) => ReactNode;
}) {
  const queue = useLoad(props.load, []);
  const [done, setDone] = useState<string | null>(null);
  const decided = (text: string) => {
    setDone(text);
    queue.reload();
  };
  return (
    <Page title={props.title} intro={props.intro}>
      {done && <Alert kind="success">{done}</Alert>}
      <Loaded state={queue}>
        {(items) =>
          items.length === 0 ? (
            <Empty>{props.empty}</Empty>
          ) : (
            items.map((item) => <Fragment key={props.itemKey(item)}>{props.children(item, decided)}</Fragment>)
          )
        }
      </Loaded>
    </Page>
  );
}
