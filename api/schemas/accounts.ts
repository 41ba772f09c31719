import { ACCOUNT_ROLES, PASSWORD_MAX_LENGTH } from '../../domain/accounts';
import { z } from '../openapi';
import { Timestamp } from './common';

const Email = z.email().max(254).openapi({ example: 'owner@example.co.kr' });
const Role = z.enum(ACCOUNT_ROLES).openapi({
  description: 'operator, or merchant staff: owner (everything), developer (sends and integrates), viewer (reads only)',
});

export const SignInBody = z
  .object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(PASSWORD_MAX_LENGTH) })
  .strict()
  .openapi('SignIn');

export const User = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: Role,
    merchantId: z.string().nullable(),
    lastSignInAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .openapi('User');

export const SessionInfo = z
  .object({
    user: User,
    csrfToken: z.string().openapi({ description: 'send it back in the X-CSRF-Token header on POST, PATCH and DELETE' }),
    expiresAt: Timestamp,
  })
  .openapi('Session');

export const Me = z
  .object({
    user: User.nullable().openapi({ description: 'null for an API key' }),
    role: Role,
    merchantId: z.string().nullable(),
    merchantName: z.string().nullable(),
    csrfToken: z.string().nullable(),
    temporalUiUrl: z
      .string()
      .nullable()
      .openapi({ description: 'operators: the Temporal Web UI’s workflow list; append a workflow id' }),
  })
  .openapi('Me');

export const InvitationBody = z
  .object({
    email: Email,
    role: Role,
    merchantId: z.string().max(64).optional().openapi({ description: 'operators inviting a merchant’s staff' }),
  })
  .strict()
  .openapi('InvitationRequest');

export const Invitation = z
  .object({
    id: z.string(),
    email: z.string(),
    role: Role,
    merchantId: z.string().nullable(),
    merchantName: z.string().nullable(),
    expiresAt: Timestamp,
    createdAt: Timestamp,
  })
  .openapi('Invitation');

export const IssuedInvitation = Invitation.extend({
  path: z.string().openapi({ description: 'the console link, relative to this server — shown only in this answer' }),
  url: z.string().openapi({ description: 'the console link on PUBLIC_URL' }),
}).openapi('IssuedInvitation');

export const TokenParams = z.object({ token: z.string().min(10).max(100) });

export const AcceptInvitationBody = z
  .object({
    token: z.string().min(10).max(100),
    name: z.string().trim().min(1).max(50),
    password: z.string().max(PASSWORD_MAX_LENGTH).openapi({ description: 'at least 10 characters' }),
  })
  .strict()
  .openapi('AcceptInvitation');
