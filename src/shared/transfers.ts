import { z } from "zod";
import { Iso2 } from "./directory";

/**
 * Transfers between Parties under Art. 14 of the Second Additional Protocol: a Party may suspend
 * transfers to another Party (para. 15), and data received may go on to a third State or an
 * international organisation only with the sending Party's prior authorisation (para. 10).
 */

const required = (max: number, message: string) => z.string().trim().min(1, message).max(max);

// ---------------------------------------------------------------------------------------------
// Suspension (para. 15)
// ---------------------------------------------------------------------------------------------

export const SuspendInput = z.object({
  /** The Party whose transfers stop; a Party admin may only name its own (the Secretariat any). */
  fromParty: Iso2,
  /** The Party that no longer receives them. */
  toParty: Iso2,
  reason: required(5000, "Give the reason for suspending transfers"),
});
export type SuspendInput = z.infer<typeof SuspendInput>;

export const LiftInput = z.object({ reason: required(5000, "Say why transfers may resume") });
export type LiftInput = z.infer<typeof LiftInput>;

const PartyBrief = z.object({ iso2: z.string(), nameEn: z.string(), nameFr: z.string() });

export const Suspension = z.object({
  id: z.uuid(),
  from: PartyBrief,
  to: PartyBrief,
  reason: z.string(),
  suspendedAt: z.iso.datetime(),
  suspendedBy: z.string(),
  liftedAt: z.iso.datetime().nullable(),
  liftedBy: z.string().nullable(),
  liftReason: z.string().nullable(),
});
export type Suspension = z.infer<typeof Suspension>;

export const SuspensionList = z.object({
  items: z.array(Suspension),
  /** Whether the caller may suspend or lift (for its own Party, or any for the Secretariat). */
  canManage: z.boolean(),
});
export type SuspensionList = z.infer<typeof SuspensionList>;

export const SuspensionQuery = z.object({
  /** Lifted suspensions too (the history). */
  all: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});

// ---------------------------------------------------------------------------------------------
// Onward transfer (para. 10)
// ---------------------------------------------------------------------------------------------

export const ONWARD_RECIPIENT_KINDS = ["state", "organisation"] as const;
export const ONWARD_TRANSFER_STATUSES = ["pending", "authorised", "refused"] as const;
export type OnwardTransferStatus = (typeof ONWARD_TRANSFER_STATUSES)[number];

/** The requested Party asks the sender: may these data go on to this State or organisation, for this? */
export const OnwardTransferAsk = z
  .object({
    recipientKind: z.enum(ONWARD_RECIPIENT_KINDS, { message: "Say whether it is a State or an organisation" }),
    /** A State: its ISO code. */
    recipientState: Iso2.optional(),
    /** An organisation (or a State that is no Party, by name). */
    recipientName: z.string().trim().max(300).optional(),
    purpose: required(5000, "Give the purpose of the transfer"),
  })
  .superRefine((v, ctx) => {
    if (v.recipientKind === "state" && !v.recipientState && !v.recipientName) {
      ctx.addIssue({ code: "custom", path: ["recipientState"], message: "Name the State" });
    }
    if (v.recipientKind === "organisation" && !v.recipientName) {
      ctx.addIssue({ code: "custom", path: ["recipientName"], message: "Name the organisation" });
    }
  });
export type OnwardTransferAsk = z.infer<typeof OnwardTransferAsk>;

export const OnwardTransferDecision = z.discriminatedUnion(
  "decision",
  [
    z.object({ decision: z.literal("authorised"), conditions: z.string().trim().max(5000).default("") }),
    z.object({ decision: z.literal("refused"), reason: required(5000, "Give the reason for refusing") }),
  ],
  { message: "Decide: authorised or refused" },
);
export type OnwardTransferDecision = z.infer<typeof OnwardTransferDecision>;

export const OnwardTransfer = z.object({
  id: z.uuid(),
  recipientKind: z.enum(ONWARD_RECIPIENT_KINDS),
  recipientState: z.string().nullable(),
  recipientName: z.string().nullable(),
  purpose: z.string(),
  status: z.enum(ONWARD_TRANSFER_STATUSES),
  askedAt: z.iso.datetime(),
  askedBy: z.string(),
  decidedAt: z.iso.datetime().nullable(),
  decidedBy: z.string().nullable(),
  /** Conditions of an authorisation, or the reason for a refusal. */
  decisionNote: z.string().nullable(),
});
export type OnwardTransfer = z.infer<typeof OnwardTransfer>;

export const OnwardTransferList = z.object({
  items: z.array(OnwardTransfer),
  /** The requested side may ask; the sending side decides. */
  canAsk: z.boolean(),
  canDecide: z.boolean(),
});
export type OnwardTransferList = z.infer<typeof OnwardTransferList>;

export const OnwardCheckQuery = z.object({
  recipientState: Iso2.optional(),
  recipientName: z.string().trim().min(1).max(300).optional(),
});

/** The answer to "may we forward these data to this recipient?": yes only with a recorded authorisation. */
export const OnwardCheck = z.object({
  allowed: z.boolean(),
  authorisation: OnwardTransfer.nullable(),
});
