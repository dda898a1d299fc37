import type { z } from "zod";
import {
  AssistanceDetails,
  EmergencyDetails,
  PreservationDetails,
  type RequestType,
  SubscriberDetails,
  TrafficDisclosureDetails,
} from "../../../../shared/requests";

/**
 * How each field of a type's details is entered. The names come from the shared schemas (a test
 * checks that every field of every details schema has an input here); whether one is required is
 * read from the schema itself.
 */
export type DetailInput = "line" | "text" | "date" | "period" | "confirm";

const INPUTS: Record<string, DetailInput> = {
  offence: "line",
  facts: "text",
  dataToPreserve: "text",
  relationToOffence: "text",
  custodian: "line",
  necessity: "text",
  period: "period",
  mlaToFollow: "confirm",
  trafficDataSought: "text",
  provider: "line",
  investigativeAuthority: "line",
  prosecutionOrCourt: "text",
  legalBasis: "text",
  dataSought: "text",
  relevance: "text",
  neededBy: "date",
  provisionsAndPenalties: "text",
  emergencyFacts: "text",
  dataLink: "text",
  instructions: "text",
  subject: "line",
  details: "text",
};

export const DETAILS_SCHEMAS: Record<RequestType, z.ZodObject> = {
  preservation: PreservationDetails,
  traffic_disclosure: TrafficDisclosureDetails,
  subscriber_information: SubscriberDetails,
  emergency_disclosure: EmergencyDetails,
  emergency_mutual_assistance: EmergencyDetails,
  technical_advice: AssistanceDetails,
  legal_information: AssistanceDetails,
  locating_suspects: AssistanceDetails,
  collection_of_evidence: AssistanceDetails,
  other: AssistanceDetails,
};

export type DetailField = { name: string; input: DetailInput; required: boolean };

const cache = new Map<RequestType, DetailField[]>();

/** The fields of a type's details, in the schema's order. */
export function detailFields(type: RequestType): DetailField[] {
  const known = cache.get(type);
  if (known) return known;
  const shape = DETAILS_SCHEMAS[type].shape as Record<string, z.ZodType>;
  const fields = Object.entries(shape).map(([name, schema]) => {
    const input = INPUTS[name] ?? "text";
    // Optional text fields accept "", optional dates and periods accept null.
    const required =
      input === "confirm" ||
      (input === "period" || input === "date" ? !schema.safeParse(null).success : !schema.safeParse("").success);
    return { name, input, required };
  });
  cache.set(type, fields);
  return fields;
}

/** For the test: schema fields that have no input declared. */
export function fieldsWithoutInput(): string[] {
  const names = new Set(Object.values(DETAILS_SCHEMAS).flatMap((s) => Object.keys(s.shape)));
  return [...names].filter((n) => !(n in INPUTS));
}
