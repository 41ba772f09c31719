/**
 * 알림톡 템플릿: the list with Kakao's review of each template's latest version and the version that
 * sends now; a new template, an edit (a new version, reviewed again while the approved one keeps
 * sending) and a deletion (messages already accepted still go out).
 */
import { useEffect, useRef, useState } from 'react';
import { api, must, type Schemas } from '../api/client';
import { formatDateTime, label } from '../format';
import { canChange, useSession } from '../session';
import { ActionOutcome, AddingForm, useSubmit } from '../forms';
import { Loaded, Page, StatusBadge, Table, useLoad } from '../ui';
import { TemplateForm, type TemplateButton, type TemplateContent } from './TemplateForm';

type Template = Schemas['Template'];

const buttonNames = (buttons: TemplateButton[]) => buttons.map((b) => b.name).join(', ') || '없음';

/** Which version messages go out from: the approved one, when it is not the latest. */
function Sending(props: { template: Template }) {
  const { approved, version } = props.template;
  if (!approved) return <span className="hint">없음 — 승인되어야 보낼 수 있습니다</span>;
  if (approved.version === version) return <>버전 {version} (최신)</>;
  return (
    <>
      <strong>버전 {approved.version}</strong>
      <div>{approved.text}</div>
      <div className="hint">버튼: {buttonNames(approved.buttons)}</div>
    </>
  );
}

async function create(content: TemplateContent) {
  const created = await must(api.POST('/v1/templates', { body: content }));
  return `템플릿 ${created.code}을(를) 검수 요청했습니다.`;
}

async function edit({ code, text, buttons }: TemplateContent) {
  const t = await must(api.PUT('/v1/templates/{code}', { params: { path: { code } }, body: { text, buttons } }));
  const sending = t.approved
    ? `승인될 때까지 승인된 버전 ${t.approved.version}이(가) 계속 발송됩니다.`
    : '승인되어야 이 템플릿으로 보낼 수 있습니다.';
  return `템플릿 ${t.code}의 버전 ${t.version}을(를) 검수 요청했습니다. ${sending}`;
}

export function Templates() {
  const { me } = useSession();
  const mayChange = canChange(me);
  const templates = useLoad(() => must(api.GET('/v1/templates')), []);
  const [editing, setEditing] = useState<Template | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const removing = useSubmit();

  // Kakao's review takes from seconds to days: look again while a version is under review, less and
  // less often (1.5 s, doubling, at most a minute apart).
  const underReview = templates.data?.data.some((t) => t.status === 'requested');
  const polls = useRef(0);
  useEffect(() => {
    if (!underReview) {
      polls.current = 0;
      return;
    }
    const t = setTimeout(templates.reload, Math.min(1500 * 2 ** polls.current++, 60_000));
    return () => clearTimeout(t);
  }, [templates.data, underReview, templates.reload]);

  const startEdit = (t: Template) => {
    setNotice(null);
    setEditing(t);
  };
  const edited = (text: string) => {
    setEditing(null);
    setNotice(text);
    templates.reload();
  };
  const remove = async (t: Template) => {
    const question = `템플릿 ${t.code}을(를) 삭제합니다. 이 템플릿으로 더는 보낼 수 없고, 이미 접수된 메시지는 그대로 발송됩니다. 계속할까요?`;
    if (!window.confirm(question)) return;
    setNotice(null);
    const path = { params: { path: { code: t.code } } };
    if (await removing.run(() => must(api.DELETE('/v1/templates/{code}', path)).then(() => true))) {
      if (editing?.code === t.code) setEditing(null);
      setNotice(`템플릿 ${t.code}을(를) 삭제했습니다. 이미 접수된 메시지는 그대로 발송됩니다.`);
      templates.reload();
    }
  };

  return (
    <Page
      title="알림톡 템플릿"
      intro="알림톡은 카카오 검수를 통과한 템플릿으로만 보냅니다. 변수는 #{이름} 형식으로 씁니다 (최대 40개). 수정하면 새 버전이 다시 검수를 받고, 그동안은 승인된 버전이 발송됩니다."
    >
      <ActionOutcome notice={notice} error={removing.error} />
      <Loaded state={templates} quiet>
        {(list) => (
          <Table
            columns={['코드', '최신 버전', '검수', '발송 중인 버전', '요청', ...(mayChange ? ['관리'] : [])]}
            rows={list.data}
            rowKey={(t) => t.code}
            empty="아직 템플릿이 없습니다. 아래에서 만들어 검수를 요청하세요."
          >
            {(t) => (
              <>
                <td>
                  <code>{t.code}</code>
                </td>
                <td className="pre">
                  <strong>버전 {t.version}</strong>
                  <div>{t.text}</div>
                  <div className="hint">버튼: {buttonNames(t.buttons)}</div>
                </td>
                <td>
                  <StatusBadge status={t.status} text={label('templateStatus', t.status)} />
                  {t.rejectionReason && <div className="hint">반려 사유: {t.rejectionReason}</div>}
                </td>
                <td className="pre">
                  <Sending template={t} />
                </td>
                <td>{formatDateTime(t.createdAt)}</td>
                {mayChange && (
                  <td>
                    <button type="button" className="secondary small" onClick={() => startEdit(t)}>
                      수정
                    </button>{' '}
                    <button type="button" className="danger small" onClick={() => void remove(t)}>
                      삭제
                    </button>
                  </td>
                )}
              </>
            )}
          </Table>
        )}
      </Loaded>
      {mayChange &&
        (editing ? (
          <TemplateForm
            key={`${editing.code}-${editing.version}`}
            title={`템플릿 ${editing.code} 수정`}
            initial={editing}
            button="수정본 검수 요청"
            save={edit}
            done={edited}
            cancel={() => setEditing(null)}
          />
        ) : (
          <AddingForm reload={templates.reload}>
            {(added) => <TemplateForm title="새 템플릿" button="검수 요청" save={create} done={added} />}
          </AddingForm>
        ))}
    </Page>
  );
}
