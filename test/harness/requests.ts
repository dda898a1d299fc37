import type { Principal } from "../../src/server/auth/principal";
import type { AppContext } from "../../src/server/context";
import { type ContentOverrides, sampleContent } from "../../src/server/requests/documents/sample";
import { createDraft, sendRequest } from "../../src/server/requests/requests";
import type { TestClient } from "./http";

/**
 * A short request (a legal question) sent from the client's Party to another, through the API as
 * a user would: a draft, then the complete form. Returns the HTTP answer so tests can check it.
 */
export async function sendLegalQuestion(from: TestClient, to: string, extra: { exercise?: boolean } = {}) {
  const draft = await from.post("/api/requests", { type: "legal_information", requestedParty: to, content: {} });
  if (draft.statusCode !== 201) throw new Error(`draft refused: ${draft.body}`);
  const sent = await from.post(`/api/requests/${draft.data.id}/send`, { ...legalQuestion(to), ...extra });
  return Object.assign(sent, { draftId: draft.data.id as string });
}

/** The complete form of a short legal question to Party `to` (the body of POST /api/requests/{id}/send). */
export function legalQuestion(to: string) {
  return {
    type: "legal_information",
    requestedParty: to,
    language: "en",
    reference: "TEST-LEGAL-1",
    requestingAuthority: {
      organisation: "Cybercrime Unit (fictional)",
      personInCharge: "M. Example",
      address: "1 Example Street",
      phone: "+99 2 555 0100",
      email: "duty@example.org",
      officeHours: "Mon–Fri 08:30–17:30",
      timeZone: "UTC",
    },
    confirmationContact: { name: "M. Example", phone: "+99 2 555 0101", email: "duty@example.org" },
    handlingConditions: { purpose: "Legal question for case TEST-LEGAL-1" },
    details: { subject: "Retention of connection logs", details: "How long do providers keep connection logs?" },
  };
}

/**
 * A preservation request sent by `user` to Party `to` through the use cases, without HTTP: a draft,
 * then the sample form with `overrides`. Its id.
 */
export async function sendPreservation(
  ctx: AppContext,
  user: Principal,
  to: string,
  overrides: ContentOverrides = {},
): Promise<string> {
  const meta = { ip: null, userAgent: null };
  const { id } = await createDraft(ctx, user, { type: "preservation", requestedParty: to, content: {} }, meta);
  const content = sampleContent("preservation", { requestedParty: to, ...overrides });
  return (await sendRequest(ctx, user, id, content, meta)).id;
}

/** The form's reference and handling conditions of a case's request, sensitive (SAP Art. 14(4)) or not. */
export const caseConditions = (reference: string, sensitive: boolean): ContentOverrides => ({
  reference,
  handlingConditions: { purpose: `Investigation ${reference}`, useLimits: "This case only", sensitive },
});
