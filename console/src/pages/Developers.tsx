/** 웹훅·API 키: what the platform knows of the merchant's integration (GET /v1/merchants/:id). */
import { api, must } from '../api/client';
import { useSession } from '../session';
import { Alert, Dl, Loaded, Page, useLoad } from '../ui';

export function Developers() {
  const { me } = useSession();
  const merchant = useLoad(
    () => must(api.GET('/v1/merchants/{id}', { params: { path: { id: me.merchantId! } } })),
    [me.merchantId],
  );
  return (
    <Page
      title="웹훅·API 키"
      intro="프로그램은 API 키로 /v1 API를 부릅니다. 발송 결과는 웹훅 주소로 서명(HMAC-SHA256)과 함께 보냅니다."
    >
      <Loaded state={merchant}>
        {(m) => (
          <div className="card">
            <Dl
              items={[
                ['가맹점 ID', <code key="id">{m.id}</code>],
                ['웹훅 주소', m.webhookUrl ?? '설정되지 않음'],
                [
                  'API 문서',
                  <a key="docs" href="/docs">
                    /docs
                  </a>,
                ],
                [
                  'OpenAPI',
                  <a key="oas" href="/openapi.json">
                    /openapi.json
                  </a>,
                ],
              ]}
            />
          </div>
        )}
      </Loaded>
      <Alert kind="info">
        첫 API 키와 웹훅 서명 키는 가맹점을 만들 때 운영자에게 한 번만 보여 줍니다. 이 버전의 API에는 키 발급·폐기와
        웹훅 주소 변경 엔드포인트가 아직 없어(SPEC §7의 /v1/api-keys, PATCH /v1/merchants/:id), 이 화면은 읽기만 합니다.
      </Alert>
    </Page>
  );
}
