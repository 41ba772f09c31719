/**
 * Custom search attributes (SPEC §6): operators filter workflows by them in the Temporal Web UI.
 * Never a phone number or any other personal data.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const MerchantId = defineSearchAttributeKey('MerchantId', SearchAttributeType.KEYWORD);
export const ContractId = defineSearchAttributeKey('ContractId', SearchAttributeType.KEYWORD);
export const MessageType = defineSearchAttributeKey('MessageType', SearchAttributeType.KEYWORD);
export const MessageStatus = defineSearchAttributeKey('MessageStatus', SearchAttributeType.KEYWORD);
export const InvoicePeriod = defineSearchAttributeKey('InvoicePeriod', SearchAttributeType.KEYWORD);

export const SEARCH_ATTRIBUTES = [MerchantId, ContractId, MessageType, MessageStatus, InvoicePeriod];
