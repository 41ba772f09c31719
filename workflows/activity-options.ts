/**
 * The activity options the workflows share, named by what their retries wait out.
 */
import type { ActivityOptions } from '@temporalio/workflow';

/**
 * Retries every second, doubling up to a minute: what a database failover or a provider's blip
 * takes to pass. Failures that outlast it are still retried, a minute apart.
 */
export const shortRetries = (startToCloseTimeout: ActivityOptions['startToCloseTimeout']): ActivityOptions => ({
  startToCloseTimeout,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** A merchant's endpoint may be down for a while: back off up to an hour, for about a day (SPEC §7 webhooks). */
export const MERCHANT_WEBHOOK_CALL: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '1 hour', maximumAttempts: 30 },
};
