import type { KnownMessages } from "../directory/issues";

/**
 * The messages of the incidents' and transfers' shared schemas (src/shared/incidents.ts,
 * src/shared/transfers.ts), keyed by their exact English text, with their wording in the UI language.
 */
export const DATA_PROTECTION_MESSAGES: KnownMessages = {
  "Give the incident a short title": "dataProtection.validation.title",
  "Give the date and time it was detected": "dataProtection.validation.detectedAt",
  "Say what happened": "dataProtection.validation.description",
  "Choose at least one category of data affected": "dataProtection.validation.categories",
  "Name at least one affected Party": "dataProtection.validation.parties",
  "A request number looks like 2026-000123": "dataProtection.validation.requestNumber",
  "Say what was done to contain it and what follows": "dataProtection.validation.measures",
  "Say what is new": "dataProtection.validation.note",
  "Give the reason for suspending transfers": "dataProtection.validation.reason",
  "Say why transfers may resume": "dataProtection.validation.liftReason",
  "Give the purpose of the transfer": "dataProtection.validation.purpose",
  "Name the State": "dataProtection.validation.state",
  "Name the organisation": "dataProtection.validation.organisation",
  "Give the reason for refusing": "dataProtection.validation.refusal",
};
