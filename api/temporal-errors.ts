/** Turns Temporal failures of Updates into the API's error shape. */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { ApiError, conflict } from './errors';
import { statusOfRule } from './rule-status';

/** A workflow-side refusal: `ApplicationFailure` of `type` with the domain's `{code, message}` in details. */
function refusalToApiError(
  err: unknown,
  type: string,
  closed: { code: string; message: string },
): ApiError | undefined {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === type) {
    // The rule's code names the status; its other fields (field, limits, the invoices named) are the details.
    const {
      code = 'refused',
      message,
      ...details
    } = (err.cause.details?.[0] ?? {}) as {
      code?: string;
      message?: string;
      [key: string]: unknown;
    };
    return new ApiError(
      statusOfRule(code),
      code,
      message ?? err.cause.message,
      Object.keys(details).length ? details : undefined,
    );
  }
  if (
    err instanceof WorkflowNotFoundError ||
    (err instanceof Error && /already completed|workflow execution.*(complete|not found)/i.test(err.message))
  ) {
    return conflict(closed.code, closed.message);
  }
  return undefined;
}

/** Runs a workflow Update: the workflow's refusals become API errors, anything else is rethrown as it is. */
export async function runUpdate<T>(
  update: () => Promise<T>,
  type: string,
  closed: { code: string; message: string },
): Promise<T> {
  try {
    return await update();
  } catch (err) {
    throw refusalToApiError(err, type, closed) ?? err;
  }
}
