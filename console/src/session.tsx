/** Who is signed in (GET /v1/me): the role decides which console and which buttons a person sees. */
import { createContext, useContext } from 'react';
import type { Schemas } from './api/client';

export type Me = Schemas['Me'];

export interface SessionValue {
  me: Me;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const s = useContext(SessionContext);
  if (!s) throw new Error('no session');
  return s;
}

/** Viewers look but never change anything; the API refuses them too (403 role_forbidden). */
export const canChange = (me: Me) => me.role !== 'viewer';
export const isOwner = (me: Me) => me.role === 'owner';
