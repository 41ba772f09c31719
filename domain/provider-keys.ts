/**
 * The idempotency key of a provider send (SPEC §8): one send per message and channel, ever — a
 * retried activity reuses it and the provider deduplicates on it. Carriers' reports carry it back,
 * which is how a report finds its message.
 */
import type { Channel } from './message';

export const idempotencyKeyFor = (messageId: string, channel: Channel) => `${messageId}:${channel}`;

/** The message id inside an idempotency key. */
export const messageIdOfKey = (key: string) => key.split(':')[0];

/** The channel inside an idempotency key: the channel the send went out on. */
export const channelOfKey = (key: string) => key.split(':')[1] as Channel;
