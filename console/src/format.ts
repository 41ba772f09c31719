/** Korean formats for people: dates in KST, won amounts (`1,234원`), phone numbers, status names. */
import { formatBrn as formatBrnDigits } from '../../domain/brn';
import { kstStartOf } from '../../domain/calendar-kst';
import { formatPhone as formatDigits } from '../../domain/phone';

const dateTime = new Intl.DateTimeFormat('ko-KR', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'Asia/Seoul' });
const dateOnly = new Intl.DateTimeFormat('ko-KR', { dateStyle: 'long', timeZone: 'Asia/Seoul' });

export const formatDateTime = (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—');
export const formatDate = (iso: string | null | undefined) => (iso ? dateOnly.format(new Date(iso)) : '—');
/** A calendar date of the API (YYYY-MM-DD, Korean calendar) in words. */
export const formatCalendarDate = (date: string) => formatDate(kstStartOf(date).toISOString());

/** Whole won with thousands separators; unit prices keep their decimals (8.50원). */
export function formatWon(amount: number | string | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  const text = String(amount);
  const [int, frac] = text.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${frac && Number(frac) !== 0 ? `${grouped}.${frac}` : grouped}원`;
}

export const formatCount = (n: number) => `${n.toLocaleString('ko-KR')}건`;
export const formatPercent = (part: number, whole: number) =>
  whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`;

/**
 * Stored digits as people write them (010-1234-5678); masked numbers from the API stay as they are,
 * and a number destroyed after its retention (README "Retention") says so.
 */
export const formatPhone = (number: string | null) =>
  number === null ? '(파기됨)' : /^\d+$/.test(number) ? formatDigits(number) : number;

/** A business registration number as printed (123-45-67891); anything but 10 digits as it is. */
export const formatBrn = (number: string) => (/^\d{10}$/.test(number) ? formatBrnDigits(number) : number);

export const LABELS = {
  contractStatus: {
    applied: '심사 대기',
    on_hold: '보류',
    rejected: '반려',
    active: '이용 중',
    suspended: '이용 정지',
    terminated: '해지',
    expired: '만료',
  },
  senderStatus: { pending: '서류 확인 대기', verified: '인증됨', rejected: '반려' },
  templateStatus: { requested: '검수 중', approved: '승인', rejected: '반려' },
  messageStatus: {
    accepted: '접수',
    scheduled: '예약',
    sending: '발송 중',
    delivered: '전달됨',
    failed: '실패',
    cancelled: '취소',
  },
  messageType: {
    sms: 'SMS',
    lms: 'LMS',
    alimtalk: '알림톡',
    friendtalk: '친구톡',
    friendtalk_image: '친구톡 이미지',
    payment_notice: '결제 알림',
    text: '자동 (SMS/LMS)',
  },
  attemptStatus: {
    sent: '발송',
    delivered: '전달',
    failed: '실패',
    no_result: '결과 없음',
    rejected: '거부',
    late_delivered: '늦은 전달',
    late_failed: '늦은 실패',
    unavailable: '대행사 장애',
    carrier_handed_over: '다른 통신사로 넘김',
  },
  invoiceStatus: {
    draft: '집계 중',
    issued: '발행',
    partially_paid: '일부 납부',
    paid: '납부 완료',
    disputed: '이의 제기 중',
    overdue: '연체',
    settled: '정산 완료',
  },
  role: { operator: '운영자', owner: '대표 관리자', developer: '개발자', viewer: '조회 전용' },
  reviewReason: {
    procedure_not_followed: '신청 절차 미준수 (제3조 4항 1호)',
    missing_or_false_information: '필수 정보 누락·허위 기재 (2호)',
    missing_or_false_documents: '서류 미제출·허위 서류 (3호)',
    reapplication_after_termination: '위반으로 해지된 뒤 재신청 (4호)',
    applicant_is_minor: '신청자가 미성년자 (5호)',
    business_not_operating: '영업하지 않는 사업자 (6호)',
    insufficient_capacity: '설비 여유 없음 (7호)',
    improper_application: '그 밖의 부당한 신청 (8호)',
  },
  suspensionReason: {
    unpaid_fees: '요금 미납 (제5조 2항 3호)',
    spoofing: '발신번호 변작 — 정부·KISA 요청 (즉시)',
    policy: '통신사·카카오 정책 변경',
    maintenance: '설비 점검 (임시)',
  },
  terminationCause: {
    breach_not_cured: '위반 후 시정하지 않음 (제13조 2항 1호)',
    fee_arrears: '요금 체납 (2호)',
    trust_breakdown: '신뢰 관계 훼손 (3호)',
    seizure: '가압류·가처분 (4호)',
    dishonored_bills: '어음·수표 부도 (5호)',
    bankruptcy: '파산·회생 (6호)',
    administrative_sanction: '행정 처분 (7호)',
    business_transfer: '영업 양도·합병 (8호)',
    business_closure: '휴업·폐업·전업 (9호)',
    business_reasons: '회사 사정 — 1개월 예고 (제13조 5항)',
    no_objection_after_suspension: '정지 후 3개월 이의 없음 (제13조 4항)',
  },
  contractAction: {
    applied: '이용 신청',
    approved: '승인',
    rejected: '반려',
    held: '보류',
    suspension_noticed: '정지 예고',
    suspension_withdrawn: '정지 예고 철회',
    suspended: '이용 정지',
    resumed: '정지 해제',
    objection_filed: '이의 신청',
    non_renewal_noticed: '갱신 거절 통지',
    termination_noticed: '해지 예고',
    terminated: '해지',
    sender_number_added: '발신번호 등록',
    sender_number_verified: '발신번호 인증',
    sender_number_rejected: '발신번호 반려',
    invoice_overdue: '청구서 연체',
    invoice_paid: '연체 청구서 납부',
    expired: '기간 만료',
    renewed: '자동 갱신',
  },
  fee: {
    paymentNotice: '결제 알림',
    sms: 'SMS',
    lms: 'LMS',
    alimtalk: '알림톡',
    friendtalkText: '친구톡 (텍스트)',
    friendtalkImage: '친구톡 (이미지)',
  },
} as const;

export function label<K extends keyof typeof LABELS>(kind: K, value: string | null | undefined): string {
  if (!value) return '—';
  return (LABELS[kind] as Record<string, string>)[value] ?? value;
}
