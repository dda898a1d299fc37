import type { IncidentDataCategory, IncidentStatus } from "../../../shared/incidents";
import type { OnwardTransferStatus } from "../../../shared/transfers";
import type { TranslationKey } from "../../i18n/keys";

export const CATEGORY_KEYS: Record<IncidentDataCategory, TranslationKey> = {
  request_content: "dataProtection.incidents.category.request_content",
  messages: "dataProtection.incidents.category.messages",
  attachments: "dataProtection.incidents.category.attachments",
  directory_entries: "dataProtection.incidents.category.directory_entries",
  user_accounts: "dataProtection.incidents.category.user_accounts",
  audit_records: "dataProtection.incidents.category.audit_records",
  other: "dataProtection.incidents.category.other",
};

export const STATUS_KEYS: Record<IncidentStatus, TranslationKey> = {
  open: "dataProtection.incidents.status.open",
  closed: "dataProtection.incidents.status.closed",
};

export const ONWARD_STATUS_KEYS: Record<OnwardTransferStatus, TranslationKey> = {
  pending: "dataProtection.onward.status.pending",
  authorised: "dataProtection.onward.status.authorised",
  refused: "dataProtection.onward.status.refused",
};
