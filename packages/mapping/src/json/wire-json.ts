// Reading and writing vendor JSON text without losing anything: duplicate keys
// are refused (JSON.parse silently keeps the last one) and number tokens that a
// double would change are kept as JsonNumber. The common case (no duplicates,
// every number exact) costs one scan plus the native JSON.parse.
import type { Issue } from "@mfgsync/canonical";
import { parse as losslessParse, stringify as losslessStringify } from "lossless-json";
import { isRecord, pointerOf } from "./json.js";
import { JsonNumber, isExactNumberToken } from "./number.js";

/** Outcome of {@link parseWireJson}. */
export type WireJsonResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issues: readonly [Issue, ...Issue[]] };

const enum C {
  Quote = 34, Backslash = 92, Comma = 44, Colon = 58, OpenBrace = 123, CloseBrace = 125, OpenBracket = 91, CloseBracket = 93, Minus = 45, Zero = 48, Nine = 57,
}

/** What one pass over the text found. */
interface Scan {
  /** A number token a double would change. */
  inexact: boolean;
  /** The first duplicate key: the key, and the JSON Pointer of the object holding it. */
  duplicate?: { readonly key: string; readonly at: string };
}

/**
 * The fast pass over JSON text: jumps from string to string with `indexOf`,
 * counts the colons outside strings (one per object member) and checks the
 * number tokens between them. Returns undefined on text it cannot follow
 * (JSON.parse then reports the error).
 */
function quickScan(text: string): { members: number; inexact: number[] | undefined } | undefined {
  const n = text.length;
  let members = 0;
  // Start and end offsets of the number tokens a double would change, in pairs.
  let inexact: number[] | undefined;
  let i = 0;
  for (;;) {
    const q = text.indexOf('"', i);
    const end = q < 0 ? n : q;
    for (let k = i; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c === C.Colon) members++;
      else if (c === C.Minus || (c >= C.Zero && c <= C.Nine)) {
        let j = k + 1;
        for (; j < end; j++) {
          const d = text.charCodeAt(j);
          if (!((d >= C.Zero && d <= C.Nine) || d === 46 || d === 101 || d === 69 || d === 43 || d === C.Minus)) break;
        }
        if (!isExactNumberToken(text.slice(k, j))) (inexact ??= []).push(k, j);
        k = j - 1;
      }
    }
    if (q < 0) return { members, inexact };
    // The closing quote: the next one not preceded by an odd number of backslashes.
    let j = q + 1;
    for (;;) {
      j = text.indexOf('"', j);
      if (j < 0) return undefined;
      if (text.charCodeAt(j - 1) !== C.Backslash) break;
      let b = j - 1, slashes = 0;
      while (b > q && text.charCodeAt(b) === C.Backslash) {
        slashes++;
        b--;
      }
      if (slashes % 2 === 0) break;
      j++;
    }
    i = j + 1;
  }
}

/** Members of every object of a parsed value (what JSON.parse kept). */
function countMembers(value: unknown, depth: number): number {
  if (typeof value !== "object" || value === null || depth > 512) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const v of value) if (typeof v === "object" && v !== null) count += countMembers(v, depth + 1);
    return count;
  }
  if (value instanceof JsonNumber) return 0;
  for (const k in value) {
    count++;
    const v = (value as Record<string, unknown>)[k];
    if (typeof v === "object" && v !== null) count += countMembers(v, depth + 1);
  }
  return count;
}

/**
 * One pass over JSON text: finds duplicate keys and inexact numbers. It does
 * not validate the syntax (JSON.parse does, afterwards); on malformed input
 * it stops early and reports nothing.
 */
/** The detailed pass, run only when the fast one counted more members than JSON.parse kept: finds the duplicate and where. */
function scan(text: string): Scan {
  const n = text.length;
  const result: Scan = { inexact: false };
  // Per open container: its keys (objects) or null (arrays), and its current path token.
  const keys: (Set<string> | null)[] = [];
  const path: (string | number)[] = [];
  let expectKey = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === C.Quote) {
      let j = i + 1;
      let escaped: boolean;
      for (;;) {
        j = text.indexOf('"', j);
        if (j < 0) return result;
        let k = j - 1, slashes = 0;
        while (k > i && text.charCodeAt(k) === C.Backslash) {
          slashes++;
          k--;
        }
        if (slashes % 2 === 0) break;
        j++;
      }
      const top = keys.length > 0 ? keys[keys.length - 1] : undefined;
      if (expectKey && top) {
        let key = text.slice(i + 1, j);
        escaped = key.includes("\\");
        if (escaped) {
          try {
            key = JSON.parse(text.slice(i, j + 1)) as string;
          } catch {
            return result;
          }
        }
        if (top.has(key)) {
          result.duplicate = { key, at: pointerOf(path.slice(0, -1)) };
          return result;
        }
        top.add(key);
        path[path.length - 1] = key;
        expectKey = false;
      }
      i = j + 1;
      continue;
    }
    if (c === C.OpenBrace) {
      keys.push(new Set());
      path.push("");
      expectKey = true;
    } else if (c === C.OpenBracket) {
      keys.push(null);
      path.push(0);
      expectKey = false;
    } else if (c === C.CloseBrace || c === C.CloseBracket) {
      keys.pop();
      path.pop();
      expectKey = false;
    } else if (c === C.Comma) {
      const top = keys[keys.length - 1];
      if (top) expectKey = true;
      else if (top === null) path[path.length - 1] = (path[path.length - 1] as number) + 1;
    } else if (c === C.Minus || (c >= C.Zero && c <= C.Nine)) {
      let j = i + 1;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (!((d >= C.Zero && d <= C.Nine) || d === 46 || d === 101 || d === 69 || d === 43 || d === C.Minus)) break;
      }
      if (!result.inexact && !isExactNumberToken(text.slice(i, j))) result.inexact = true;
      i = j;
      continue;
    }
    i++;
  }
  return result;
}

function duplicateIssue(key: string, at: string): WireJsonResult {
  return { ok: false, issues: [{ path: at, code: "json.duplicate-key", message: `the key "${key.length > 60 ? key.slice(0, 60) + "…" : key}" appears twice in the object at ${at || "/"}; JSON readers would silently keep one of them` }] };
}

/** The marker of a number token kept aside by {@link markedParse}: a string no JSON text can hold unless it escapes U+0001. */
const MARK = "\u0001";

/**
 * JSON.parse with the inexact number tokens (offsets in pairs) replaced by
 * marker strings, which then become {@link JsonNumber}s: the native parser
 * instead of lossless-json's, for payloads with `12.50`-style decimals.
 * Returns undefined when the text itself escapes U+0001 (a marker could be
 * confused with data): the caller then uses the slow parser. Counts the
 * object members on the way (the duplicate-key check needs them).
 */
function markedParse(text: string, inexact: readonly number[]): { value: unknown; members: number } | undefined {
  if (text.includes("\\u0001")) return undefined;
  let marked = "";
  let from = 0;
  for (let t = 0; t < inexact.length; t += 2) {
    marked += text.slice(from, inexact[t]) + '"\\u0001' + (t >> 1) + '"';
    from = inexact[t + 1] as number;
  }
  marked += text.slice(from);
  const tokens = inexact;
  const state = { members: 0 };
  const restore = (v: string): unknown => {
    const t = Number(v.slice(1)) * 2;
    return new JsonNumber(text.slice(tokens[t], tokens[t + 1]));
  };
  let root: unknown;
  try {
    root = JSON.parse(marked);
  } catch {
    return undefined; // the slow parser reports the error at the right place of the original text
  }
  const value = typeof root === "string" && root.charCodeAt(0) === 1 ? restore(root) : root;
  if (typeof value === "object" && value !== null && !restoreMarks(value as Record<string, unknown>, restore, state, 0)) return undefined;
  return { value, members: state.members };
}

/** Puts the kept numbers in place of their markers; false when nesting is too deep to walk (the caller falls back). */
function restoreMarks(node: Record<string, unknown> | unknown[], restore: (v: string) => unknown, state: { members: number }, depth: number): boolean {
  if (depth > 512) return false;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const v = node[i];
      if (typeof v === "string") {
        if (v.charCodeAt(0) === 1 && v.startsWith(MARK)) node[i] = restore(v);
      } else if (typeof v === "object" && v !== null && !restoreMarks(v as Record<string, unknown>, restore, state, depth + 1)) return false;
    }
    return true;
  }
  for (const k in node) {
    state.members++;
    const v = node[k];
    if (typeof v === "string") {
      if (v.charCodeAt(0) === 1 && v.startsWith(MARK)) node[k] = restore(v);
    } else if (typeof v === "object" && v !== null && !restoreMarks(v as Record<string, unknown>, restore, state, depth + 1)) return false;
  }
  return true;
}

const parseNumber = (token: string): number | JsonNumber => (isExactNumberToken(token) ? Number(token) : new JsonNumber(token));

/**
 * Parses vendor JSON text losslessly: a duplicate key is an issue naming it
 * (with the JSON Pointer of its object), and number tokens that a double would
 * change (`12.30`, `9007199254740993`, `1e3`) come back as {@link JsonNumber}.
 * Never throws.
 *
 * @example
 * ```ts
 * import { parseWireJson } from "@mfgsync/mapping";
 * const r = parseWireJson('{"PlannedStartQuantity": 12.30}');
 * if (r.ok) (r.value as { PlannedStartQuantity: { text: string } }).PlannedStartQuantity.text; // "12.30"
 * parseWireJson('{"kind":"material","kind":"lot"}').ok; // false: duplicate key "kind"
 * ```
 */
export function parseWireJson(text: string): WireJsonResult {
  if (typeof text !== "string") return { ok: false, issues: [{ path: "", code: "json.invalid", message: "the payload is not JSON text" }] };
  const quick = quickScan(text);
  let value: unknown;
  let members: number | undefined;
  try {
    if (quick === undefined) value = losslessParse(text, undefined, parseNumber);
    else if (quick.inexact === undefined) value = JSON.parse(text);
    else {
      const marked = markedParse(text, quick.inexact);
      if (marked === undefined) value = losslessParse(text, undefined, parseNumber);
      else ({ value, members } = marked);
    }
  } catch (error) {
    // lossless-json refuses duplicate keys itself (those with different values): report them as such.
    const found = error instanceof Error && error.message.startsWith("Duplicate key") ? scan(text) : undefined;
    if (found?.duplicate) return duplicateIssue(found.duplicate.key, found.duplicate.at);
    return { ok: false, issues: [{ path: "", code: "json.invalid", message: `the payload is not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  // JSON.parse keeps the last of duplicate keys: fewer members than colons means a duplicate.
  if (quick === undefined || (members ?? countMembers(value, 0)) !== quick.members) {
    const found = scan(text);
    if (found.duplicate) return duplicateIssue(found.duplicate.key, found.duplicate.at);
  }
  return { ok: true, value };
}

function containsJsonNumber(value: unknown, depth: number): boolean {
  if (value instanceof JsonNumber) return true;
  if (typeof value !== "object" || value === null) return false;
  if (depth > 200) return true; // too deep to look: the lossless writer is right either way
  if (Array.isArray(value)) {
    for (const v of value) if (containsJsonNumber(v, depth + 1)) return true;
    return false;
  }
  for (const k in value) if (Object.prototype.hasOwnProperty.call(value, k) && containsJsonNumber((value as Record<string, unknown>)[k], depth + 1)) return true;
  return false;
}

const NUMBER_STRINGIFIERS = [{ test: (v: unknown) => v instanceof JsonNumber, stringify: (v: unknown) => (v as JsonNumber).text }];

/**
 * Writes a value as JSON text, {@link JsonNumber}s with their exact digits
 * (`JSON.stringify` would write the nearest double).
 *
 * @example
 * ```ts
 * import { JsonNumber, stringifyWireJson } from "@mfgsync/mapping";
 * stringifyWireJson({ Quantity: new JsonNumber("12.30") }); // '{"Quantity":12.30}'
 * ```
 */
export function stringifyWireJson(value: unknown, space?: number): string {
  if (!containsJsonNumber(value, 0)) return JSON.stringify(value, null, space);
  return losslessStringify(value, undefined, space, NUMBER_STRINGIFIERS) ?? "null";
}

/** Whether a value is a plain JSON object (a helper for envelope readers). Internal. */
export const isJsonObject = isRecord;

/** A payload as JSON: text is parsed losslessly, anything else is taken as already parsed. Internal. */
export function payloadJson(payload: unknown): WireJsonResult {
  return typeof payload === "string" ? parseWireJson(payload) : { ok: true, value: payload };
}
