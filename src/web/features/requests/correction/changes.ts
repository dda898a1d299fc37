import type { TFunction } from "i18next";
import type { TranslationKey } from "../../../i18n/keys";
import { DETAIL_LABELS } from "../detailLabels";

// How a correction's changed field reads on screen: "Requesting authority · Phone", and its value
// before and after in words (a list of identifiers, a period, yes or no).

const BLOCK_KEYS: Record<string, TranslationKey> = {
  reference: "requests.detail.reference",
  requestingAuthority: "requests.block.requestingAuthority",
  confirmationContact: "requests.block.confirmationContact",
  details: "requests.block.details",
  identifiers: "requests.block.identifiers",
  handlingConditions: "requests.block.handlingConditions",
};

const FIELD_KEYS: Record<string, Record<string, TranslationKey>> = {
  requestingAuthority: {
    organisation: "requests.authority.organisation",
    personInCharge: "requests.authority.personInCharge",
    address: "requests.authority.address",
    phone: "requests.authority.phone",
    mobile: "requests.authority.mobile",
    email: "requests.authority.email",
    fax: "requests.authority.fax",
    officeHours: "requests.authority.officeHours",
    timeZone: "requests.authority.timeZone",
    preferredReply: "requests.authority.preferredReply",
  },
  confirmationContact: {
    name: "requests.contact.name",
    jobTitle: "requests.contact.jobTitle",
    function: "requests.contact.function",
    phone: "requests.contact.phone",
    mobile: "requests.contact.mobile",
    email: "requests.contact.email",
  },
  handlingConditions: {
    purpose: "requests.handling.purpose",
    useLimits: "requests.handling.useLimits",
    onwardSharing: "requests.handling.onwardSharing",
    confidential: "requests.handling.confidentialShort",
    sensitive: "requests.handling.sensitive",
  },
};

/** "Requesting authority · Phone" for "requestingAuthority.phone"; an unknown path reads as itself. */
export function changeLabel(t: TFunction, path: string): string {
  const [block = "", field, ...rest] = path.split(".");
  const blockKey = BLOCK_KEYS[block];
  if (!blockKey) return path;
  if (!field) return t(blockKey);
  const fieldKey = block === "details" ? DETAIL_LABELS[field]?.label : FIELD_KEYS[block]?.[field];
  const fieldLabel = fieldKey ? t(fieldKey) : field;
  return [t(blockKey), fieldLabel, ...rest].join(" · ");
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A value in words: empty as "—", yes/no, a period "from – to", identifiers one per line. */
export function changeValue(t: TFunction, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? t("requests.yes") : t("requests.no");
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "—";
    return value
      .map((item) =>
        isObject(item)
          ? [item.kind, item.value, item.observedAt, item.timeZone, item.service, item.note]
              .filter((v) => typeof v === "string" && v !== "")
              .join(" ")
          : changeValue(t, item),
      )
      .join("\n");
  }
  if (isObject(value) && typeof value.from === "string" && typeof value.to === "string") {
    return `${value.from} – ${value.to}`;
  }
  return JSON.stringify(value);
}
