/**
 * The provider adapters the configuration asks for (KAKAO_PROVIDER, SMS_PROVIDER / SMS_PROVIDERS;
 * docs/providers.md): the simulator's wire protocol or NHN Cloud, and for two or more SMS/LMS
 * carriers the failover between them.
 */
import type { Gateway } from '../../domain/delivery';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import type { Providers } from '../messages';
import { failoverSmsProvider } from './failover';
import { kakaoProvider, kakaoTemplateReviews, smsProvider } from './http';
import { nhnKakaoProvider, nhnSmsProvider, nhnTemplateReviews } from './nhn';
import type { Provider, SmsSend, TemplateReviews } from './types';

export function providersFromConfig(config: Config, db: Db): Providers {
  const p = config.providers;
  const smsCarrier = (name: Gateway): Provider<SmsSend> =>
    name === 'nhn' ? nhnSmsProvider(p.nhn.sms) : smsProvider(p.smsUrl);
  return {
    kakao: p.kakao === 'nhn' ? nhnKakaoProvider(p.nhn.kakao) : kakaoProvider(p.kakaoUrl),
    sms:
      p.smsCarriers.length === 1
        ? smsCarrier(p.smsCarriers[0])
        : failoverSmsProvider(
            p.smsCarriers.map((name) => ({ name, provider: smsCarrier(name) })),
            { db, carrierDeadlineMs: p.smsCarrierDeadlineMs },
          ),
  };
}

export function templateReviewsFromConfig(config: Config): TemplateReviews {
  const p = config.providers;
  return p.kakao === 'nhn' ? nhnTemplateReviews(p.nhn.kakao) : kakaoTemplateReviews(p.kakaoUrl);
}
