/** AlimTalk templates (SPEC §2, §7): registered, edited and deleted by the merchant, reviewed by Kakao. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import { findTemplate, listTemplates } from '../../store/messages';
import { templateView } from '../../store/template-view';
import { actingMerchant } from '../auth';
import { wholeList } from '../cursor';
import { notFound } from '../errors';
import { editTemplate, registerTemplate, removeTemplate } from '../operations/template-review';
import { defineRoute } from '../route';
import { listOf } from '../schemas/common';
import { Template, TemplateBody, TemplateEdit, TemplateParams } from '../schemas/templates';
import type { WorkflowDeps } from '../workflow-deps';

export function templateRoutes(router: Router, registry: OpenAPIRegistry, deps: WorkflowDeps): void {
  const { db } = deps;

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/templates',
    tag: 'Templates',
    summary: 'Register an AlimTalk template; Kakao reviews it (requested → approved | rejected)',
    description:
      'The review is under the sender profile of the contract (its Kakao search ID), the one the messages go out from. The merchant’s webhook hears `template.approved` or `template.rejected` (with the reason).',
    access: 'authenticated',
    body: TemplateBody,
    responses: {
      201: { description: 'Submitted for review', schema: Template },
      409: 'A template with this code exists (edit it with PUT)',
      422: 'The template breaks a rule, or there is no contract with a Kakao search ID',
    },
    handler: async ({ req, res, body }) => ({
      status: 201,
      body: templateView(await registerTemplate(deps, actingMerchant(req, res), body)),
    }),
  });

  defineRoute(router, registry, {
    method: 'put',
    path: '/v1/templates/:code',
    tag: 'Templates',
    summary: 'Edit a template: the new version is reviewed again',
    description:
      'A rejected template is corrected this way. An approved version keeps sending until Kakao approves the new one (`approved` shows which version sends).',
    access: 'authenticated',
    params: TemplateParams,
    body: TemplateEdit,
    responses: {
      200: { description: 'The new version, submitted for review', schema: Template },
      404: 'No such template',
      422: 'The template breaks a rule',
    },
    handler: async ({ req, res, params, body }) => ({
      status: 200,
      body: templateView(await editTemplate(deps, actingMerchant(req, res), params.code, body)),
    }),
  });

  defineRoute(router, registry, {
    method: 'delete',
    path: '/v1/templates/:code',
    tag: 'Templates',
    summary: 'Delete a template; messages already accepted from it still go out',
    access: 'authenticated',
    params: TemplateParams,
    responses: { 204: 'Deleted', 404: 'No such template' },
    handler: async ({ req, res, params }) => {
      await removeTemplate(deps, actingMerchant(req, res), params.code);
      return { status: 204 };
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/templates',
    tag: 'Templates',
    summary: 'List the merchant’s AlimTalk templates',
    access: 'authenticated',
    responses: { 200: { description: 'Templates', schema: listOf(Template, 'TemplateList') } },
    handler: async ({ req, res }) => ({
      status: 200,
      body: wholeList(await listTemplates(db, actingMerchant(req, res)), templateView),
    }),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/templates/:code',
    tag: 'Templates',
    summary: 'Get an AlimTalk template and its review status',
    access: 'authenticated',
    params: TemplateParams,
    responses: { 200: { description: 'The template', schema: Template }, 404: 'No such template' },
    handler: async ({ req, res, params }) => {
      const t = await findTemplate(db, actingMerchant(req, res), params.code);
      if (!t) throw notFound('template');
      return { status: 200, body: templateView(t) };
    },
  });
}
