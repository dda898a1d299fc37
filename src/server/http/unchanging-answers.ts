/**
 * Answers that an instance gives again as they are: a search answered from memory is the same
 * object for every caller of the same minute (search-cache.ts). Marked here, an answer is frozen,
 * deeply, so that nothing can change it once sent, and the response serializer (app.ts) projects
 * and writes it once: a 49 KB search answer is then not walked and stringified again per call,
 * nor encoded again to UTF-8 for the socket (it is kept as bytes, which Fastify sends as they are).
 */
const serialized = new WeakMap<object, Buffer>();
const unchanging = new WeakSet<object>();

export function unchangingAnswer<T extends object>(answer: T): T {
  unchanging.add(deepFreeze(answer));
  return answer;
}

/** The answer's JSON: kept, as bytes, from its first serialization if the answer is marked unchanging. */
export function serializeOnce(data: unknown, serialize: (data: unknown) => string): string | Buffer {
  if (typeof data !== "object" || data === null || !unchanging.has(data)) return serialize(data);
  const kept = serialized.get(data);
  if (kept !== undefined) return kept;
  const json = Buffer.from(serialize(data));
  serialized.set(data, json);
  return json;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
