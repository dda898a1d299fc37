import type {
  Art35Function,
  ContactPoint,
  ContactPointFieldsInput,
  ContactPointType,
  KEY_KINDS,
  Network,
} from "../../../shared/directory";
import { keepFilled, orUndefined, type RowMaps, rowKey } from "./formState";

// The contact point form's state, apart from the form so that it can be tested without a browser.

export type KeyKind = (typeof KEY_KINDS)[number];
type PhoneRow = { key: number; number: string; note: string; available247: boolean };
type EmailRow = { key: number; address: string; note: string };
type ChannelRow = { key: number; name: string; note: string };
type HoursRow = { key: number; days: string[]; from: string; to: string };
type KeyRow = { key: number; kind: KeyKind; fingerprint: string; expiresOn: string; publicKey: string; note: string };

export type ContactPointDraft = {
  isPrimary: boolean;
  type: ContactPointType;
  institution: string;
  unit: string;
  address: string;
  phones: PhoneRow[];
  emails: EmailRow[];
  secureChannels: ChannelRow[];
  available247: boolean;
  timeZone: string;
  openingHours: HoursRow[];
  outOfHours: string;
  languages: string[];
  instructions: string;
  functions: Art35Function[];
  handlesSap: boolean;
  mlaCoordination: string;
  networks: Network[];
  encryptionKeys: KeyRow[];
  sharedWithObservers: boolean;
};

export const newPhone = (): PhoneRow => ({ key: rowKey(), number: "", note: "", available247: false });
export const newEmail = (): EmailRow => ({ key: rowKey(), address: "", note: "" });
export const newChannel = (): ChannelRow => ({ key: rowKey(), name: "", note: "" });
export const newHours = (): HoursRow => ({
  key: rowKey(),
  days: ["1", "2", "3", "4", "5"],
  from: "09:00",
  to: "17:00",
});
export const newKey = (): KeyRow => ({
  key: rowKey(),
  kind: "openpgp",
  fingerprint: "",
  expiresOn: "",
  publicKey: "",
  note: "",
});

export function draftFrom(
  cp: ContactPoint | null,
  defaults: { timeZone: string; isPrimary: boolean },
): ContactPointDraft {
  if (!cp) {
    return {
      isPrimary: defaults.isPrimary,
      type: "police",
      institution: "",
      unit: "",
      address: "",
      phones: [{ ...newPhone(), available247: true }],
      emails: [newEmail()],
      secureChannels: [],
      available247: true,
      timeZone: defaults.timeZone,
      openingHours: [],
      outOfHours: "",
      languages: [],
      instructions: "",
      functions: [],
      handlesSap: false,
      mlaCoordination: "",
      networks: ["budapest_art35"],
      encryptionKeys: [],
      sharedWithObservers: false,
    };
  }
  return {
    isPrimary: cp.isPrimary,
    type: cp.type,
    institution: cp.institution,
    unit: cp.unit ?? "",
    address: cp.address ?? "",
    phones: cp.phones.map((p) => ({
      key: rowKey(),
      number: p.number,
      note: p.note ?? "",
      available247: p.available247,
    })),
    emails: cp.emails.map((e) => ({ key: rowKey(), address: e.address, note: e.note ?? "" })),
    secureChannels: cp.secureChannels.map((c) => ({ key: rowKey(), name: c.name, note: c.note ?? "" })),
    available247: cp.available247,
    timeZone: cp.timeZone,
    openingHours: (cp.openingHours ?? []).map((h) => ({
      key: rowKey(),
      days: h.days.map(String),
      from: h.from,
      to: h.to,
    })),
    outOfHours: cp.outOfHours ?? "",
    languages: [...cp.languages],
    instructions: cp.instructions ?? "",
    functions: [...cp.functions],
    handlesSap: cp.handlesSap,
    mlaCoordination: cp.mlaCoordination ?? "",
    networks: [...cp.networks],
    encryptionKeys: cp.encryptionKeys.map((k) => ({
      key: rowKey(),
      kind: k.kind,
      fingerprint: k.fingerprint,
      expiresOn: k.expiresOn ?? "",
      publicKey: k.publicKey ?? "",
      note: k.note ?? "",
    })),
    sharedWithObservers: cp.sharedWithObservers,
  };
}

/** The draft as the shared schema expects it; blank rows are left out (see RowMaps). */
export function draftToInput(d: ContactPointDraft): { input: ContactPointFieldsInput; maps: RowMaps } {
  const phones = keepFilled(
    d.phones,
    (p) => Boolean(p.number.trim() || p.note.trim()),
    (p) => ({ number: p.number, note: orUndefined(p.note), available247: p.available247 }),
  );
  const emails = keepFilled(
    d.emails,
    (e) => Boolean(e.address.trim() || e.note.trim()),
    (e) => ({ address: e.address, note: orUndefined(e.note) }),
  );
  const channels = keepFilled(
    d.secureChannels,
    (c) => Boolean(c.name.trim() || c.note.trim()),
    (c) => ({ name: c.name, note: orUndefined(c.note) }),
  );
  const keys = keepFilled(
    d.encryptionKeys,
    (k) => Boolean(k.fingerprint.trim() || k.publicKey.trim() || k.note.trim()),
    (k) => ({
      kind: k.kind,
      fingerprint: k.fingerprint,
      expiresOn: k.expiresOn || null,
      publicKey: orUndefined(k.publicKey),
      note: orUndefined(k.note),
    }),
  );
  return {
    input: {
      isPrimary: d.isPrimary,
      type: d.type,
      institution: d.institution,
      unit: d.unit,
      address: d.address,
      phones: phones.values,
      emails: emails.values,
      secureChannels: channels.values,
      available247: d.available247,
      timeZone: d.timeZone,
      // A 24/7 contact point has no opening hours: they would only confuse a reader.
      openingHours: d.available247
        ? null
        : d.openingHours.map((h) => ({ days: h.days.map(Number).sort((a, b) => a - b), from: h.from, to: h.to })),
      outOfHours: d.available247 ? null : d.outOfHours,
      languages: d.languages,
      instructions: d.instructions,
      functions: d.functions,
      handlesSap: d.handlesSap,
      mlaCoordination: d.mlaCoordination,
      networks: d.networks,
      encryptionKeys: keys.values,
      sharedWithObservers: d.sharedWithObservers,
    },
    maps: { phones: phones.map, emails: emails.map, secureChannels: channels.map, encryptionKeys: keys.map },
  };
}
