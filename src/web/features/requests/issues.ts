import type { TFunction } from "i18next";
import type { z } from "zod";
import type { ApiIssue } from "../../app/api";
import { type FieldErrors, type KnownMessages, schemaErrors, serverErrors } from "../directory/issues";

/**
 * The request schemas' own messages (src/shared/requests.ts), keyed by their exact English text,
 * with their wording in the UI language. Formats shared with the directory (phone, e-mail, time
 * zone, dates) are worded by the directory's table.
 */
export const REQUEST_MESSAGES: KnownMessages = {
  "Unknown request type": "requests.validation.type",
  "Not a valid IPv4 or IPv6 address": "requests.validation.ip",
  "Give the date and time the address was used": "requests.validation.observedAt",
  "Date and time must be YYYY-MM-DDTHH:MM": "requests.validation.dateTime",
  "Give the time zone of the date and time (an IP address without it identifies no one)":
    "requests.validation.ipTimeZone",
  "Not a valid domain name": "requests.validation.domain",
  "Give the account or user name": "requests.validation.account",
  "Name the service the account is on": "requests.validation.service",
  "Not a valid http(s) address": "requests.validation.url",
  "Unknown identifier kind: use ip, email, account, domain, url or phone": "requests.validation.identifierKind",
  "Name the requesting organisation": "requests.validation.organisation",
  "Name the person in charge": "requests.validation.personInCharge",
  "Give the office hours": "requests.validation.officeHours",
  "Name the person to contact for confirmation": "requests.validation.confirmationName",
  "State the purpose: the investigation or proceedings the data are for": "requests.validation.purpose",
  "Name the offence": "requests.validation.offence",
  "Summarise the facts": "requests.validation.facts",
  "Say which stored data are to be preserved": "requests.validation.dataToPreserve",
  "Say how the data relate to the offence": "requests.validation.relationToOffence",
  "Name the provider (custodian) or where the computer system is": "requests.validation.custodian",
  "Say why preservation is necessary": "requests.validation.necessity",
  "The period ends before it starts": "requests.validation.period",
  "Article 29(2) requires that a mutual assistance request will follow": "requests.validation.mlaToFollow",
  "Say which traffic data are sought": "requests.validation.trafficDataSought",
  "Name the provider": "requests.validation.provider",
  "Give the domestic legal basis": "requests.validation.legalBasis",
  "Say which subscriber information is sought": "requests.validation.subscriberDataSought",
  "Say why the data are relevant": "requests.validation.relevance",
  "Name the provider holding the data": "requests.validation.providerHolding",
  "Give the legal provisions and the penalties": "requests.validation.provisionsAndPenalties",
  "Give the facts showing the emergency (imminent risk to life or safety)": "requests.validation.emergencyFacts",
  "Say how the data sought relate to the emergency": "requests.validation.dataLink",
  "Say which data are sought": "requests.validation.dataSought",
  "Give a subject": "requests.validation.subject",
  "Describe the assistance sought": "requests.validation.assistance",
  "Not a request id": "requests.validation.parentRequest",
  "Give your reference or case number": "requests.validation.reference",
  "At most 50 identifiers per request": "requests.validation.tooManyIdentifiers",
  "Give at least one identifier (IP address with time and zone, account, e-mail, domain, URL or phone)":
    "requests.validation.identifierRequired",
  "The draft is too large (256 KB at most)": "requests.validation.draftTooLarge",
  "Say what was done": "requests.validation.executedNote",
  "Say what was done and what was not": "requests.validation.partiallyNote",
  "Give the reason for refusing": "requests.validation.refusedNote",
  "Write a message": "requests.validation.message",
  "Say what was wrong and what the correction changes": "requests.validation.correctionReason",
};

/** "A preservation request cannot be a follow_up": the parent's relation does not fit the type. */
const RELATION_REFUSED = /^A \S+ request cannot be a \S+$/;

function relationFirst(t: TFunction, errors: FieldErrors, messages: readonly [string, string][]): FieldErrors {
  for (const [path, message] of messages) {
    if (RELATION_REFUSED.test(message)) errors[path] = t("requests.validation.relation");
  }
  return errors;
}

/** A failed check of the shared schema in the browser, worded in the UI language, one message per field. */
export function requestSchemaErrors(t: TFunction, error: z.ZodError): FieldErrors {
  const errors = schemaErrors(t, error, REQUEST_MESSAGES);
  return relationFirst(
    t,
    errors,
    error.issues.map((i) => [i.path.map(String).join("."), i.message]),
  );
}

/** The server's 400 issues ("body.identifiers.0.timeZone") on the form's own paths. */
export function requestServerErrors(t: TFunction, issues: readonly ApiIssue[]): FieldErrors {
  const errors = serverErrors(t, issues, [], REQUEST_MESSAGES);
  return relationFirst(
    t,
    errors,
    issues.map((i) => [i.path.replace(/^\/?body[./]?/, "").replaceAll("/", "."), i.message]),
  );
}
