/**
 * People's accounts for the consoles (SPEC §6): sign-in and sign-out, who am I, invitations and the
 * staff list. A session cookie authenticates the same /v1 endpoints as an API key.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { CookieOptions, Response, Router } from 'express';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import {
  findUser,
  listInvitations,
  listUsers,
  type Invitation as InvitationRecord,
  type User as UserRecord,
} from '../../store/accounts';
import { findMerchant } from '../../store/merchants';
import { maySee, merchantOfList, personRole, SESSION_COOKIE } from '../auth';
import { notFound } from '../errors';
import { acceptInvitation, usableInvitation } from '../operations/accept-invitation';
import { invitePerson, type IssuedInvitation as Issued } from '../operations/invite-person';
import { signIn } from '../operations/sign-in';
import { signOut } from '../operations/sign-out';
import { rateLimit } from '../rate-limit';
import { defineRoute } from '../route';
import {
  AcceptInvitationBody,
  Invitation,
  InvitationBody,
  IssuedInvitation,
  Me,
  SessionInfo,
  SignInBody,
  TokenParams,
  User,
} from '../schemas/accounts';
import type { NewSession } from '../sessions';
import { iso } from '../time';
import { z } from '../openapi';

export const userView = (u: UserRecord) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  merchantId: u.merchantId,
  lastSignInAt: iso(u.lastSignInAt),
  createdAt: iso(u.createdAt)!,
});

const invitationView = (i: InvitationRecord, merchantName: string | null) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  merchantId: i.merchantId,
  merchantName,
  expiresAt: iso(i.expiresAt)!,
  createdAt: iso(i.createdAt)!,
});

/** What an invitation link answers when it cannot be used (usableInvitation). */
const UNUSABLE_INVITATION = { 404: 'No such invitation', 409: 'Used already', 422: 'Expired' };

/** Whose people a list shows: a merchant's (operators name it; a merchant's own key shows its own) or the operators'. */
const PeopleQuery = z.object({ merchantId: z.string().max(64).optional() });

/** The link goes in the fragment: browsers send it to no server and no Referer carries it. */
export const invitationPath = (token: string) => `/console/invitation#${token}`;

export function issuedInvitationView(issued: Issued, merchantName: string | null, publicUrl: string) {
  const path = invitationPath(issued.token);
  return { ...invitationView(issued.invitation, merchantName), path, url: publicUrl + path };
}

export function accountRoutes(
  publicRouter: Router,
  router: Router,
  registry: OpenAPIRegistry,
  deps: { db: Db; config: Config },
): void {
  const { db, config } = deps;
  const settings = config.console;
  const cookie: CookieOptions = {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https:'),
    path: '/',
  };
  const startSession = (res: Response, s: NewSession) => {
    res.cookie(SESSION_COOKIE, s.token, { ...cookie, expires: s.expiresAt });
    return { user: userView(s.user), csrfToken: s.csrfToken, expiresAt: iso(s.expiresAt)! };
  };
  const signInLimit = rateLimit({
    db,
    perSecond: settings.signInPerMinute / 60,
    burst: settings.signInPerMinute,
    // Prefixed: the buckets of API keys and of client addresses share one table.
    keyOf: (req) => `sign-in:${req.ip ?? 'unknown'}`,
    what: 'to sign in from this address',
  });

  /** The name of the merchant a person or an invitation belongs to; null for operators. */
  const merchantName = async (merchantId: string | null) =>
    merchantId ? ((await findMerchant(db, merchantId))?.name ?? null) : null;

  publicRouter.post('/v1/session', signInLimit);
  defineRoute(publicRouter, registry, {
    method: 'post',
    path: '/v1/session',
    tag: 'Accounts',
    summary: 'Sign in to the console (sets an httpOnly session cookie)',
    description:
      'Five wrong passwords in a row lock the account for 15 minutes (429 `account_locked`); sign-ins per client address are rate limited. Every attempt is in the audit log.',
    access: 'public',
    body: SignInBody,
    responses: {
      200: { description: 'Signed in', schema: SessionInfo },
      401: 'Wrong email or password',
      429: 'Locked after repeated failures, or too many attempts from this address',
    },
    handler: async ({ req, res, body }) => {
      const session = await signIn(db, { ...body, clientAddress: req.ip }, settings);
      return { status: 200, body: startSession(res, session) };
    },
  });

  defineRoute(publicRouter, registry, {
    method: 'get',
    path: '/v1/invitations/:token',
    tag: 'Accounts',
    summary: 'What an invitation link is for (before accepting it)',
    access: 'public',
    params: TokenParams,
    responses: {
      200: { description: 'The invitation', schema: Invitation },
      ...UNUSABLE_INVITATION,
    },
    handler: async ({ params }) => {
      const invitation = await usableInvitation(db, params.token);
      return { status: 200, body: invitationView(invitation, await merchantName(invitation.merchantId)) };
    },
  });

  defineRoute(publicRouter, registry, {
    method: 'post',
    path: '/v1/invitations/accept',
    tag: 'Accounts',
    summary: 'Accept an invitation: set the password, create the account and sign in',
    access: 'public',
    body: AcceptInvitationBody,
    responses: {
      201: { description: 'The account exists and is signed in', schema: SessionInfo },
      ...UNUSABLE_INVITATION,
    },
    handler: async ({ res, body }) => {
      const session = await acceptInvitation(db, body, settings);
      return { status: 201, body: startSession(res, session) };
    },
  });

  defineRoute(router, registry, {
    method: 'delete',
    path: '/v1/session',
    tag: 'Accounts',
    summary: 'Sign out of the console',
    access: 'authenticated',
    responses: { 204: 'Signed out' },
    handler: async ({ req, res, principal }) => {
      const token: unknown = req.cookies?.[SESSION_COOKIE];
      if (typeof token === 'string') await signOut(db, token, principal, settings.sessionSecret);
      res.clearCookie(SESSION_COOKIE, cookie);
      return { status: 204 };
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/me',
    tag: 'Accounts',
    summary: 'Who the request is authenticated as (a person’s session or an API key)',
    access: 'authenticated',
    responses: { 200: { description: 'The caller', schema: Me } },
    handler: async ({ principal }) => {
      const merchantId = principal.role === 'merchant' ? principal.merchantId : null;
      const user = principal.person ? await findUser(db, principal.person.userId) : undefined;
      return {
        status: 200,
        body: {
          user: user ? userView(user) : null,
          role: personRole(principal) ?? 'owner',
          merchantId,
          merchantName: await merchantName(merchantId),
          csrfToken: principal.person?.csrfToken ?? null,
          temporalUiUrl: principal.role === 'operator' ? config.temporal.uiUrl : null,
        },
      };
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/invitations',
    tag: 'Accounts',
    summary: 'Invite a person: merchant staff (owners, and operators for any merchant) or an operator',
    description: 'The link sets the password of the new account; it is shown only in this answer.',
    access: 'authenticated',
    body: InvitationBody,
    responses: {
      201: { description: 'Invited', schema: IssuedInvitation },
      403: 'Only operators and the merchant’s owner invite',
      404: 'No such merchant',
      409: 'An account with this email exists',
    },
    handler: async ({ body, principal }) => {
      const issued = await invitePerson(db, principal, body, settings);
      const name = await merchantName(issued.invitation.merchantId);
      return { status: 201, body: issuedInvitationView(issued, name, config.publicUrl) };
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/invitations',
    tag: 'Accounts',
    summary: 'Invitations not yet accepted (a merchant’s, or the operators’)',
    access: 'authenticated',
    query: PeopleQuery,
    responses: { 200: { description: 'Pending invitations', schema: z.object({ data: z.array(Invitation) }) } },
    handler: async ({ query, principal }) => {
      const merchantId = merchantOfList(principal, query.merchantId) ?? null;
      const name = await merchantName(merchantId);
      const rows = await listInvitations(db, merchantId);
      return { status: 200, body: { data: rows.map((i) => invitationView(i, name)) } };
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/users',
    tag: 'Accounts',
    summary: 'People with an account: a merchant’s staff, or (operators, without merchantId) the operators',
    access: 'authenticated',
    query: PeopleQuery,
    responses: { 200: { description: 'Accounts', schema: z.object({ data: z.array(User) }) } },
    handler: async ({ query: { merchantId }, principal }) => {
      if (merchantId && !maySee(principal, merchantId)) throw notFound('merchant');
      const users = await listUsers(db, merchantOfList(principal, merchantId) ?? null);
      return { status: 200, body: { data: users.map(userView) } };
    },
  });
}
