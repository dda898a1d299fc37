import type { AttendanceMode, ParticipantKind, Participation, RegistrationStatus } from "../../shared/plenary";

export type RegistrationFacts = {
  kind: ParticipantKind;
  country: string | null;
  organisation: string | null;
  mode: AttendanceMode;
  status: RegistrationStatus;
  attended: boolean;
};

/**
 * The meeting's participation as the plenary reports it: delegates who attended (in person,
 * online), the distinct countries they represent (Parties and observers) and the distinct
 * international organisations. Pure, so the sentence of the report is tested without a database.
 */
export function participationOf(rows: readonly RegistrationFacts[]): Participation {
  const present = rows.filter((r) => r.attended);
  const partyCountries = new Set(present.filter((r) => r.kind === "party").map((r) => r.country));
  const observerCountries = new Set(present.filter((r) => r.kind === "observer").map((r) => r.country));
  // A State is counted once, as a Party if any of its delegates came as one.
  for (const c of partyCountries) observerCountries.delete(c);
  const organisations = new Set(
    present.filter((r) => r.kind === "organisation").map((r) => (r.organisation ?? "").trim().toLowerCase()),
  );
  return {
    delegates: present.length,
    inPerson: present.filter((r) => r.mode === "in_person").length,
    online: present.filter((r) => r.mode === "online").length,
    countries: partyCountries.size + observerCountries.size,
    parties: partyCountries.size,
    observers: observerCountries.size,
    organisations: organisations.size,
    invited: rows.length,
    registered: rows.filter((r) => r.status === "registered").length,
  };
}
