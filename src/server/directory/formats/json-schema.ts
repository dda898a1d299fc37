import { z } from "zod";
import { DirectoryDocument } from "../../../shared/directory";
import { ISO_639_1 } from "../../../shared/languages";

export const DIRECTORY_SCHEMA_ID = "https://vigil.example.org/schemas/directory-release.schema.json";

type JsonObject = Record<string, unknown>;

function zodDef(schema: unknown): { type: string; in?: unknown; out?: unknown } {
  return (schema as { _zod: { def: { type: string; in?: unknown; out?: unknown } } })._zod.def;
}

function replaceContents(target: JsonObject, source: JsonObject): void {
  for (const k of Object.keys(target)) delete target[k];
  const { $schema: _ignored, ...rest } = source;
  Object.assign(target, rest);
}

/**
 * Legal profile fields added after releases of vigil.directory/1 were published and signed:
 * those releases cannot change, so the schema lets them leave the fields out (read as null).
 */
const LEGAL_PROFILE_FIELDS_ADDED = ["ackTargetMinutes", "emergencyAckTargetMinutes"] as const;

function allowOmitted(schema: JsonObject): void {
  const at = (o: unknown, ...keys: string[]) =>
    keys.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as JsonObject)[k] : undefined), o);
  const legal = at(schema, "properties", "parties", "items", "properties", "legalProfile") as JsonObject | undefined;
  if (!legal || !Array.isArray(legal.required)) throw new Error("directory schema: legal profile not found");
  const added: readonly string[] = LEGAL_PROFILE_FIELDS_ADDED;
  legal.required = legal.required.filter((k) => !added.includes(k as string));
}

let cached: JsonObject | undefined;

/**
 * The published JSON Schema (draft 2020-12) of the JSON export, generated from the shared Zod
 * contract so the two cannot drift. It describes the output side: what an export contains, with
 * defaults applied. Zod cannot express its transforms or refinements in JSON Schema, so:
 * - a field normalised by a transform (empty text → null) is described by the value before the
 *   transform, which is also what the export holds;
 * - a validation chain ending in a plain string (e-mail, then length) keeps the e-mail format;
 * - language codes, checked by a refinement, are given as the ISO 639-1 list;
 * - time zones stay "a string": which IANA names exist depends on the reader's time zone database.
 */
export function directoryJsonSchema(): JsonObject {
  cached ??= build();
  // A copy: callers may add to it (e.g. an OpenAPI document) without changing ours.
  return structuredClone(cached);
}

function build(): JsonObject {
  const target = "draft-2020-12" as const;
  const schema = z.toJSONSchema(DirectoryDocument, {
    io: "output",
    target,
    unrepresentable: "any",
    override(ctx) {
      const def = zodDef(ctx.zodSchema);
      const json = ctx.jsonSchema as JsonObject;
      if (def.type === "pipe" && def.out && zodDef(def.out).type === "transform") {
        replaceContents(json, z.toJSONSchema(def.in as z.ZodType, { io: "output", target }) as JsonObject);
      } else if (def.type === "pipe" && json.type === "string" && json.format === undefined) {
        // Carry a string format (email) from earlier in the chain to the final step.
        const before = z.toJSONSchema(def.in as z.ZodType, { io: "output", target, unrepresentable: "any" });
        const { format, pattern } = before as JsonObject;
        if (typeof format === "string") Object.assign(json, { format, pattern });
      }
      const last = ctx.path[ctx.path.length - 1];
      const parent = ctx.path[ctx.path.length - 2];
      if (last === "items" && (parent === "languages" || parent === "acceptedLanguages")) {
        json.enum = [...ISO_639_1].sort();
      }
    },
  }) as JsonObject;
  allowOmitted(schema);
  return {
    $schema: schema.$schema,
    $id: DIRECTORY_SCHEMA_ID,
    title: "Vigil directory release",
    description:
      "A release of the directory of the 24/7 Network of contact points (Article 35, Budapest Convention on Cybercrime): " +
      "the JSON export, written as canonical JSON (RFC 8785) and signed with a detached JWS (RFC 7515, EdDSA).",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}
