/**
 * AlimTalk template versions (SPEC §2, §7): an edit replaces the latest version and is reviewed
 * again, while the version Kakao approved last (approved_*) keeps sending until the new one is
 * approved. The rows themselves are read and inserted in store/messages.ts.
 */
import type { Knex } from 'knex';
import type { SendableTemplate, TemplateButton } from '../domain/template';
import type { TemplateRow } from './messages';

/** The template as messages see it (domain/template.ts usableTemplate). */
export const sendableTemplate = (t: TemplateRow): SendableTemplate => ({
  code: t.code,
  status: t.status,
  approved: t.approved_text === null ? null : { text: t.approved_text, buttons: t.approved_buttons ?? [] },
});

/** A new latest version, under review from now on; undefined when there is no such template. */
export async function reviseTemplate(
  db: Knex,
  t: { merchantId: string; code: string; text: string; buttons: TemplateButton[]; variables: string[] },
): Promise<TemplateRow | undefined> {
  const [row] = await db<TemplateRow>('templates')
    .where({ merchant_id: t.merchantId, code: t.code })
    .update({
      text: t.text,
      buttons: JSON.stringify(t.buttons) as unknown as TemplateButton[],
      variables: t.variables,
      status: 'requested',
      rejection_reason: null,
      reviewed_at: null,
      version: db.raw('version + 1') as unknown as number,
    })
    .returning('*');
  return row;
}

/**
 * Kakao's decision on one version; an approved version becomes the one messages use. Only the
 * version still under review is decided: a decision on a version edited or deleted since changes
 * nothing (false). Runs started before versions decide the template's current review.
 */
export async function recordTemplateReview(
  db: Knex,
  r: { merchantId: string; code: string; version?: number; status: 'approved' | 'rejected'; reason: string | null },
): Promise<boolean> {
  const q = db('templates').where({ merchant_id: r.merchantId, code: r.code, status: 'requested' });
  if (r.version !== undefined) q.where({ version: r.version });
  const updated = await q.update({
    status: r.status,
    rejection_reason: r.reason,
    reviewed_at: db.fn.now(),
    ...(r.status === 'approved'
      ? {
          approved_version: db.ref('version'),
          approved_text: db.ref('text'),
          approved_buttons: db.ref('buttons'),
          approved_variables: db.ref('variables'),
        }
      : {}),
  });
  return updated > 0;
}

export async function deleteTemplate(db: Knex, merchantId: string, code: string): Promise<boolean> {
  return (await db('templates').where({ merchant_id: merchantId, code }).delete()) > 0;
}
