import type {
  DirectoryDocument,
  FieldChange,
  PartyDiff,
  ReleaseComparison,
  ReleaseParty,
} from "../../shared/directory";

/**
 * Differences between two states of the directory: field by field for a proposal, Party by Party
 * between releases, and the one-line "latest developments" built from them.
 */

/** JSON with sorted keys: two values are equal when their canonical text is. */
function canonical(value: unknown): string {
  if (value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

/** Bookkeeping that is not content: confirming an entry is not a change to it. */
const IGNORED = new Set(["id", "lastConfirmedAt", "contactPoints", "legalProfile"]);

/** The fields whose values differ, in the order of `before`'s keys then new ones. */
export function fieldChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !IGNORED.has(k));
  return keys
    .filter((k) => !sameValue(before?.[k], after?.[k]))
    .map((field) => ({ field, before: before?.[field] ?? null, after: after?.[field] ?? null }));
}

function partyDiff(from: ReleaseParty | undefined, to: ReleaseParty | undefined): PartyDiff | null {
  const party = (to ?? from) as ReleaseParty;
  const fromCps = new Map((from?.contactPoints ?? []).map((cp) => [cp.id, cp]));
  const toCps = new Map((to?.contactPoints ?? []).map((cp) => [cp.id, cp]));
  const cps: PartyDiff["contactPoints"] = [];
  for (const [id, cp] of toCps) {
    const old = fromCps.get(id);
    if (!old)
      cps.push({ id, institution: cp.institution, unit: cp.unit, change: "added", changes: fieldChanges(null, cp) });
    else {
      const changes = fieldChanges(old, cp);
      if (changes.length) cps.push({ id, institution: cp.institution, unit: cp.unit, change: "changed", changes });
    }
  }
  for (const [id, cp] of fromCps) {
    if (!toCps.has(id)) {
      cps.push({ id, institution: cp.institution, unit: cp.unit, change: "removed", changes: fieldChanges(cp, null) });
    }
  }
  const partyChanges = from && to ? fieldChanges(from, to) : [];
  const legalProfileChanges = from && to ? fieldChanges(from.legalProfile, to.legalProfile) : [];
  const change = !from ? "added" : !to ? "removed" : "changed";
  if (change === "changed" && !cps.length && !partyChanges.length && !legalProfileChanges.length) return null;
  return {
    iso2: party.iso2,
    nameEn: party.nameEn,
    nameFr: party.nameFr,
    change,
    partyChanges,
    legalProfileChanges,
    contactPoints: cps,
  };
}

/** What changed from one directory document to another, Party by Party (by ISO code). */
export function compareDocuments(from: DirectoryDocument | null, to: DirectoryDocument): PartyDiff[] {
  const fromParties = new Map((from?.parties ?? []).map((p) => [p.iso2, p]));
  const toParties = new Map(to.parties.map((p) => [p.iso2, p]));
  const codes = [...new Set([...fromParties.keys(), ...toParties.keys()])].sort();
  return codes.map((c) => partyDiff(fromParties.get(c), toParties.get(c))).filter((d): d is PartyDiff => d !== null);
}

const FIELD_LABELS: Record<string, { en: string; fr: string }> = {
  isPrimary: { en: "primary", fr: "principal" },
  type: { en: "type", fr: "type" },
  institution: { en: "institution", fr: "institution" },
  unit: { en: "unit", fr: "unité" },
  address: { en: "address", fr: "adresse" },
  phones: { en: "phones", fr: "téléphones" },
  emails: { en: "e-mails", fr: "courriels" },
  secureChannels: { en: "secure channels", fr: "canaux sécurisés" },
  available247: { en: "availability", fr: "disponibilité" },
  timeZone: { en: "time zone", fr: "fuseau horaire" },
  openingHours: { en: "opening hours", fr: "heures d'ouverture" },
  outOfHours: { en: "out-of-hours instructions", fr: "consignes hors heures" },
  languages: { en: "languages", fr: "langues" },
  instructions: { en: "instructions", fr: "instructions" },
  functions: { en: "functions", fr: "fonctions" },
  handlesSap: { en: "Second Protocol requests", fr: "demandes du deuxième Protocole" },
  mlaCoordination: { en: "MLA co-ordination", fr: "coordination entraide" },
  networks: { en: "networks", fr: "réseaux" },
  encryptionKeys: { en: "encryption keys", fr: "clés de chiffrement" },
  sharedWithObservers: { en: "sharing with observers", fr: "partage avec les observateurs" },
};

const label = (field: string, lang: "en" | "fr") => FIELD_LABELS[field]?.[lang] ?? field;
const at = (cp: { institution: string; unit: string | null }) =>
  cp.unit ? `${cp.institution} (${cp.unit})` : cp.institution;

/** One line per notable change, in English and French: "Benin: new contact point at …". */
export function developments(diffs: PartyDiff[]): ReleaseComparison["developments"] {
  const lines: ReleaseComparison["developments"] = [];
  for (const d of diffs) {
    const push = (en: string, fr: string) =>
      lines.push({ iso2: d.iso2, en: `${d.nameEn}: ${en}`, fr: `${d.nameFr} : ${fr}` });
    if (d.change === "added") push("joined the directory", "entre dans le répertoire");
    if (d.change === "removed") {
      push("left the directory", "quitte le répertoire");
      continue;
    }
    if (d.partyChanges.length) {
      push(
        `Party details updated (${d.partyChanges.map((c) => c.field).join(", ")})`,
        `informations sur la Partie mises à jour (${d.partyChanges.map((c) => c.field).join(", ")})`,
      );
    }
    for (const cp of d.contactPoints) {
      if (cp.change === "added") push(`new contact point at ${at(cp)}`, `nouveau point de contact : ${at(cp)}`);
      else if (cp.change === "removed")
        push(`contact point at ${at(cp)} removed`, `point de contact ${at(cp)} supprimé`);
      else {
        const en = cp.changes.map((c) => label(c.field, "en")).join(", ");
        const fr = cp.changes.map((c) => label(c.field, "fr")).join(", ");
        push(`${at(cp)}: ${en} updated`, `${at(cp)} : mise à jour (${fr})`);
      }
    }
    if (d.legalProfileChanges.length) push("legal profile updated", "profil juridique mis à jour");
  }
  return lines;
}
