/**
 * What the contract operations share (SPEC §3): finding the contract the caller may see, starting its
 * ContractWorkflow, and running an action as an Update, which the workflow refuses (nothing changes)
 * when the contract's state or a rule does not allow it.
 */
import type { Client } from '@temporalio/client';
import type { Application, ContractState } from '../domain/contract';
import type { Db } from '../platform/db';
import { findContract, type ContractRecord } from '../store/contracts';
import {
  CONTRACT_VIOLATION,
  contractUpdate,
  ContractWorkflow,
  type ContractAction,
  type ContractRequest,
} from '../workflows/contract';
import { contractWorkflowId } from '../workflows/ids';
import { ContractId, MerchantId } from '../workflows/search-attributes';
import { TASK_QUEUES } from '../workflows/task-queues';
import { maySee, type Principal } from './auth';
import { notFound } from './errors';
import { runUpdate } from './temporal-errors';

/** The contract, when it exists and the caller may see it; 404 otherwise (never 403: SPEC §7). */
export async function visibleContract(db: Db, principal: Principal, id: string): Promise<ContractRecord> {
  const contract = await findContract(db, id);
  if (!contract || !maySee(principal, contract.row.merchant_id)) throw notFound('contract');
  return contract;
}

export async function startContractWorkflow(temporal: Client, application: Application): Promise<void> {
  await temporal.workflow.start(ContractWorkflow, {
    workflowId: contractWorkflowId(application.id),
    taskQueue: TASK_QUEUES.contracts,
    args: [{ application }],
    typedSearchAttributes: [
      { key: MerchantId, value: application.merchantId },
      { key: ContractId, value: application.id },
    ],
  });
}

/** Runs an action on the contract's workflow; the answer is the contract as it now is. */
export async function updateContract<T extends ContractAction>(
  temporal: Client,
  contractId: string,
  action: T,
  request: ContractRequest<T>,
): Promise<ContractState> {
  return runUpdate(
    () =>
      temporal.workflow
        .getHandle(contractWorkflowId(contractId))
        .executeUpdate(contractUpdate(action), { args: [request] }),
    CONTRACT_VIOLATION,
    {
      code: 'contract_closed',
      message: 'the contract has ended (rejected, terminated or expired); nothing more can change',
    },
  );
}
