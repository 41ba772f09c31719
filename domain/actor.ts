/** Who did something: an operator, a merchant, or the platform itself (contract history, audit log: Art. 11). */
export const ACTOR_TYPES = ['operator', 'merchant', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export interface Actor {
  type: ActorType;
  id?: string;
}

/** The platform acting on its own: deadlines, billing signals, the Art. 10.2 purge. */
export const SYSTEM_ACTOR: Actor = { type: 'system' };
