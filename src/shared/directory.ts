import { z } from "zod";

export const CONTACT_POINT_TYPES = [
  "police",
  "prosecution",
  "ministry_of_justice",
  "security_service",
  "cybersecurity",
  "other",
] as const;
export const ContactPointType = z.enum(CONTACT_POINT_TYPES);
export type ContactPointType = z.infer<typeof ContactPointType>;

export const PARTY_STATUSES = ["party", "signatory", "observer"] as const;
export const PartyStatus = z.enum(PARTY_STATUSES);
export type PartyStatus = z.infer<typeof PartyStatus>;

/** Article 35 functions a contact point may perform. */
export const ART35_FUNCTIONS = [
  "technical_advice",
  "preservation",
  "collection_of_evidence",
  "legal_information",
  "locating_suspects",
] as const;
export const Art35Function = z.enum(ART35_FUNCTIONS);
export type Art35Function = z.infer<typeof Art35Function>;

export const NETWORKS = ["budapest_art35", "un_art41", "g7", "interpol"] as const;
export const Network = z.enum(NETWORKS);

export const PartySummary = z.object({
  id: z.uuid(),
  iso2: z.string().length(2),
  nameEn: z.string(),
  nameFr: z.string(),
  status: PartyStatus,
  contactPointCount: z.number().int(),
  /** Type of the primary contact point, null when the Party has none yet. */
  primaryType: ContactPointType.nullable(),
});
export type PartySummary = z.infer<typeof PartySummary>;

export const PartyList = z.object({ parties: z.array(PartySummary) });
export type PartyList = z.infer<typeof PartyList>;
