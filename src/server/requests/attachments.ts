import { createHash, randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import type { AttachmentInfo } from "../../shared/requests";
import { appendAudit } from "../audit/log";
import { isApiToken, type Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import type { AppContext, RequestMeta } from "../context";
import type { Tx } from "../db/database";
import { type Params, shaped } from "../db/statement-shapes";
import { parties } from "../directory/tables";
import { badRequest, conflict, HttpError, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { emailOn, notify } from "../notify/notifications";
import { open, seal } from "../vault/keyring";
import { emitWebhookEvent } from "../webhooks/webhooks";
import { purposeDetails, refusePurged, requireVisible, requireWriter } from "./access";
import { sideToTell } from "./handlers";
import { attachmentAad } from "./sealing";
import { requireTransfersAllowed } from "./suspension";
import { requestAttachments } from "./tables";
import { recordStep } from "./timeline";

/** Large enough for a PDF of logs or a screenshot; evidence proper travels by mutual assistance. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_REQUEST = 50;

/**
 * What may be attached, recognised from the content itself (a name can lie): PDF, PNG, JPEG,
 * plain text and CSV (valid UTF-8 without control bytes), and the Office Open XML / OpenDocument
 * formats (a ZIP with their manifest). Anything else, executables and archives included, is refused.
 */
const TYPES: { mediaType: string; extensions: string[]; test: (b: Buffer) => boolean }[] = [
  { mediaType: "application/pdf", extensions: ["pdf"], test: (b) => b.subarray(0, 5).toString("latin1") === "%PDF-" },
  {
    mediaType: "image/png",
    extensions: ["png"],
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    mediaType: "image/jpeg",
    extensions: ["jpg", "jpeg"],
    test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
    test: (b) => zipHas(b, "word/document.xml"),
  },
  {
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
    test: (b) => zipHas(b, "xl/workbook.xml"),
  },
  { mediaType: "application/vnd.oasis.opendocument.text", extensions: ["odt"], test: (b) => zipHas(b, "content.xml") },
  { mediaType: "text/csv", extensions: ["csv"], test: isPlainText },
  { mediaType: "text/plain", extensions: ["txt", "log"], test: isPlainText },
];

function zipHas(b: Buffer, entry: string): boolean {
  if (b.readUInt32LE(0) !== 0x04034b50) return false;
  try {
    // Only the names are read (filter returns false): a ZIP bomb is never inflated.
    let found = false;
    unzipSync(new Uint8Array(b), {
      filter: (f) => {
        if (f.name === entry) found = true;
        return false;
      },
    });
    return found;
  } catch {
    return false;
  }
}

function isPlainText(b: Buffer): boolean {
  if (b.length === 0) return false;
  // Tabs, line ends and form feeds are text; other control bytes are not.
  for (const byte of b)
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** The attachment's type, or the reason it is refused (a 4xx the sender can act on). */
export function recogniseAttachment(filename: string, body: Buffer): { mediaType: string } | { error: HttpError } {
  if (body.length === 0) return { error: badRequest("empty_file", "The file is empty.") };
  if (body.length > MAX_ATTACHMENT_BYTES) {
    return {
      error: new HttpError(
        413,
        "file_too_large",
        "The file is larger than 20 MB: send large evidence by mutual assistance.",
      ),
    };
  }
  const ext = filename.toLowerCase().split(".").pop() ?? "";
  const type = TYPES.find((t) => t.extensions.includes(ext));
  if (!type) {
    const allowed = TYPES.flatMap((t) => t.extensions).join(", ");
    return { error: badRequest("file_type_refused", `Files of type .${ext} cannot be attached. Allowed: ${allowed}.`) };
  }
  if (!type.test(body)) {
    return {
      error: badRequest(
        "file_content_mismatch",
        `The file's content is not ${ext.toUpperCase()}: check it is the file you meant.`,
      ),
    };
  }
  return { mediaType: type.mediaType };
}

/** A name safe to store and to send back in a Content-Disposition header. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // Control characters and quotes would break the download's header; they never belong in a name.
  const kept = Array.from(base.normalize("NFC"))
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code >= 0x20 && code !== 0x7f && ch !== '"';
    })
    .join("");
  return kept.trim().slice(0, 200) || "attachment";
}

export async function attachmentsOf(tx: Tx, requestId: string): Promise<AttachmentInfo[]> {
  const rows = await attachmentRows(tx, { requestId });
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

const attachmentRows = shaped((tx, p: Params<{ requestId: string }>) =>
  tx
    .select({
      id: requestAttachments.id,
      at: requestAttachments.at,
      party: parties.iso2,
      filename: requestAttachments.filename,
      mediaType: requestAttachments.mediaType,
      size: requestAttachments.size,
      sha256: requestAttachments.sha256,
    })
    .from(requestAttachments)
    .innerJoin(parties, eq(parties.id, requestAttachments.partyId))
    .where(eq(requestAttachments.requestId, p.requestId))
    .orderBy(asc(requestAttachments.at), asc(requestAttachments.filename)),
);

export async function addAttachment(
  ctx: AppContext,
  user: Principal,
  requestId: string,
  file: { filename: string; body: Buffer },
  meta: RequestMeta,
): Promise<AttachmentInfo> {
  requireWriter(user);
  const at = ctx.clock.now();
  const filename = cleanFilename(file.filename);
  const recognised = recogniseAttachment(filename, file.body);
  if ("error" in recognised) throw recognised.error;
  return ctx.db.tx(async (tx) => {
    const { row, side } = await requireVisible(tx, user, requestId, { at, forUpdate: true });
    refusePurged(row);
    if (row.state === "closed")
      throw conflict("request_closed", "This request is closed: nothing more can be attached.");
    // A draft's files stay with its sender; sending it is checked then.
    if (row.state !== "draft") {
      await requireTransfersAllowed(
        tx,
        user.partyId as string,
        side === "sender" ? (row.requestedPartyId as string) : row.senderPartyId,
      );
    }
    const existing = await tx
      .select({ id: requestAttachments.id })
      .from(requestAttachments)
      .where(eq(requestAttachments.requestId, row.id));
    if (existing.length >= MAX_ATTACHMENTS_PER_REQUEST) {
      throw conflict("too_many_attachments", `A request holds at most ${MAX_ATTACHMENTS_PER_REQUEST} attachments.`);
    }
    const id = randomUUID();
    const sha256 = createHash("sha256").update(file.body).digest("hex");
    await tx.insert(requestAttachments).values({
      id,
      requestId: row.id,
      at,
      uploadedBy: isApiToken(user) ? null : user.id,
      partyId: user.partyId as string,
      filename,
      mediaType: recognised.mediaType,
      size: file.body.length,
      sha256,
      keyId: ctx.keyring.current,
      sealed: seal(ctx.keyring, file.body, attachmentAad(id)),
    });
    if (row.state !== "draft") {
      await recordStep(
        tx,
        row,
        {
          kind: "message",
          actor: { userId: isApiToken(user) ? null : user.id, partyId: user.partyId, email: null },
          facts: { attachment: filename },
        },
        at,
      );
      // The other side learns that something was added (not what: the name may say too much).
      const other = side === "sender" ? (row.requestedPartyId as string) : row.senderPartyId;
      await notify(
        tx,
        await sideToTell(tx, row, other),
        { kind: "request.message", params: { number: row.number }, link: `/requests/${row.id}` },
        at,
        emailOn(ctx),
      );
      await emitWebhookEvent(tx, other, "request.message", { id: row.id, number: row.number }, at);
    }
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "request.attachment_added",
      targetType: "request",
      targetId: row.id,
      details: { attachment: id, size: file.body.length, mediaType: recognised.mediaType, sha256 },
    });
    const [party] = await tx
      .select({ iso2: parties.iso2 })
      .from(parties)
      .where(eq(parties.id, user.partyId as string));
    return {
      id,
      at: at.toISOString(),
      party: party?.iso2 ?? "",
      filename,
      mediaType: recognised.mediaType,
      size: file.body.length,
      sha256,
    };
  }, actorOf(user));
}

/** The file, opened for one of the two Parties; every download is a disclosure and is logged. */
export async function downloadAttachment(
  ctx: AppContext,
  user: Principal,
  requestId: string,
  attachmentId: string,
  meta: RequestMeta,
): Promise<{ filename: string; mediaType: string; body: Buffer }> {
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const { row, purpose } = await requireVisible(tx, user, requestId, { at });
    refusePurged(row);
    const [att] = await tx
      .select()
      .from(requestAttachments)
      .where(and(eq(requestAttachments.id, attachmentId), eq(requestAttachments.requestId, row.id)));
    if (!att) throw notFound("No such attachment on this request.");
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "request.attachment_downloaded",
      targetType: "request",
      targetId: row.id,
      details: { attachment: att.id, ...purposeDetails(purpose) },
    });
    return {
      filename: att.filename,
      mediaType: att.mediaType,
      // The drivers hand bytea back as Buffer (pg) or Uint8Array (PGlite).
      body: open(ctx.keyring, Buffer.from(att.sealed), attachmentAad(att.id)),
    };
  }, actorOf(user));
}
