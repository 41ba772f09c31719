/**
 * Issue 10: template versions (an edit is reviewed again while the approved version keeps sending),
 * the buttons a message is sent with, and webhook deliveries of template events.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('templates', (t) => {
    // The latest version is text/buttons/variables/status; the one messages use is approved_*.
    t.integer('version').notNullable().defaultTo(1);
    t.integer('approved_version');
    t.text('approved_text');
    t.jsonb('approved_buttons');
    t.specificType('approved_variables', 'text[]');
  });
  // Round 1 stored a button's link as `url`; Kakao's name for a web link's page is urlMobile.
  await knex.raw(
    `UPDATE templates SET buttons = (
       SELECT COALESCE(jsonb_agg(CASE WHEN b->'url' IS NOT NULL THEN (b - 'url') || jsonb_build_object('urlMobile', b->'url') ELSE b END), '[]'::jsonb)
       FROM jsonb_array_elements(buttons) AS b)
     WHERE jsonb_path_exists(buttons, '$[*].url')`,
  );
  await knex.raw(
    `UPDATE templates SET approved_version = version, approved_text = text, approved_buttons = buttons,
       approved_variables = variables WHERE status = 'approved'`,
  );
  await knex.schema.alterTable('messages', (t) => {
    // AlimTalk: the buttons of the template version it was accepted with, sent with it.
    t.jsonb('buttons');
  });
  await knex.schema.alterTable('webhook_deliveries', (t) => {
    t.text('message_id').nullable().alter();
    t.text('template_code');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('webhook_deliveries', (t) => {
    t.dropColumn('template_code');
  });
  await knex('webhook_deliveries').whereNull('message_id').delete();
  await knex.schema.alterTable('webhook_deliveries', (t) => {
    t.text('message_id').notNullable().alter();
  });
  await knex.schema.alterTable('messages', (t) => {
    t.dropColumn('buttons');
  });
  await knex.schema.alterTable('templates', (t) => {
    for (const c of ['version', 'approved_version', 'approved_text', 'approved_buttons', 'approved_variables'])
      t.dropColumn(c);
  });
}
