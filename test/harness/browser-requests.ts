import type { Page } from "playwright-core";

/**
 * Chile's officer sends Romania a legal question through the API, from her signed-in page (the
 * form itself is journey 1's): the session's cookie and CSRF token, as the web client sends them.
 */
export async function sendLegalQuestionFromPage(
  page: Page,
  reference: string,
  options: { sensitive?: boolean; question?: string; exercise?: boolean } = {},
): Promise<{ id: string; number: string }> {
  return page.evaluate(
    async ({ reference, sensitive, question, exercise }) => {
      const session = await (await fetch("/api/auth/session")).json();
      const headers = { "content-type": "application/json", "x-csrf-token": session.csrfToken };
      const post = async (path: string, body: unknown) => {
        const res = await fetch(path, { method: "POST", headers, body: JSON.stringify(body) });
        if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
        return res.json();
      };
      const draft = await post("/api/requests", { type: "legal_information", requestedParty: "RO", content: {} });
      const sent = await post(`/api/requests/${draft.id}/send`, {
        type: "legal_information",
        requestedParty: "RO",
        language: "en",
        reference,
        requestingAuthority: {
          organisation: "Fiscalía Nacional, Unidad de Cibercrimen (fictional)",
          personInCharge: "Duty Prosecutor (Chile)",
          address: "1 Example Street, Santiago",
          phone: "+99 2 2555 0100",
          email: "duty.cl@example.org",
          officeHours: "24/7 duty desk",
          timeZone: "America/Santiago",
        },
        confirmationContact: {
          name: "Duty Prosecutor (Chile)",
          phone: "+99 2 2555 0101",
          email: "duty.cl@example.org",
        },
        handlingConditions: { purpose: `Investigation ${reference}`, sensitive },
        details: { subject: "Retention of connection logs", details: question },
        exercise,
      });
      return { id: sent.id as string, number: sent.number as string };
    },
    {
      reference,
      sensitive: options.sensitive ?? false,
      question: options.question ?? "How long do providers keep connection logs?",
      exercise: options.exercise ?? false,
    },
  );
}
