import type { Issue } from "@mfgsync/canonical";
import { ISSUE_CODES } from "@mfgsync/canonical";

/**
 * Outcome of a mapping call: the mapped value with any warnings, or the
 * issues that stopped it. Issue paths are JSON Pointers into the input of the
 * call (the vendor payload for `decode`, the canonical object for `encode`).
 * Warnings never stop a mapping; they say what was assumed (a default time
 * zone, a unit passed through as is).
 *
 * @example
 * ```ts
 * import type { MapResult } from "@mfgsync/mapping";
 * function show(result: MapResult<unknown>) {
 *   if (result.ok) console.log(result.value, result.warnings.length);
 *   else console.log(result.issues.map((i) => `${i.path} ${i.code}`));
 * }
 * ```
 */
export type MapResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly [Issue, ...Issue[]]; readonly warnings: readonly Issue[] };

/**
 * Stable issue and warning codes of the mapping core, on top of the
 * canonical package's `ISSUE_CODES` (which the core reuses for type,
 * format, length and unit problems).
 *
 * @example
 * ```ts
 * import { MAPPING_CODES } from "@mfgsync/mapping";
 * console.log(MAPPING_CODES.defaultTimeZone); // "time-zone.default"
 * ```
 */
export const MAPPING_CODES = {
  ...ISSUE_CODES,
  /** A date-time was read in UTC because no time zone was configured for its plant (warning). */
  defaultTimeZone: "time-zone.default",
  /** The context names a time zone that the runtime does not know. */
  invalidTimeZone: "time-zone.invalid",
  /** A property is not in the vendor catalog; it was carried in extensions (warning). */
  uncataloguedField: "field.uncatalogued",
  /** A unit had no entry in the unit table and was passed on as is (warning). */
  unitPassedThrough: "unit.passed-through",
  /** An identifier was issued by another scheme than the vendor's. */
  foreignScheme: "identifier.scheme",
  /** A canonical value has no vendor code. */
  noVendorCode: "code.unmapped",
  /** A decimal has more digits than the vendor field holds. */
  decimalPrecision: "decimal.precision",
  /** A date that should be a calendar date (UTC midnight) carries a time of day. */
  notMidnight: "date.not-midnight",
  /** An invalid mapping context. */
  invalidContext: "context.invalid",
  /** An unexpected failure inside a mapper; a bug, reported instead of thrown. */
  internal: "mapping.internal",
  /** A value is valid but carried in extensions because the canonical form cannot hold it (warning). */
  carried: "value.carried",
  /** The payload is not JSON. */
  jsonInvalid: "json.invalid",
  /** A JSON object has the same key twice. */
  duplicateKey: "json.duplicate-key",
  /** The payload declares another entity than the mapper reads (`__metadata.type`, `@odata.context`, a self link). */
  entityMismatch: "entity.mismatch",
  /** Two child rows (or canonical items) of one collection have the same key: the rows cannot be told apart. */
  duplicateRowKey: "row.duplicate-key",
  /** A canonical item has no place in the vendor's structure (a component whose operation the order lacks). */
  unplaced: "item.unplaced",
  /** A local wall-clock time written to the vendor occurs twice (the daylight-saving fall-back hour) (warning). */
  ambiguousLocalTime: "time.ambiguous",
  /** An identifier of another scheme was written as the vendor's key, as the context asked (warning). */
  foreignKept: "identifier.foreign-kept",
  /** A tenant code table maps a vendor code to a value the canonical list does not have. */
  invalidCodeTable: "code-table.invalid",
} as const;

/** Builds an issue. Internal helper. */
export function makeIssue(path: string, code: string, message: string): Issue {
  return { path, code, message };
}

export { pointerToken } from "./json/json.js";

/**
 * Prefixes every issue path of a result with `base` (a JSON Pointer), e.g.
 * to report entity issues relative to a whole OData envelope.
 *
 * @example
 * ```ts
 * import { rebaseResult } from "@mfgsync/mapping";
 * const r = rebaseResult({ ok: false, issues: [{ path: "/TotalQuantity", code: "decimal.format", message: "..." }], warnings: [] }, "/d/results/0");
 * // r.issues[0].path === "/d/results/0/TotalQuantity"
 * ```
 */
export function rebaseResult<T>(result: MapResult<T>, base: string): MapResult<T> {
  if (base === "") return result;
  const warnings = result.warnings.map((w) => ({ ...w, path: base + w.path }));
  if (result.ok) return { ok: true, value: result.value, warnings };
  const issues = result.issues.map((i) => ({ ...i, path: base + i.path })) as unknown as [Issue, ...Issue[]];
  return { ok: false, issues, warnings };
}
