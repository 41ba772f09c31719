/** Every workflow type the workers register. */
export { ContractWorkflow } from './contract';
