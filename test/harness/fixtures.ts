import { eq } from "drizzle-orm";
import type { UserRow } from "../../src/server/auth/users";
import type { AppContext } from "../../src/server/context";
import { SYSTEM_ACTOR } from "../../src/server/db/database";
import { requireParty } from "../../src/server/directory/entries";
import { contactPoints, directoryReleases } from "../../src/server/directory/tables";
import { recordIncident } from "../../src/server/incidents/incidents";
import { addAttachment } from "../../src/server/requests/attachments";
import { requestEvents } from "../../src/server/requests/tables";
import { webhooks } from "../../src/server/webhooks/tables";
import type { TestClient } from "./http";
import { sendLegalQuestion } from "./requests";

/**
 * What the path parameters of a test that calls every route point at (on the demo network): a
 * request sent by the officer from CL to RO with an attachment, an incident the Secretariat records
 * on CL, and a webhook of CL; with the ids of CL's contact point, of a directory release and of the
 * request's first event. `incidentInput` is the incident as POST /api/incidents takes it.
 */
export async function routeFixtures(
  ctx: AppContext,
  officer: { client: TestClient; user: UserRow },
  secretariat: UserRow,
) {
  const meta = { ip: null, userAgent: null };
  const sent = await sendLegalQuestion(officer.client, "RO");
  if (sent.statusCode !== 200) throw new Error(`send refused: ${sent.body}`);
  const requestId = sent.draftId;
  const attachment = await addAttachment(
    ctx,
    officer.user,
    requestId,
    { filename: "logs.txt", body: Buffer.from("fictional logs\n") },
    meta,
  );
  const incidentInput = {
    title: "Mis-sent e-mail (fictional)",
    detectedAt: ctx.clock.now().toISOString(),
    description: "A notification went to a wrong address.",
    dataCategories: ["messages"],
    affectedParties: ["CL"],
    requestNumbers: [],
    measures: "The recipient deleted it.",
  };
  const incident = await recordIncident(ctx, secretariat, incidentInput as Parameters<typeof recordIncident>[2], meta);
  const ids = await ctx.db.tx(async (tx) => {
    const cl = await requireParty(tx, "CL");
    const [hook] = await tx
      .insert(webhooks)
      .values({
        partyId: cl.id,
        url: "https://cases.cl.example.org/vigil",
        events: ["request.received"],
        secret: "whsec_test-only",
        createdAt: ctx.clock.now(),
      })
      .returning({ id: webhooks.id });
    const [point] = await tx
      .select({ id: contactPoints.id })
      .from(contactPoints)
      .where(eq(contactPoints.partyId, cl.id));
    const [release] = await tx.select({ version: directoryReleases.version }).from(directoryReleases).limit(1);
    const [event] = await tx
      .select({ id: requestEvents.id })
      .from(requestEvents)
      .where(eq(requestEvents.requestId, requestId))
      .limit(1);
    return { webhookId: hook?.id, contactPointId: point?.id, version: release?.version, eventId: event?.id };
  }, SYSTEM_ACTOR);
  return { requestId, attachmentId: attachment.id, incidentId: incident.id, incidentInput, ...ids };
}
