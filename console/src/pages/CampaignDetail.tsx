/**
 * 캠페인 상세: the campaign's counts and progress (GET /v1/campaigns/:id, refreshed while it runs),
 * pause, resume and cancel by its status, and the rows the rules refused (GET /v1/campaigns/:id/rejections).
 */
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { isClosed } from '../../../domain/campaign';
import { api, must, type Schemas } from '../api/client';
import { formatCount, formatDateTime, label } from '../format';
import { canChange, useSession } from '../session';
import { FormError, useSubmit } from '../forms';
import { Dl, Loaded, Page, Table, useLoad } from '../ui';
import { CampaignProgress, CampaignStatus } from './Campaigns';

type Campaign = Schemas['Campaign'];
type Action = 'pause' | 'resume' | 'cancel';

/** What a person may do with a campaign in its status (the API refuses the rest with 409). */
const ACTIONS: Record<Campaign['status'], Action[]> = {
  scheduled: ['pause', 'cancel'],
  running: ['pause', 'cancel'],
  paused: ['resume', 'cancel'],
  completed: [],
  cancelled: [],
};
const ACTION_TEXT: Record<Action, string> = { pause: '일시정지', resume: '재개', cancel: '캠페인 취소' };

function Rejections(props: { id: string }) {
  const rejections = useLoad(
    () => must(api.GET('/v1/campaigns/{id}/rejections', { params: { path: { id: props.id }, query: { limit: 100 } } })),
    [props.id],
  );
  return (
    <Loaded state={rejections}>
      {(list) => (
        <Table columns={['순서', '받는 번호', '사유']} rows={list.data} rowKey={(r) => String(r.index)}>
          {(r) => (
            <>
              <td>{r.index + 1}</td>
              <td>{r.to || '—'}</td>
              <td>{r.error.message}</td>
            </>
          )}
        </Table>
      )}
    </Loaded>
  );
}

export function CampaignDetail() {
  const { id } = useParams();
  const { me } = useSession();
  const campaign = useLoad(() => must(api.GET('/v1/campaigns/{id}', { params: { path: { id: id! } } })), [id]);
  const submit = useSubmit();
  const c = campaign.data;
  const settled = c ? isClosed(c.status) : false;
  useEffect(() => {
    if (!c || settled) return;
    const t = setTimeout(campaign.reload, 1500);
    return () => clearTimeout(t);
  }, [c, settled, campaign.reload]);

  const act = async (action: Action) => {
    if (
      action === 'cancel' &&
      !window.confirm('캠페인을 취소합니다. 아직 차례가 오지 않은 받는 사람에게는 보내지 않습니다. 취소할까요?')
    )
      return;
    const path = { params: { path: { id: id! } }, body: {} };
    const done = await submit.run(() =>
      must(
        action === 'pause'
          ? api.POST('/v1/campaigns/{id}/pause', path)
          : action === 'resume'
            ? api.POST('/v1/campaigns/{id}/resume', path)
            : api.POST('/v1/campaigns/{id}/cancel', path),
      ),
    );
    if (done) campaign.reload();
  };

  return (
    <Page title="캠페인 상세" intro={<Link to="/campaigns">← 캠페인 목록</Link>}>
      <FormError error={submit.error} />
      <Loaded state={campaign} quiet>
        {(c) => (
          <>
            <div className="card">
              <h2>{c.name}</h2>
              <CampaignProgress campaign={c} />
              {canChange(me) && ACTIONS[c.status].length > 0 && (
                <div className="actions">
                  {ACTIONS[c.status].map((a) => (
                    <button
                      key={a}
                      type="button"
                      className={a === 'cancel' ? 'danger' : 'secondary'}
                      disabled={submit.busy}
                      onClick={() => void act(a)}
                    >
                      {ACTION_TEXT[a]}
                    </button>
                  ))}
                </div>
              )}
            </div>
            <Dl
              items={[
                ['상태', <CampaignStatus key="s" status={c.status} />],
                ['종류', label('messageType', c.type)],
                ['받는 사람', formatCount(c.total)],
                ['전달됨', formatCount(c.delivered)],
                ['실패', formatCount(c.failed)],
                ['발송 중', formatCount(c.sending)],
                ['차례 대기', formatCount(c.scheduled)],
                ['접수 거부', formatCount(c.rejected)],
                ['취소', formatCount(c.cancelled)],
                ['분당 발송 수', formatCount(c.ratePerMinute)],
                ['예약 시각', formatDateTime(c.scheduledAt)],
                ['시작', formatDateTime(c.startedAt)],
                ['끝', formatDateTime(c.finishedAt)],
              ]}
            />
            {c.rejected > 0 && (
              <section aria-labelledby="rejections">
                <h2 id="rejections">접수를 거부한 받는 사람</h2>
                <Rejections id={c.id} />
              </section>
            )}
          </>
        )}
      </Loaded>
    </Page>
  );
}
