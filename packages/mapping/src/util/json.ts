// Small JSON helpers shared by the compiled mappers and the conformance kit.

/** Keys that must never be copied into a plain object. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Whether `value` is a plain (non-array, non-null) object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether `value` is an unexpanded OData V2 navigation link `{ "__deferred": { "uri": ... } }`. */
export function isDeferred(value: unknown): boolean {
  return isRecord(value) && "__deferred" in value;
}

/**
 * Structural equality of JSON values (object key order ignored). Objects
 * compare equal when they have the same own keys with equal values;
 * `undefined`-valued keys count as absent.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>, rb = b as Record<string, unknown>;
  let countA = 0;
  for (const key of Object.keys(ra)) {
    if (ra[key] === undefined) continue;
    countA++;
    if (!Object.prototype.hasOwnProperty.call(rb, key) || !jsonEqual(ra[key], rb[key])) return false;
  }
  let countB = 0;
  for (const key of Object.keys(rb)) if (rb[key] !== undefined) countB++;
  return countA === countB;
}

/** Outcome of {@link copyJson}: the copy, or why it failed and where (a relative JSON Pointer). */
export type CopyResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly path: string; readonly reason: "depth" | "type" | "key" };

/**
 * Copies a JSON value, leaving out OData V2 transport annotations
 * (`__metadata`, `__deferred` links) at any depth. Refuses non-JSON values,
 * forbidden keys and nesting deeper than `maxDepth` (which also bounds the
 * recursion, so hostile nesting cannot overflow the stack).
 */
export function copyJson(value: unknown, maxDepth: number): CopyResult {
  return copy(value, maxDepth, "");
}

function copy(value: unknown, depth: number, path: string): CopyResult {
  if (value === null || typeof value === "string" || typeof value === "boolean") return { ok: true, value };
  if (typeof value === "number") return Number.isFinite(value) ? { ok: true, value } : { ok: false, path, reason: "type" };
  if (typeof value !== "object") return { ok: false, path, reason: "type" };
  if (depth <= 0) return { ok: false, path, reason: "depth" };
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const r = copy(value[i], depth - 1, `${path}/${i}`);
      if (!r.ok) return r;
      out[i] = r.value;
    }
    return { ok: true, value: out };
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === "__metadata") continue;
    const child = (value as Record<string, unknown>)[key];
    if (isDeferred(child)) continue;
    if (FORBIDDEN_KEYS.has(key)) return { ok: false, path: `${path}/${key}`, reason: "key" };
    const r = copy(child, depth - 1, `${path}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
    if (!r.ok) return r;
    out[key] = r.value;
  }
  return { ok: true, value: out };
}
