/**
 * ContractWorkflow (`contract-<id>`): one per contract, for its whole life (SPEC §3, Art. 12–13).
 *
 * Operators and merchants act through Updates, each checked by domain/contract before it is
 * accepted (a refused action leaves no trace). The workflow sleeps until the contract's next
 * deadline — term end, the three-month termination clock, a noticed suspension or termination —
 * and continues as new at every renewal so its history stays small over the years.
 */
import * as wf from '@temporalio/workflow';
import type { ContractActivities } from '../activities/contracts';
import { SYSTEM_ACTOR, type Actor } from '../domain/actor';
import {
  applicationEvent,
  carriesPersonalData,
  decide,
  isFinal,
  newContract,
  nextDeadline,
  onDeadline,
  purgesPersonalData,
  withoutPersonalData,
  type Application,
  type ContractCommand,
  type ContractState,
  type Decision,
} from '../domain/contract';
import { shortRetries } from './activity-options';

const { projectContract, purgePersonalData } = wf.proxyActivities<ContractActivities>(shortRetries('1 minute'));

export type ContractWorkflowInput = { application: Application } | { state: ContractState };

export type ContractAction = Exclude<ContractCommand['type'], 'invoice_overdue' | 'invoice_paid'>;
export type ContractRequest<T extends ContractAction = ContractAction> = {
  actor: Actor;
  command: Extract<ContractCommand, { type: T }>;
};

export const CONTRACT_ACTIONS: readonly ContractAction[] = [
  'approve',
  'reject',
  'hold',
  'suspend',
  'resume',
  'object',
  'request_non_renewal',
  'terminate',
  'add_sender_number',
  'verify_sender_number',
  'reject_sender_number',
];

/** One Update per action, named after it so the Temporal UI shows who did what. */
export const contractUpdate = <T extends ContractAction>(action: T) =>
  wf.defineUpdate<ContractState, [ContractRequest<T>]>(action);

/** Billing tells the contract about overdue and paid invoices (Art. 5.2.3). */
export const invoiceOverdueSignal = wf.defineSignal<[{ invoiceId: string }]>('invoice_overdue');
export const invoicePaidSignal = wf.defineSignal<[{ invoiceId: string }]>('invoice_paid');
export const contractStateQuery = wf.defineQuery<ContractState>('state');

/** Error type of a refused action; details carry the domain's `{code, message}` for the API. */
export const CONTRACT_VIOLATION = 'ContractViolation';

/** Issue 11: a resume keeps the overdue invoices (and needs a reason while there are any). */
export const RESUME_KEEPS_ARREARS = 'resume-keeps-arrears';

/** Runs of earlier code carry phone numbers in their input: they continue as new with ids only (Art. 10.2). */
const IDS_ONLY_PATCH = 'contract-ids-only';

export async function ContractWorkflow(input: ContractWorkflowInput): Promise<ContractState> {
  // Search attributes (MerchantId, ContractId) are set when the API starts the workflow and carry
  // over to every continued-as-new run.
  const carriesNumbers = carriesPersonalData(input);
  let state = withoutPersonalData('state' in input ? input.state : newContract(input.application));

  /** Applies a decision, records it (history + projection) and returns the new state. */
  const commit = async (decision: Decision & { ok: true }): Promise<ContractState> => {
    state = decision.state;
    const snapshot = state;
    await projectContract(snapshot, [decision.event]);
    return snapshot;
  };

  const refuse = (d: Decision & { ok: false }) =>
    wf.ApplicationFailure.create({
      type: CONTRACT_VIOLATION,
      message: d.violation.message,
      details: [d.violation],
      nonRetryable: true,
    });

  for (const action of CONTRACT_ACTIONS) {
    wf.setHandler(
      contractUpdate(action),
      async (req) => {
        // Resumes recorded before RESUME_KEEPS_ARREARS cleared the overdue invoices: replay them so.
        const legacy = req.command.type === 'resume' && !wf.patched(RESUME_KEEPS_ARREARS);
        const d = decide(legacy ? { ...state, overdueInvoices: [] } : state, req.command, req.actor, Date.now());
        if (!d.ok) throw refuse(d);
        return commit(d);
      },
      {
        validator: (req) => {
          const d = decide(state, req.command, req.actor, Date.now());
          if (!d.ok) throw refuse(d);
        },
      },
    );
  }
  const onBilling = (command: ContractCommand) => async () => {
    const d = decide(state, command, SYSTEM_ACTOR, Date.now());
    if (d.ok) await commit(d);
    else wf.log.info('billing signal changed nothing', { code: d.violation.code });
  };
  wf.setHandler(invoiceOverdueSignal, ({ invoiceId }) => onBilling({ type: 'invoice_overdue', invoiceId })());
  wf.setHandler(invoicePaidSignal, ({ invoiceId }) => onBilling({ type: 'invoice_paid', invoiceId })());
  wf.setHandler(contractStateQuery, () => state);

  if ('application' in input) await projectContract(state, [applicationEvent(state)]);

  while (!isFinal(state.status)) {
    if (carriesNumbers && wf.patched(IDS_ONLY_PATCH)) break;
    const deadline = nextDeadline(state);
    const version = state.version;
    const waitMs = deadline ? deadline.at - Date.now() : undefined;
    const somethingHappened =
      waitMs !== undefined && waitMs <= 0 ? false : await wf.condition(() => state.version !== version, waitMs);
    if (!somethingHappened && deadline) {
      const d = onDeadline(state, deadline.kind, Date.now());
      if (d.ok) {
        await commit(d);
        if (d.event.action === 'renewed') break;
      }
    }
    if (wf.workflowInfo().continueAsNewSuggested) break;
  }

  await wf.condition(wf.allHandlersFinished);
  if (!isFinal(state.status)) {
    // A new term, a long history or a run of earlier code: start afresh with the state alone; the
    // history is in Postgres.
    return wf.continueAsNew<typeof ContractWorkflow>({ state });
  }
  if (purgesPersonalData(state.status)) {
    await purgePersonalData({ contractId: state.id, merchantId: state.merchantId, reason: state.status });
  }
  return state;
}
