import type * as z from "zod";
import { SIGNED_DECIMAL_PATTERN, UNSIGNED_DECIMAL_PATTERN } from "./primitives/decimal.js";
import { READABLE_SCHEMA_VERSIONS, SCHEMA_VERSION } from "./primitives/header.js";
import { quote, shortMessage } from "./quote.js";

/**
 * One problem found in an input: where (a JSON Pointer into the input), what
 * (a stable machine code) and why (a human message).
 *
 * @example
 * ```ts
 * import type { Issue } from "@mfgsync/canonical";
 * const issue: Issue = { path: "/quantity/unit", code: "unit.unknown", message: "PCE is not an active UN/ECE Rec 20 code" };
 * ```
 */
export interface Issue {
  /** RFC 6901 JSON Pointer into the input (`""` is the whole document). */
  readonly path: string;
  /** Stable code, safe to switch on; see {@link ISSUE_CODES}. */
  readonly code: string;
  /** Human-readable explanation. Wording may change between releases; codes do not. */
  readonly message: string;
}

/**
 * Result of a `safe*` function: the value, or the issues that prevented it.
 * A failed result always carries at least one issue.
 *
 * @example
 * ```ts
 * import { safeParseMaterial } from "@mfgsync/canonical";
 * const result = safeParseMaterial(JSON.parse("{}"));
 * if (!result.ok) console.log(result.issues.map((i) => `${i.path} ${i.code}`));
 * ```
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly [Issue, ...Issue[]] };

/**
 * Stable issue codes produced by the canonical package. Codes from rule
 * refinements (`unit.unknown`, `decimal.scale`, ...) are listed too.
 *
 * @example
 * ```ts
 * import { ISSUE_CODES } from "@mfgsync/canonical";
 * console.log(ISSUE_CODES.unknownField); // "field.unknown"
 * ```
 */
export const ISSUE_CODES = {
  invalidType: "type.invalid",
  unknownField: "field.unknown",
  required: "field.required",
  invalidValue: "value.invalid",
  invalidFormat: "format.invalid",
  tooSmall: "value.too-small",
  tooBig: "value.too-big",
  invalidUnion: "union.no-match",
  invalidKey: "key.invalid",
  unknownUnit: "unit.unknown",
  decimalScale: "decimal.scale",
  decimalFormat: "decimal.format",
  inputTooDeep: "input.too-deep",
  unsupportedVersion: "schema-version.unsupported",
  newerVersion: "schema-version.newer",
  invalidAttributeName: "attribute.invalid-name",
  unsafeInteger: "number.unsafe-integer",
} as const;

/**
 * Error thrown by the throwing `parse*` functions; carries the same issues
 * the `safe*` variants return.
 *
 * @example
 * ```ts
 * import { parseLot, CanonicalValidationError } from "@mfgsync/canonical";
 * try {
 *   parseLot({});
 * } catch (error) {
 *   if (error instanceof CanonicalValidationError) console.log(error.issues[0]?.path);
 * }
 * ```
 */
export class CanonicalValidationError extends Error {
  override readonly name = "CanonicalValidationError";
  /** Every issue found, never empty. */
  readonly issues: readonly [Issue, ...Issue[]];
  constructor(issues: readonly [Issue, ...Issue[]], subject = "input") {
    const first = issues[0];
    super(`${subject} is not valid: ${first.path || "/"} ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""}`);
    this.issues = issues;
  }
}

/**
 * Turns a path of keys into an RFC 6901 JSON Pointer.
 *
 * @example
 * ```ts
 * import { toJsonPointer } from "@mfgsync/canonical";
 * toJsonPointer(["operations", 0, "a/b"]); // "/operations/0/a~1b"
 * ```
 */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) out += "/" + String(key).replace(/~/g, "~0").replace(/\//g, "~1");
  return out;
}

const DECIMAL_PATTERN_SOURCES = new Set([String(UNSIGNED_DECIMAL_PATTERN), String(SIGNED_DECIMAL_PATTERN), UNSIGNED_DECIMAL_PATTERN.source, SIGNED_DECIMAL_PATTERN.source]);

const TOO_MANY_FRACTION_DIGITS = /^-?(?:0|[1-9]\d{0,17})\.\d{13,}$/;

const ZOD_CODE_MAP: Record<string, string> = {
  invalid_type: ISSUE_CODES.invalidType,
  unrecognized_keys: ISSUE_CODES.unknownField,
  invalid_value: ISSUE_CODES.invalidValue,
  invalid_format: ISSUE_CODES.invalidFormat,
  too_small: ISSUE_CODES.tooSmall,
  too_big: ISSUE_CODES.tooBig,
  invalid_union: ISSUE_CODES.invalidUnion,
  invalid_key: ISSUE_CODES.invalidKey,
  invalid_element: ISSUE_CODES.invalidValue,
  not_multiple_of: ISSUE_CODES.invalidValue,
};

/** Converts zod issues to mfgsync issues. Internal helper shared by the parsers. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], input: unknown): [Issue, ...Issue[]] {
  let out: Issue[] = [];
  const newer: PropertyKey[][] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      // One issue per unknown key, pointing at the key itself.
      for (const key of issue.keys) {
        out.push({ path: toJsonPointer([...issue.path, key]), code: ISSUE_CODES.unknownField, message: `unknown field ${quote(key)}` });
      }
      continue;
    }
    let code = ZOD_CODE_MAP[issue.code] ?? ISSUE_CODES.invalidValue;
    if (issue.code === "custom" && typeof issue.params?.["code"] === "string") code = issue.params["code"];
    // Decimal and unit checks are plain regex/enum checks so that JSON Schema carries them
    // too; give their failures the specific codes callers switch on.
    if (issue.code === "invalid_format" && issue.format === "regex" && DECIMAL_PATTERN_SOURCES.has(String(issue.pattern))) {
      // A well-formed decimal that only has too many fraction digits (0.30000000000000004) is a scale problem.
      const text = valueAt(input, issue.path);
      const signed = String(issue.pattern) === String(SIGNED_DECIMAL_PATTERN) || String(issue.pattern) === SIGNED_DECIMAL_PATTERN.source;
      const onlyScale = typeof text === "string" && TOO_MANY_FRACTION_DIGITS.test(text) && (signed || !text.startsWith("-"));
      code = onlyScale ? ISSUE_CODES.decimalScale : ISSUE_CODES.decimalFormat;
    }
    if (issue.code === "invalid_value" && issue.values.length > 1000) code = ISSUE_CODES.unknownUnit;
    let message = issue.message;
    if (issue.code === "invalid_key" && issue.issues[0]?.message) message = `invalid key: ${issue.issues[0].message}`;
    const missing = valueAt(input, issue.path) === undefined;
    if (issue.code === "invalid_value" && !missing && issue.path[issue.path.length - 1] === "schemaVersion") {
      const version = valueAt(input, issue.path);
      if (isNewerMinorVersion(version)) {
        // The object's other issues (fields and values this release does not know) follow from its version: one issue says it all.
        newer.push(issue.path.slice(0, -1));
        code = ISSUE_CODES.newerVersion;
        message = `schema version ${quote(version)} is newer than this release reads (${READABLE_SCHEMA_VERSIONS.map((v) => `"${v}"`).join(", ")}): ` +
          `it may hold fields and values unknown here; read it with safeReadObject or safeReadEvent in lenient mode, which keeps them aside, or upgrade @mfgsync/canonical`;
      } else {
        code = ISSUE_CODES.unsupportedVersion;
        message = `schema version ${quote(version)} is not supported; expected ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
      }
    }
    // A missing field fails as a type, literal, enum or union mismatch depending on its schema; all of them are "required".
    if (missing && (issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union")) {
      code = ISSUE_CODES.required;
      message = issue.code === "invalid_type" ? `required ${issue.expected} is missing` : "required field is missing";
    }
    out.push({ path: toJsonPointer(issue.path), code, message: shortMessage(message) });
  }
  if (newer.length > 0) {
    const prefixes = newer.map((p) => toJsonPointer(p));
    out = out.filter((i) => i.code === ISSUE_CODES.newerVersion || !prefixes.some((prefix) => i.path === prefix || i.path.startsWith(prefix + "/")));
  }
  // An attribute with an invalid name is reported once, for its name, not again for its value.
  const badNames = new Set(out.filter((i) => i.code === ISSUE_CODES.invalidAttributeName).map((i) => i.path));
  if (badNames.size > 0) out = out.filter((i) => i.code === ISSUE_CODES.invalidAttributeName || !badNames.has(i.path));
  if (out.length === 0) out.push({ path: "", code: ISSUE_CODES.invalidValue, message: "invalid input" });
  return out as [Issue, ...Issue[]];
}

const CURRENT = SCHEMA_VERSION.split(".").map(Number) as [number, number];

/** Whether a `schemaVersion` value is a later minor version of this release's major version ("1.2" for 1.1). Internal. */
export function isNewerMinorVersion(version: unknown): version is string {
  if (typeof version !== "string") return false;
  const match = /^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/.exec(version);
  return match !== null && Number(match[1]) === CURRENT[0] && Number(match[2]) > CURRENT[1];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
