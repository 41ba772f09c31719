/** Pieces of the operator console: the Temporal Web UI link and a merchant's name. */
import { api, must } from '../../api/client';
import { formatBrn } from '../../format';
import { useSession } from '../../session';
import { useLoad } from '../../ui';

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
