/** A template as merchants see it (GET /v1/templates/:code, template webhooks). */
import { toKstIsoOrNull } from '../domain/calendar-kst';
import type { TemplateRow } from './messages';

export function templateView(t: TemplateRow) {
  return {
    code: t.code,
    version: t.version,
    text: t.text,
    variables: t.variables,
    buttons: t.buttons,
    status: t.status,
    rejectionReason: t.rejection_reason,
    /** The version messages are sent from: the last one Kakao approved. */
    approved:
      t.approved_version === null
        ? null
        : { version: t.approved_version, text: t.approved_text!, buttons: t.approved_buttons ?? [] },
    createdAt: toKstIsoOrNull(t.created_at),
    reviewedAt: toKstIsoOrNull(t.reviewed_at),
  };
}

export type TemplateView = ReturnType<typeof templateView>;
