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
