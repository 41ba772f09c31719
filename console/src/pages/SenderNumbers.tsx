/** 발신번호: status of each number, adding one (or a replacement) with its proof document (Art. 4.4). */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, must, type Schemas } from '../api/client';
import { formatDateTime, formatPhone, label } from '../format';
import { isOwner, useSession } from '../session';
import { loadCurrentContract } from '../useContract';
import { AddingForm, FormError, SubmitButton, TextField, useFieldState, useSubmit } from '../forms';
import { ProofDocumentField, proofDocument } from '../proofDocument';
import { Empty, Loaded, Page, StatusBadge, Table, useLoad } from '../ui';

type SenderNumber = Schemas['SenderNumber'];

function SenderNumberTable(props: { numbers: SenderNumber[] }) {
  return (
    <Table
      columns={['번호', '상태', '증빙서류', '등록', '처리']}
      rows={props.numbers}
      empty="등록한 발신번호가 없습니다. 아래에서 증빙서류와 함께 추가하세요."
    >
      {(s) => (
        <>
          <td>{formatPhone(s.number)}</td>
          <td>
            <StatusBadge status={s.status} text={label('senderStatus', s.status)} />
            {s.rejectionReason && <div className="hint">사유: {s.rejectionReason}</div>}
          </td>
          <td>
            <a href={`/v1/sender-numbers/${s.id}/proof-document`}>{s.proofDocument.fileName}</a>
          </td>
          <td>{formatDateTime(s.addedAt)}</td>
          <td>{formatDateTime(s.decidedAt)}</td>
        </>
      )}
    </Table>
  );
}

/** 발신번호 추가·변경: a number with its proof document; `added` says what was registered. */
function AddSenderNumber(props: { contractId: string; added: (text: string) => void }) {
  const number = useFieldState('');
  const [file, setFile] = useState<File | null>(null);
  const submit = useSubmit();

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const created = await submit.run(async () =>
      must(
        api.POST('/v1/contracts/{id}/sender-numbers', {
          params: { path: { id: props.contractId } },
          body: {
            number: number.value,
            proofDocument: await proofDocument(file),
          },
        }),
      ),
    );
    if (created)
      props.added(`${formatPhone(created.number)}을(를) 등록했습니다. 운영자가 증빙서류를 확인하면 쓸 수 있습니다.`);
  };

  return (
    <form className="card" onSubmit={add} noValidate>
      <h2>발신번호 추가·변경</h2>
      <p className="hint">다른 번호로 바꿀 때도 새 번호의 증빙서류가 필요합니다. 계약당 최대 10개.</p>
      <FormError error={submit.error} />
      <TextField
        label="발신번호"
        error={submit.fieldErrors.number}
        inputMode="tel"
        placeholder="02-1234-5678"
        {...number}
      />
      <ProofDocumentField
        label="증빙서류 (통신서비스 이용증명원)"
        hint="PDF, JPEG, PNG — 1MB 이하"
        errors={submit.fieldErrors}
        path="proofDocument"
        onFile={setFile}
      />
      <SubmitButton busy={submit.busy}>등록 요청</SubmitButton>
    </form>
  );
}

export function SenderNumbers() {
  const { me } = useSession();
  const contract = useLoad(loadCurrentContract, []);
  return (
    <Page
      title="발신번호"
      intro="문자와 대체발송은 운영자가 증빙서류를 확인해 인증한 번호로만 보냅니다 (제4조 4~5항, 발신번호 변작 방지)."
    >
      <Loaded state={contract}>
        {(c) =>
          c === null ? (
            <Empty>
              <p>계약이 없어 발신번호를 등록할 수 없습니다.</p>
              <Link to="/contract">계약 페이지로</Link>
            </Empty>
          ) : (
            <>
              <SenderNumberTable numbers={c.senderNumbers} />
              {isOwner(me) && !['rejected', 'terminated', 'expired'].includes(c.status) && (
                <AddingForm reload={contract.reload}>
                  {(added) => <AddSenderNumber contractId={c.id} added={added} />}
                </AddingForm>
              )}
            </>
          )
        }
      </Loaded>
    </Page>
  );
}
