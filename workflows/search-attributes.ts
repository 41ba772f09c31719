/**
 * Custom search attributes (SPEC §6): operators filter workflows by them in the Temporal Web UI.
 * Never a phone number or any other personal data.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { workflowInfo } from '@temporalio/workflow';

export const MerchantId = defineSearchAttributeKey('MerchantId', SearchAttributeType.KEYWORD);
export const ContractId = defineSearchAttributeKey('ContractId', SearchAttributeType.KEYWORD);
export const MessageType = defineSearchAttributeKey('MessageType', SearchAttributeType.KEYWORD);
export const MessageStatus = defineSearchAttributeKey('MessageStatus', SearchAttributeType.KEYWORD);
export const InvoicePeriod = defineSearchAttributeKey('InvoicePeriod', SearchAttributeType.KEYWORD);
/** A campaign's workflow and each of its recipients' messages (SPEC §7). */
export const CampaignId = defineSearchAttributeKey('CampaignId', SearchAttributeType.KEYWORD);

export const SEARCH_ATTRIBUTES = [MerchantId, ContractId, MessageType, MessageStatus, InvoicePeriod, CampaignId];

/**
 * Inside a workflow: whether its run carries our search attributes. Runs started without them (the
 * time-skipping test server has none) neither update them nor give them to their children.
 */
export const tracksSearchAttributes = () => workflowInfo().typedSearchAttributes.get(MerchantId) !== undefined;
