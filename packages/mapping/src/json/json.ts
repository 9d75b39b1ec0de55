// The JSON helpers of the mapping core: one copy of each (records, pointers,
// equality, safe copies) for the compiled mappers, the profiles and the
// conformance kit.
import { JsonNumber } from "./number.js";

/** Keys that must never be copied into a plain object. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Whether `value` is a plain (non-array, non-null) object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof JsonNumber);
}

/** Own-property read that never reaches `Object.prototype`. */
export function own(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Escapes one JSON Pointer reference token (RFC 6901). */
export function pointerToken(key: string | number): string {
  const text = String(key);
  return text.includes("~") || text.includes("/") ? text.replace(/~/g, "~0").replace(/\//g, "~1") : text;
}

/** `/a/b~1c` for the tokens `["a", "b/c"]`. */
export function pointerOf(tokens: readonly (string | number)[]): string {
  let out = "";
  for (const t of tokens) out += "/" + pointerToken(t);
  return out;
}

/** The tokens of a JSON Pointer (`""` → `[]`). */
export function pointerTokens(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Whether `Object.prototype` has no enumerable properties, so that for-in sees own keys only. */
export function cleanObjectPrototype(): boolean {
  for (const _ in Object.prototype) return false;
  return true;
}

/** A short description of a value for messages: strings are quoted and cut at 40 characters. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof JsonNumber) return value.text.length > 40 ? value.text.slice(0, 40) + "…" : value.text;
  if (typeof value === "string") return `"${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeof value === "object" ? "an object" : typeof value;
}

/**
 * Structural equality of JSON values (object key order ignored). Objects are
 * equal when they have the same own keys with equal values; keys whose value
 * is `undefined` count as absent. A {@link JsonNumber} equals another with the
 * same text, and a double only when the double prints as that text.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof JsonNumber || b instanceof JsonNumber) {
    const ta = a instanceof JsonNumber ? a.text : typeof a === "number" ? String(a) : undefined;
    const tb = b instanceof JsonNumber ? b.text : typeof b === "number" ? String(b) : undefined;
    return ta !== undefined && ta === tb;
  }
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
export type CopyResult =
  | { readonly ok: true; readonly value: unknown; readonly numbers?: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly path: string; readonly reason: "depth" | "type" | "key" | "range" };

/** Options of {@link copyJson}. */
export interface CopyOptions {
  /** Keys left out of the copy at any depth (transport annotations of the protocol). */
  readonly drop?: (key: string, value: unknown) => boolean;
  /** Keep {@link JsonNumber}s as they are (a copy for comparison, not for extensions). */
  readonly keepNumbers?: boolean;
}

/**
 * Copies a JSON value into plain JSON: {@link JsonNumber}s become doubles and
 * their exact texts are returned in `numbers` by relative JSON Pointer, so the
 * caller can restore them. Refuses non-JSON values, forbidden keys and nesting
 * deeper than `maxDepth` (which also bounds the recursion).
 */
export function copyJson(value: unknown, maxDepth: number, options: CopyOptions = {}): CopyResult {
  const numbers: Record<string, string> = {};
  const state = { numbers, any: false, keep: options.keepNumbers === true };
  const r = copy(value, maxDepth, "", options.drop, state);
  if (!r.ok) return r;
  return state.any ? { ok: true, value: r.value, numbers } : r;
}

function copy(value: unknown, depth: number, path: string, drop: CopyOptions["drop"], state: { numbers: Record<string, string>; any: boolean; keep: boolean }): CopyResult {
  if (value === null || typeof value === "string" || typeof value === "boolean") return { ok: true, value };
  if (typeof value === "number") return Number.isFinite(value) ? { ok: true, value } : { ok: false, path, reason: "type" };
  if (value instanceof JsonNumber) {
    if (state.keep) return { ok: true, value };
    // 1e400 is valid JSON but no double: the plain copy (what the canonical object holds) cannot carry it.
    if (!Number.isFinite(Number(value.text))) return { ok: false, path, reason: "range" };
    state.numbers[path] = value.text;
    state.any = true;
    return { ok: true, value: Number(value.text) };
  }
  if (typeof value !== "object") return { ok: false, path, reason: "type" };
  if (depth <= 0) return { ok: false, path, reason: "depth" };
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const r = copy(value[i], depth - 1, `${path}/${i}`, drop, state);
      if (!r.ok) return r;
      out[i] = r.value;
    }
    return { ok: true, value: out };
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    // A property set to undefined is absent, as JSON.stringify and the rest of the core read it.
    if (child === undefined || drop?.(key, child) === true) continue;
    if (FORBIDDEN_KEYS.has(key)) return { ok: false, path: `${path}/${pointerToken(key)}`, reason: "key" };
    const r = copy(child, depth - 1, `${path}/${pointerToken(key)}`, drop, state);
    if (!r.ok) return r;
    out[key] = r.value;
  }
  return { ok: true, value: out };
}

/** Puts exact number texts back into a copied value (the inverse of {@link copyJson}'s `numbers`), where the double still matches. */
export function restoreNumbers(value: unknown, numbers: Readonly<Record<string, string>>): unknown {
  let root = value;
  let copied: Set<unknown> | undefined;
  for (const [pointer, text] of Object.entries(numbers)) {
    const tokens = pointerTokens(pointer);
    if (tokens.length === 0) {
      if (typeof root === "number" && root === Number(text)) root = new JsonNumber(text);
      continue;
    }
    let parent: unknown = root;
    for (let i = 0; i < tokens.length - 1; i++) {
      if (!(isRecord(parent) || Array.isArray(parent))) {
        parent = undefined;
        break;
      }
      const container = parent as Record<string, unknown>;
      const key = tokens[i] ?? "";
      let next = container[key];
      // Nested containers may be shared with the caller's object (kept vendor values in its extensions): copy them
      // before writing, so that restoring exact numbers never changes the input.
      if (isRecord(next) || Array.isArray(next)) {
        if (!(copied ??= new Set()).has(next)) {
          next = Array.isArray(next) ? [...(next as unknown[])] : { ...(next as Record<string, unknown>) };
          copied.add(next);
          container[key] = next;
        }
      }
      parent = next;
    }
    const last = tokens[tokens.length - 1] ?? "";
    if ((isRecord(parent) || Array.isArray(parent)) && typeof (parent as Record<string, unknown>)[last] === "number" && (parent as Record<string, unknown>)[last] === Number(text)) {
      (parent as Record<string, unknown>)[last] = new JsonNumber(text);
    }
  }
  return root;
}

/** `encodeURIComponent` that never throws: lone surrogates are replaced by U+FFFD first. */
export function encodeUriPart(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"));
  }
}
