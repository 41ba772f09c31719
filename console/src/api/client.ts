/**
 * The console's only way to the platform: the public /v1 API through a client typed from
 * /openapi.json. The session cookie authenticates; the CSRF token goes along on every change.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { MAX_CAMPAIGN_RECIPIENTS } from '../../../domain/campaign';
import { formatCount } from '../format';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/** Operators act on merchant endpoints on behalf of one merchant (Bizmsg-Merchant-Id). */
export const onBehalfOf = (merchantId: string) => ({ 'bizmsg-merchant-id': merchantId });

const csrf: Middleware = {
  onRequest({ request }) {
    if (!['GET', 'HEAD'].includes(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(csrf);

export interface Violation {
  code: string;
  message: string;
  field?: string;
}

/** An answer in the API's one error shape (SPEC §7). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }

  /** Rule violations (422) and zod issues (400), by field, to show beside the inputs. */
  get fieldErrors(): Record<string, string> {
    const d = this.details as
      { violations?: Violation[]; issues?: { path: string; message: string }[]; field?: string } | undefined;
    const out: Record<string, string> = {};
    for (const v of d?.violations ?? []) if (v.field) out[v.field] ??= explain(v.code, v.message);
    for (const i of d?.issues ?? []) if (i.path) out[i.path] ??= i.message;
    if (d?.field) out[d.field] ??= explain(this.code, this.message);
    return out;
  }
}

/** Korean for the codes people meet most; the API's own sentence (English) stays beside it. */
const KOREAN: Record<string, string> = {
  invalid_credentials: '이메일 또는 비밀번호가 맞지 않습니다.',
  account_locked: '로그인에 여러 번 실패해 계정이 잠시 잠겼습니다. 잠시 후 다시 시도하세요.',
  rate_limited: '요청이 너무 많습니다. 잠시 후 다시 시도하세요.',
  session_expired: '로그인이 만료되었습니다. 다시 로그인하세요.',
  role_forbidden: '이 계정의 권한으로는 할 수 없는 작업입니다.',
  csrf_token_invalid: '보안 토큰이 맞지 않습니다. 페이지를 새로 고친 뒤 다시 시도하세요.',
  forbidden: '권한이 없습니다.',
  webhook_url_not_allowed: '웹훅 주소는 인터넷에서 접근할 수 있는 공개 주소여야 합니다 (내부망·localhost 주소 불가).',
  not_found: '찾을 수 없습니다.',
  invitation_used: '이미 사용된 초대입니다. 해당 계정으로 로그인하세요.',
  invitation_expired: '초대가 만료되었습니다. 새 초대를 요청하세요.',
  account_exists: '이 이메일로 만든 계정이 이미 있습니다.',
  password_too_short: '비밀번호는 10자 이상이어야 합니다.',
  password_too_weak: '같은 문자만 반복한 비밀번호는 쓸 수 없습니다.',
  invalid_business_registration_number: '사업자등록번호가 올바르지 않습니다 (10자리, 검증번호 확인).',
  merchant_exists: '이 사업자등록번호로 등록된 가맹점이 이미 있습니다.',
  contract_exists: '이미 진행 중인 계약이 있습니다.',
  no_service_selected: '서비스를 하나 이상 선택하세요.',
  kakao_search_id_required: '알림톡·친구톡을 신청하려면 카카오톡 검색용 아이디가 필요합니다.',
  invalid_kakao_search_id: '카카오톡 검색용 아이디 형식이 올바르지 않습니다.',
  fallback_without_kakao_service: '대체발송은 알림톡 또는 친구톡과 함께 신청합니다.',
  buyer_cancel_requires_approval: '구매자 대상 취소 알림은 승인 알림과 함께 신청해야 합니다.',
  sender_number_required: '발신번호를 하나 이상 등록하세요 (증빙서류 포함).',
  too_many_sender_numbers: '발신번호는 계약당 최대 10개입니다.',
  invalid_sender_number: '올바른 발신번호가 아닙니다.',
  duplicate_sender_number: '같은 발신번호가 두 번 있습니다.',
  receiver_numbers_required: '가맹점 대상 결제 알림은 수신번호가 1~20개 필요합니다.',
  too_many_receiver_numbers: '수신번호는 최대 20개입니다.',
  invalid_receiver_number: '휴대전화 번호가 아닙니다.',
  duplicate_receiver_number: '같은 수신번호가 두 번 있습니다.',
  receiver_numbers_not_applicable: '수신번호는 가맹점 대상 결제 알림에만 씁니다.',
  mid_required: '결제 알림에는 적용할 MID가 필요합니다.',
  invalid_mid: 'MID는 영문·숫자 5~20자입니다.',
  duplicate_mid: '같은 MID가 두 번 있습니다.',
  mids_not_applicable: 'MID는 결제 알림에만 씁니다.',
  mid_in_use: '다른 계약에서 쓰는 MID입니다.',
  proof_document_empty: '증빙서류 파일이 비어 있습니다.',
  proof_document_too_large: '증빙서류는 1MB 이하여야 합니다.',
  proof_document_type: '증빙서류는 PDF, JPEG, PNG 파일이어야 합니다.',
  contract_not_active: '계약이 이용 중이 아니어서 보낼 수 없습니다.',
  sender_number_not_verified: '인증된 발신번호가 없어 보낼 수 없습니다.',
  opted_out: '수신거부한 번호입니다.',
  template_not_approved: '승인된 템플릿이 아닙니다.',
  invalid_transition: '지금 상태에서는 할 수 없는 작업입니다.',
  contract_closed: '끝난 계약이라 바꿀 수 없습니다.',
  invoices_overdue: '연체된 청구서가 있어 사유 없이는 정지를 해제할 수 없습니다.',
  dispute_window_closed: '다음 달 청구서가 발행되어 이 청구서에는 더 이상 이의를 제기할 수 없습니다.',
  dispute_exceeds_outstanding: '이의 금액이 청구액 중 아직 감액·이의되지 않은 금액보다 큽니다.',
  too_many_api_keys: '사용 중인 API 키는 최대 20개입니다. 쓰지 않는 키를 먼저 폐기하세요.',
  idempotency_key_reused: '같은 요청 키로 다른 내용을 보냈습니다. 페이지를 새로 고친 뒤 다시 시도하세요.',
  date_outside_year: '그 해의 날짜가 아닙니다.',
  duplicate_date: '같은 날짜가 두 번 있습니다.',
  invalid_date: '없는 날짜입니다.',
  // A campaign's CSV (domain/campaign.ts; the console reads the file before sending it).
  csv_malformed: 'CSV 형식이 올바르지 않습니다 (따옴표를 닫지 않은 값 등).',
  csv_empty: '파일이 비어 있습니다. 첫 줄은 머리글(열 이름)이어야 합니다.',
  csv_to_column_missing: '머리글에 받는 번호 열 "to"가 없습니다.',
  csv_column_unnamed: '이름이 없는 열이 있습니다.',
  csv_column_repeated: '같은 이름의 열이 두 번 있습니다.',
  too_many_recipients: `한 캠페인의 받는 사람은 최대 ${formatCount(MAX_CAMPAIGN_RECIPIENTS)}입니다.`,
  csv_row_width: '열 개수가 머리글과 다른 줄이 있습니다.',
};

export function explain(code: string, message: string): string {
  const ko = KOREAN[code];
  return ko ? `${ko} (${message})` : message;
}

/** Unwraps an openapi-fetch answer: the data, or an ApiFailure carrying the API's error. */
export async function must<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<NonNullable<T>> {
  const { data, error, response } = await call;
  if (response.ok) return data as NonNullable<T>;
  const e = (error as { error?: { code: string; message: string; details?: unknown } } | undefined)?.error;
  if (e) throw new ApiFailure(response.status, e.code, explain(e.code, e.message), e.details);
  throw new ApiFailure(response.status, 'http_error', `서버가 ${response.status} 응답을 보냈습니다.`, undefined);
}
