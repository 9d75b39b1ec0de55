import type { KnownLoss, LossEnvironment } from "../declare.js";
import { isRecord, own, pointerToken as token } from "../json/json.js";
import { JsonNumber } from "../json/number.js";

/**
 * Differences between two JSON values as JSON Pointers with both sides, at
 * most `limit` of them.
 *
 * @example
 * ```ts
 * import { diffJson } from "@mfgsync/mapping/conformance";
 * diffJson({ a: 1 }, { a: 2 }); // ["/a: 1 ≠ 2"]
 * ```
 */
export function diffJson(expected: unknown, actual: unknown, limit = 20): string[] {
  const out: string[] = [];
  walk(expected, actual, "", out, limit);
  return out;
}

function show(value: unknown): string {
  if (value === undefined) return "(absent)";
  if (value instanceof JsonNumber) return value.text;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined) return typeof value;
  return text.length > 80 ? text.slice(0, 77) + "..." : text;
}

function walk(a: unknown, b: unknown, path: string, out: string[], limit: number): void {
  if (out.length >= limit || a === b) return;
  if (a instanceof JsonNumber && b instanceof JsonNumber && a.text === b.text) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path || "/"}: array of ${a.length} ≠ array of ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) walk(a[i], b[i], `${path}/${i}`, out, limit);
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const x = own(a, key), y = own(b, key);
      if (x === undefined && y === undefined) continue;
      walk(x, y, `${path}/${token(key)}`, out, limit);
    }
    return;
  }
  out.push(`${path || "/"}: ${show(a)} ≠ ${show(b)}`);
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}


/**
 * Applies a mapper's known losses to a canonical object: each matching value
 * is replaced by what survives (`normalize`) or removed. In a loss path `*`
 * matches one segment and `**` any number of segments. Returns a copy.
 *
 * @example
 * ```ts
 * import { applyKnownLoss } from "@mfgsync/mapping/conformance";
 * applyKnownLoss({ id: 1, crossReferences: [] }, [{ path: "/crossReferences", reason: "not kept" }], { context: {}, zoneOf: () => "UTC" });
 * // { id: 1 }
 * ```
 */
export function applyKnownLoss(value: unknown, losses: readonly KnownLoss[], env: Omit<LossEnvironment, "root" | "parent">): unknown {
  const root = clone(value);
  for (const loss of losses) {
    const segments = loss.path.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
    if (segments.length === 0) continue;
    visit(root, segments, (parent, key) => {
      const current = (parent as Record<string, unknown>)[key];
      if (current === undefined) return;
      const next = loss.normalize ? loss.normalize(current, { ...env, root, parent }) : undefined;
      if (next === undefined) delete (parent as Record<string, unknown>)[key];
      else (parent as Record<string, unknown>)[key] = next;
    });
  }
  return root;
}

function visit(node: unknown, segments: readonly string[], apply: (parent: object, key: string) => void): void {
  if (typeof node !== "object" || node === null) return;
  const [head, ...rest] = segments;
  if (head === undefined) return;
  if (head === "**") {
    // Zero segments here, or one more level down with ** still pending.
    visit(node, rest, apply);
    for (const key of Object.keys(node)) visit((node as Record<string, unknown>)[key], segments, apply);
    return;
  }
  const keys = head === "*" ? Object.keys(node) : Object.prototype.hasOwnProperty.call(node, head) ? [head] : [];
  for (const key of keys) {
    if (rest.length === 0) apply(node, key);
    else visit((node as Record<string, unknown>)[key], rest, apply);
  }
}
