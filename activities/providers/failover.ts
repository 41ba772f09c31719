/**
 * SMS/LMS failover (SMS_PROVIDERS=nhn,simulator): one SMS provider made of carriers in order. A
 * carrier that answers an outage code, or keeps failing past SMS_CARRIER_DEADLINE, hands the
 * attempt to the next (domain/carrier-failover.ts); the state lives in the database, so a retried
 * activity goes on with the carrier that holds the attempt, and a carrier that took the send is
 * never asked again. Results are polled from the carrier that took it.
 */
import { afterFailure, carrierFor } from '../../domain/carrier-failover';
import { messageIdOfKey } from '../../domain/provider-keys';
import type { Db } from '../../platform/db';
import {
  carrierAttempts,
  carrierOfProviderMessage,
  recordCarrierAcceptance,
  recordCarrierFailure,
  recordCarrierHandover,
} from '../../store/carriers';
import { ProviderUnavailable, type Provider, type SmsSend } from './types';

export interface Carrier {
  name: string;
  provider: Provider<SmsSend>;
}

export function failoverSmsProvider(
  carriers: Carrier[],
  deps: { db: Db; carrierDeadlineMs: number; now?: () => number },
): Provider<SmsSend> {
  const { db, carrierDeadlineMs } = deps;
  const now = deps.now ?? Date.now;
  const names = carriers.map((c) => c.name);
  const carrier = (name: string) => carriers.find((c) => c.name === name)!.provider;
  /** The carrier took the send: it holds the attempt from now on. */
  const accepted = async (key: string, name: string, sent: { providerMessageId: string }) => {
    await recordCarrierAcceptance(db, {
      idempotencyKey: key,
      messageId: messageIdOfKey(key),
      carrier: name,
      providerMessageId: sent.providerMessageId,
      at: new Date(now()),
    });
    return sent;
  };

  return {
    name: 'sms',

    async send(message, key, options) {
      const tried = await carrierAttempts(db, key);
      const taken = tried.find((t) => t.status === 'accepted');
      if (taken?.provider_message_id) return { providerMessageId: taken.provider_message_id };
      const handedOver = new Set(tried.filter((t) => t.status === 'handed_over').map((t) => t.carrier));
      for (;;) {
        const name = carrierFor(names, handedOver);
        const provider = carrier(name);
        const mayHaveSent = !!options?.mayHaveSent || tried.some((t) => t.carrier === name);
        try {
          return await accepted(key, name, await provider.send(message, key, { mayHaveSent }));
        } catch (err) {
          if (!(err instanceof ProviderUnavailable)) throw err;
          const failingSince = await recordCarrierFailure(db, {
            idempotencyKey: key,
            messageId: messageIdOfKey(key),
            carrier: name,
            failure: err.message.slice(0, 200),
            at: new Date(now()),
          });
          const decision = afterFailure(names, name, { outage: err.outage }, +failingSince, now(), carrierDeadlineMs);
          if (decision.retry) throw err;
          // A timeout may hide a send the carrier took: ask it before another carrier sends it too.
          if (!err.outage) {
            const found = await provider.find?.(key).catch(() => null);
            if (found) return accepted(key, name, found);
          }
          await recordCarrierHandover(db, {
            idempotencyKey: key,
            carrier: name,
            next: decision.next,
            at: new Date(now()),
          });
          handedOver.add(name);
        }
      }
    },

    async status(providerMessageId) {
      return carrier((await carrierOfProviderMessage(db, providerMessageId)) ?? names[0]).status(providerMessageId);
    },

    async find(key) {
      const taken = (await carrierAttempts(db, key)).find((t) => t.status === 'accepted');
      return taken?.provider_message_id ? { providerMessageId: taken.provider_message_id } : null;
    },
  };
}
