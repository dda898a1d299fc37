import { z } from "zod";

/**
 * A response schema compiled once into a projection: what `schema.safeParse(data)` answers for
 * the data a handler returns, at a fraction of the cost. Objects keep only their declared keys,
 * in declared order, so a column never leaks by accident; containers and plain leaves (string,
 * number, boolean, enum, literal, date, null) check their type, so a shape error still fails.
 * What is not re-run is the leaves' checks and normalisations (formats, lengths, refinements,
 * trim, E.164…): the data went through them on its way in, they are idempotent on their own
 * output, and re-running them on every answer was the cost. A transform after a container (the
 * opening hours' empty list as null) is run by zod on the projected value. Where a node cannot
 * be projected faithfully (a union of objects, an intersection, a loose or strict object,
 * preprocess, a codec, custom, catch…) zod parses that subtree. Any failure is reported by a
 * full parse, whose issues name the path. Checking mode (config.checkResponses, on in the
 * tests) compares every answer with parsing.
 */

type Node = z.core.$ZodType;
type Project = (value: unknown) => unknown;

/** Thrown inside a projection when a value has not its node's shape; caught by compileProjection. */
const MISMATCH = Symbol("projection mismatch");
function mismatch(): never {
  throw MISMATCH;
}

/** Compiled once per schema node: shared schemas serve many routes, and recursion ends on itself. */
const compiled = new WeakMap<Node, Project>();
/** Projections that answer their own input when it is valid: an array of them needs no copy. */
const preserving = new WeakSet<Project>();
/**
 * How a generated object projection writes a field inline: an expression of the field's value
 * `x` that may call the field's own projection `f` on a rare branch (a wrapper's `f` answers
 * there what its inner one would).
 */
type Inline = (x: string, f: string) => string;
const inline = new WeakMap<Project, Inline>();

function described(project: Project, options: { preserves?: boolean; inline?: Inline }): Project {
  if (options.preserves) preserving.add(project);
  if (options.inline) inline.set(project, options.inline);
  return project;
}
/** A leaf checked by `condition`, answering its input. */
function leaf(check: Project, condition?: (x: string) => string): Project {
  return described(check, {
    preserves: true,
    inline: condition && ((x) => `(${condition(x)} ? ${x} : mismatch())`),
  });
}
const identity = described((v) => v, { preserves: true, inline: (x) => x });
const isString = leaf(
  (v) => (typeof v === "string" ? v : mismatch()),
  (x) => `typeof ${x} === "string"`,
);
// Number.isFinite is false for NaN, the infinities and anything not a number, as zod's check.
const isNumber = leaf(
  (v) => (Number.isFinite(v) ? v : mismatch()),
  (x) => `Number.isFinite(${x})`,
);
const isBoolean = leaf(
  (v) => (typeof v === "boolean" ? v : mismatch()),
  (x) => `typeof ${x} === "boolean"`,
);
const isBigint = leaf((v) => (typeof v === "bigint" ? v : mismatch()));
const isDate = leaf((v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v : mismatch()));
const isNull = leaf(
  (v) => (v === null ? v : mismatch()),
  (x) => `${x} === null`,
);
const isUndefined = leaf(
  (v) => (v === undefined ? v : mismatch()),
  (x) => `${x} === undefined`,
);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * What a projection answers: like `schema.safeParse(data)`. On success the data serialises to
 * the same JSON as the parsed data's; on failure the error is zod's own. `reparsed` says the
 * projection refused data that zod's parse accepted (and answered): a projection stricter than
 * zod, which checking mode reports.
 */
export type Projected = { success: true; data: unknown; reparsed?: true } | { success: false; error: z.ZodError };

/** The projection of `schema`, compiled once. */
export function compileProjection(schema: z.ZodType): (data: unknown) => Projected {
  const project = projector(schema);
  return (data) => {
    try {
      return { success: true, data: project(data) };
    } catch (e) {
      if (e !== MISMATCH) throw e;
    }
    // The cold path: zod says what is wrong and where.
    const r = schema.safeParse(data);
    return r.success ? { success: true, data: r.data, reparsed: true } : { success: false, error: r.error };
  };
}

function projector(node: Node): Project {
  const known = compiled.get(node);
  if (known) return known;
  // A recursive schema (z.lazy, a getter in an object's shape) reaches itself while compiling:
  // it meets this stub, which calls the compiled projection once there is one.
  let impl: Project | undefined;
  compiled.set(node, (v) => (impl as Project)(v));
  impl = build(node);
  compiled.set(node, impl);
  return impl;
}

/** The node parsed by zod: for what the projection cannot reproduce. */
function parsed(node: Node): Project {
  return (v) => {
    const r = z.safeParse(node, v);
    return r.success ? r.data : mismatch();
  };
}

/** A check that rewrites the value (trim, toLowerCase, overwrite), which a container must not skip. */
function rewrites(def: z.core.$ZodTypeDef): boolean {
  return def.checks?.some((c) => c._zod.def.check === "overwrite") ?? false;
}

function build(node: Node): Project {
  const def = (node as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    // Leaves: their type is checked, their checks and normalisations are not re-run (see above).
    case "string":
    case "template_literal":
      return "coerce" in def && def.coerce ? parsed(node) : isString;
    case "number":
      return def.coerce ? parsed(node) : isNumber;
    case "boolean":
      return def.coerce ? parsed(node) : isBoolean;
    case "bigint":
      return def.coerce ? parsed(node) : isBigint;
    case "date":
      return def.coerce ? parsed(node) : isDate;
    case "enum":
    case "literal": {
      const values = node._zod.values as Set<unknown>;
      return leaf((v) => (values.has(v) ? v : mismatch()));
    }
    case "null":
      return isNull;
    case "undefined":
    case "void":
      return isUndefined;
    case "never":
      return mismatch;
    case "any":
    case "unknown":
    case "symbol":
    case "nan":
    case "file":
      return identity;
  }
  if (rewrites(def)) return parsed(node);
  switch (def.type) {
    case "object":
      // A loose object keeps unknown keys and a strict one refuses them: zod's business.
      return def.catchall ? parsed(node) : object(def.shape);
    case "array":
      return array(projector(def.element));
    case "record":
      return record(node, def);
    case "optional": {
      // Exact optional refuses an explicit undefined, which the projection cannot tell from absence.
      if (node._zod.traits.has("$ZodExactOptional")) return parsed(node);
      const inner = projector(def.innerType);
      // .optional() of a defaulted schema leaves absence to the default (as zod does).
      if (def.innerType._zod.optin === "defaulted") return inner;
      return passing(inner, undefined, (v) => (v === undefined ? undefined : inner(v)));
    }
    case "nullable": {
      const inner = projector(def.innerType);
      return passing(inner, null, (v) => (v === null ? null : inner(v)));
    }
    case "default": {
      // zod answers the default itself, unparsed, for undefined in or out (so does this).
      const inner = projector(def.innerType);
      const project: Project = (v) => {
        if (v === undefined) return def.defaultValue;
        const r = inner(v);
        return r === undefined ? def.defaultValue : r;
      };
      // A preserving inner answers undefined for undefined only: the default's own branch.
      const expression = preserving.has(inner) ? inline.get(inner) : undefined;
      return described(project, {
        inline: expression && ((x, f) => `(${x} === undefined ? ${f}(${x}) : ${expression(x, f)})`),
      });
    }
    case "prefault": {
      const inner = projector(def.innerType);
      return (v) => inner(v === undefined ? def.defaultValue : v);
    }
    case "nonoptional": {
      const inner = projector(def.innerType);
      return (v) => {
        const r = inner(v);
        return r === undefined ? mismatch() : r;
      };
    }
    case "readonly":
      // Frozen by zod; the same JSON.
      return projector(def.innerType);
    case "lazy": {
      let inner: Project | undefined;
      return (v) => {
        inner ??= projector(def.getter());
        return inner(v);
      };
    }
    case "union":
      if (node._zod.traits.has("$ZodDiscriminatedUnion")) {
        return discriminated(node, def as z.core.$ZodDiscriminatedUnionDef);
      }
      // A union of leaves answers its input; which branch of objects zod would pick (the first
      // that parses), only zod knows.
      return def.options.some(structural) ? parsed(node) : identity;
    case "pipe": {
      // A codec, and preprocess (a transform first), are zod's.
      if (node._zod.traits.has("$ZodCodec") || def.in._zod.def.type === "transform") return parsed(node);
      if (structural(def.in) || structural(def.out)) {
        // Through a container: the transform (run by zod) gets the projected value, as it gets
        // the parsed one from zod; not the handler's own array or record, which it might change.
        const first = projector(def.in);
        const then = projector(def.out);
        if (def.out._zod.def.type === "transform" && preserving.has(first)) return parsed(node);
        return (v) => then(first(v));
      }
      // A leaf's normalisation (E.164, an empty text as null…) is idempotent on its own output,
      // which the data is; an absent value is the one a transform may turn into something (?? null).
      const pipe = parsed(node);
      return described((v) => (v === undefined ? pipe(v) : v), {
        inline: (x, f) => `(${x} === undefined ? ${f}(${x}) : ${x})`,
      });
    }
    default:
      // intersection, tuple, map, set, transform, catch, success, custom, function, promise.
      return parsed(node);
  }
}

/** Optional and nullable: `absent` passes, anything else is the inner projection's. */
function passing(inner: Project, absent: null | undefined, project: Project): Project {
  const expression = inline.get(inner);
  return described(project, {
    preserves: preserving.has(inner),
    inline: expression && ((x, f) => `(${x} === ${absent} ? ${absent} : ${expression(x, f)})`),
  });
}

/**
 * An object keeps its declared keys, in declared order. Generated code when zod may generate
 * its own (not jitless): one object literal of named properties, leaf checks inline, is several
 * times faster than keyed writes in a loop. Undefined values stay for JSON.stringify to leave out.
 */
function object(shape: Record<string, Node>): Project {
  // zod never copies __proto__ into its output.
  const keys = Object.keys(shape).filter((k) => k !== "__proto__");
  const fields = keys.map((k) => projector(shape[k] as Node));
  if (!z.core.globalConfig.jitless && z.util.allowsEval.value) {
    const lines = ["if (typeof v !== 'object' || v === null || Array.isArray(v)) mismatch();"];
    const values = keys.map((key, i) => {
      const name = JSON.stringify(key);
      const expression = inline.get(fields[i] as Project);
      if (!expression) return `${name}: f${i}(v[${name}])`;
      lines.push(`const x${i} = v[${name}];`);
      return `${name}: ${expression(`x${i}`, `f${i}`)}`;
    });
    lines.push(`return { ${values.join(", ")} };`);
    const names = fields.map((_, i) => `f${i}`);
    const make = new Function("mismatch", ...names, `return function project(v) {\n${lines.join("\n")}\n};`);
    return make(mismatch, ...fields) as Project;
  }
  const n = keys.length;
  return (v) => {
    if (!isObject(v)) mismatch();
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const key = keys[i] as string;
      out[key] = (fields[i] as Project)(v[key]);
    }
    return out;
  };
}

function array(element: Project): Project {
  if (preserving.has(element)) {
    return (v) => {
      if (!Array.isArray(v)) mismatch();
      if (element !== identity) for (let i = 0; i < v.length; i++) element(v[i]);
      return v;
    };
  }
  return (v) => {
    if (!Array.isArray(v)) mismatch();
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = element(v[i]);
    return out;
  };
}

function record(node: Node, def: z.core.$ZodRecordDef): Project {
  const key = def.keyType._zod.def;
  // Only string keys that every key passes unchanged; enum keys (exhaustive), key formats and
  // key transforms are zod's.
  const plainKeys = key.type === "string" && !(key as z.core.$ZodStringDef).coerce && !key.checks?.length;
  if (!plainKeys) return parsed(node);
  const value = projector(def.valueType);
  return (v) => {
    if (!z.util.isPlainObject(v)) mismatch();
    const input = v as Record<string, unknown>;
    // A record of unknown values is its input (content, params…), unless it owns a __proto__
    // key, which zod leaves out and JSON.stringify would not.
    if (value === identity && !Object.hasOwn(input, "__proto__")) return input;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(input)) {
      if (k === "__proto__") continue;
      const r = value(input[k]);
      if (r !== undefined) out[k] = r;
    }
    return out;
  };
}

function discriminated(node: Node, def: z.core.$ZodDiscriminatedUnionDef): Project {
  const disc = def.discriminator;
  // Built on first use, like zod's own map: an option may be lazy.
  let options: Map<unknown, Project | null> | undefined;
  const optionMap = () => {
    const map = new Map<unknown, Project | null>();
    for (const option of def.options) {
      for (const value of option._zod.propValues?.[disc] ?? []) {
        // Two options claiming the same value (possible for undefined only): neither is chosen.
        map.set(value, map.has(value) ? null : projector(option));
      }
    }
    return map;
  };
  const fallback = def.unionFallback ? parsed(node) : mismatch;
  return (v) => {
    if (!isObject(v)) mismatch();
    options ??= optionMap();
    const option = options.get(v[disc]);
    return option ? option(v) : fallback(v);
  };
}

/** Whether a node's output may be a container, which a projection must rebuild, not pass on. */
function structural(node: Node): boolean {
  const def = (node as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case "object":
    case "array":
    case "record":
    case "tuple":
    case "map":
    case "set":
    case "intersection":
    case "lazy":
      return true;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return structural(def.innerType);
    case "pipe":
      return structural(def.in) || structural(def.out);
    case "union":
      return def.options.some(structural);
    default:
      return false;
  }
}
