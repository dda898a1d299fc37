import type { TFunction } from "i18next";
import type { Locale } from "../../../../shared/auth";
import {
  ART35_FUNCTIONS,
  CONTACT_POINT_FIELD_NAMES,
  CONTACT_POINT_TYPES,
  type KEY_KINDS,
  LEGAL_PROFILE_FIELD_NAMES,
  NETWORKS,
  PARTY_STATUSES,
  PartyFieldsObject,
  TEMPLATES,
} from "../../../../shared/directory";
import type { TranslationKey } from "../../../i18n/keys";

/**
 * Turns the JSON values of a field change ("before" / "after") into text a reviewer reads: labels
 * in the UI language, one line per item of a list (phones, e-mails, keys…) so that lists can be
 * compared item by item.
 */

type Named = { nameEn: string; nameFr: string };

export function partyName(party: Named, locale: Locale): string {
  return locale === "fr" ? party.nameFr : party.nameEn;
}

/** Field names as they appear in changes and completeness reports; "legalProfile.x" is x of the legal profile. */
const FIELD_KEYS: Record<string, TranslationKey> = {
  isPrimary: "directoryAdmin.field.isPrimary",
  type: "directoryAdmin.field.type",
  institution: "directoryAdmin.field.institution",
  unit: "directoryAdmin.field.unit",
  address: "directoryAdmin.field.address",
  phones: "directoryAdmin.field.phones",
  emails: "directoryAdmin.field.emails",
  secureChannels: "directoryAdmin.field.secureChannels",
  available247: "directoryAdmin.field.available247",
  timeZone: "directoryAdmin.field.timeZone",
  openingHours: "directoryAdmin.field.openingHours",
  outOfHours: "directoryAdmin.field.outOfHours",
  languages: "directoryAdmin.field.languages",
  instructions: "directoryAdmin.field.instructions",
  functions: "directoryAdmin.field.functions",
  handlesSap: "directoryAdmin.field.handlesSap",
  mlaCoordination: "directoryAdmin.field.mlaCoordination",
  networks: "directoryAdmin.field.networks",
  encryptionKeys: "directoryAdmin.field.encryptionKeys",
  sharedWithObservers: "directoryAdmin.field.sharedWithObservers",
  iso2: "directoryAdmin.field.iso2",
  nameEn: "directoryAdmin.field.nameEn",
  nameFr: "directoryAdmin.field.nameFr",
  altNames: "directoryAdmin.field.altNames",
  status: "directoryAdmin.field.status",
  conventionRatifiedOn: "directoryAdmin.field.conventionRatifiedOn",
  sapRatifiedOn: "directoryAdmin.field.sapRatifiedOn",
  legalProfile: "directoryAdmin.field.legalProfile",
  providerRetention: "directoryAdmin.field.providerRetention",
  preservationDays: "directoryAdmin.field.preservationDays",
  preservationExtendable: "directoryAdmin.field.preservationExtendable",
  extensionNote: "directoryAdmin.field.extensionNote",
  acceptedLanguages: "directoryAdmin.field.acceptedLanguages",
  acceptedTemplates: "directoryAdmin.field.acceptedTemplates",
  ackTargetMinutes: "directoryAdmin.field.ackTargetMinutes",
  emergencyAckTargetMinutes: "directoryAdmin.field.emergencyAckTargetMinutes",
  notes: "directoryAdmin.field.notes",
  contactPoints: "directoryAdmin.field.contactPoints",
  primary: "directoryAdmin.field.primary",
  lastConfirmedAt: "directoryAdmin.field.lastConfirmedAt",
  id: "directoryAdmin.field.id",
};

/** The translated label of a field; an unknown name (a newer server) is shown as it is rather than hidden. */
export function fieldLabel(t: TFunction, field: string): string {
  // Import errors name CSV columns ("time_zone", "legal_notes"): the same fields in snake case.
  const csvLegal = /^legal_./.test(field);
  const name = (csvLegal ? field.slice("legal_".length) : field).replace(/_([a-z0-9])/g, (_, c: string) =>
    c.toUpperCase(),
  );
  const parts = name.split(".");
  const last = parts[parts.length - 1] ?? name;
  const key = FIELD_KEYS[last];
  const label = key ? t(key) : field;
  // A legal-profile field is named as such, so "Notes" is not mistaken for a contact point field.
  const legal = csvLegal || (parts[0] === "legalProfile" && parts.length > 1);
  return legal && key ? `${t("directoryAdmin.field.legalProfile")} · ${label}` : label;
}

const ENUMS: Record<string, { values: readonly string[]; prefix: string }> = {
  type: { values: CONTACT_POINT_TYPES, prefix: "directoryAdmin.value.type." },
  functions: { values: ART35_FUNCTIONS, prefix: "directoryAdmin.value.function." },
  networks: { values: NETWORKS, prefix: "directoryAdmin.value.network." },
  acceptedTemplates: { values: TEMPLATES, prefix: "directoryAdmin.value.template." },
  status: { values: PARTY_STATUSES, prefix: "directoryAdmin.value.status." },
};

const KEY_KIND_KEYS: Record<(typeof KEY_KINDS)[number], TranslationKey> = {
  openpgp: "directoryAdmin.value.keyKind.openpgp",
  smime: "directoryAdmin.value.keyKind.smime",
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === "string" ? value : value === undefined || value === null ? "" : JSON.stringify(value);
}

function withNote(main: string, note: unknown): string {
  return typeof note === "string" && note.trim() ? `${main} — ${note.trim()}` : main;
}

export function languageName(code: string, locale: Locale): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: "language" }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** "lun.", "Mon"…: ISO weekday 1 = Monday; 2024-01-01 was a Monday. */
function weekdayName(day: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(
    new Date(Date.UTC(2024, 0, day)),
  );
}

/** Consecutive days as ranges: [1,2,3,4,5] → "Mon–Fri". */
function dayRanges(days: number[], locale: Locale): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  for (let i = 0; i < sorted.length; i++) {
    const current = sorted[i];
    const next = sorted[i + 1];
    if (start === undefined || current === undefined) continue;
    if (next !== current + 1) {
      parts.push(
        start === current
          ? weekdayName(start, locale)
          : `${weekdayName(start, locale)}–${weekdayName(current, locale)}`,
      );
      start = next;
    }
  }
  return parts.join(", ");
}

export function formatDate(value: string, locale: Locale): string {
  // Plain dates (YYYY-MM-DD) have no time zone: shown as calendar dates, never shifted.
  const plain = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(plain ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(
    locale,
    plain ? { dateStyle: "medium", timeZone: "UTC" } : { dateStyle: "medium" },
  ).format(date);
}

export function formatDateTime(value: string, locale: Locale): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

function formatItem(t: TFunction, locale: Locale, field: string, item: unknown): string {
  const enumInfo = ENUMS[field];
  if (enumInfo && typeof item === "string" && enumInfo.values.includes(item)) return t(`${enumInfo.prefix}${item}`);
  if (field === "languages" || field === "acceptedLanguages")
    return typeof item === "string" ? languageName(item, locale) : str(item);
  if (!isRecord(item)) return str(item);
  if (field === "phones") {
    const flag = item.available247 ? ` (${t("directoryAdmin.value.phone247")})` : "";
    return withNote(`${str(item.number)}${flag}`, item.note);
  }
  if (field === "emails") return withNote(str(item.address), item.note);
  if (field === "secureChannels") return withNote(str(item.name), item.note);
  if (field === "openingHours") {
    const days = Array.isArray(item.days) ? item.days.filter((d): d is number => typeof d === "number") : [];
    return `${dayRanges(days, locale)} ${str(item.from)}–${str(item.to)}`;
  }
  if (field === "encryptionKeys") {
    const kind = item.kind === "openpgp" || item.kind === "smime" ? t(KEY_KIND_KEYS[item.kind]) : str(item.kind);
    const expiry =
      typeof item.expiresOn === "string"
        ? ` (${t("directoryAdmin.value.expiresOn", { date: formatDate(item.expiresOn, locale) })})`
        : "";
    return withNote(`${kind} ${str(item.fingerprint)}${expiry}`, item.note);
  }
  // Anything else structured: its fields, readable rather than raw JSON.
  return Object.entries(item)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${fieldLabel(t, k)}: ${formatItem(t, locale, k, v)}`)
    .join("; ");
}

/**
 * A field's value as lines of text: [] when empty, one line for a scalar, one line per item for
 * a list. `null`, "" and [] all read as "not given".
 */
export function valueLines(t: TFunction, locale: Locale, field: string, value: unknown): string[] {
  const name = field.split(".").pop() ?? field;
  if (value === null || value === undefined || value === "") return [];
  if (Array.isArray(value)) return value.map((item) => formatItem(t, locale, name, item));
  if (typeof value === "boolean") return [value ? t("directoryAdmin.value.yes") : t("directoryAdmin.value.no")];
  if (typeof value === "number") return [value.toLocaleString(locale)];
  if (typeof value === "string" && /Ratified|On$|At$/.test(name) && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    return [name.endsWith("At") ? formatDateTime(value, locale) : formatDate(value, locale)];
  }
  return [formatItem(t, locale, name, value)];
}

/** Lists are compared item by item; text is compared word by word; other values as a whole. */
export function isListValue(before: unknown, after: unknown): boolean {
  return (
    (Array.isArray(before) || before === null || before === undefined) &&
    (Array.isArray(after) || after === null || after === undefined) &&
    (Array.isArray(before) || Array.isArray(after))
  );
}

/** Display order of fields: the Party's, then a contact point's as in its form, then the legal profile's. */
const FIELD_ORDER: readonly string[] = [
  ...Object.keys(PartyFieldsObject.shape),
  ...CONTACT_POINT_FIELD_NAMES,
  ...LEGAL_PROFILE_FIELD_NAMES,
];

export function fieldOrder(field: string): number {
  const index = FIELD_ORDER.indexOf(field.split(".").pop() ?? field);
  return index === -1 ? FIELD_ORDER.length : index;
}

/** null, "" and [] all read as "not given". */
export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}
