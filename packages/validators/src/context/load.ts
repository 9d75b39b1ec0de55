import type { Issue, Result } from "@mfgsync/canonical";
import {
  DecimalString, Disposition, ISSUE_CODES, LotHold, PlantCode, QualityStatus, Reference, Timestamp,
  isUnitCode, safeParseInspection, safeParseLot, safeParseMaterial, toJsonPointer,
} from "@mfgsync/canonical";
import { parseDecimal } from "../internal/decimal.js";
import type { InMemoryContext, InMemoryContextData } from "./in-memory.js";
import { createInMemoryContext } from "./in-memory.js";

type Path = readonly (string | number)[];
interface ZodLike {
  safeParse(input: unknown): { success: true } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

const KEYS = ["plants", "materials", "unitConversions", "lots", "lotDispositions", "inspections", "seenIdempotencyKeys", "lastSequences"];
const SEQUENCE = /^[1-9]\d{0,18}$/;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function withSchema(issues: Issue[], schema: ZodLike, value: unknown, path: Path): void {
  const parsed = schema.safeParse(value);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    issues.push({ path: toJsonPointer([...path, ...(issue.path as (string | number)[])]), code: ISSUE_CODES.invalidValue, message: issue.message });
  }
}

function withParser(issues: Issue[], parse: (input: unknown) => Result<unknown>, value: unknown, path: Path): void {
  const parsed = parse(value);
  if (!parsed.ok) for (const issue of parsed.issues) issues.push({ ...issue, path: toJsonPointer(path) + issue.path });
}

function checkFields(issues: Issue[], value: unknown, path: Path, required: readonly string[], optional: readonly string[]): value is Record<string, unknown> {
  if (!isRecord(value)) {
    issues.push({ path: toJsonPointer(path), code: ISSUE_CODES.invalidType, message: "expected an object" });
    return false;
  }
  for (const key of Object.keys(value)) {
    if (!required.includes(key) && !optional.includes(key)) issues.push({ path: toJsonPointer([...path, key]), code: ISSUE_CODES.unknownField, message: `unknown field "${key}"` });
  }
  for (const key of required) {
    if (!Object.hasOwn(value, key)) issues.push({ path: toJsonPointer([...path, key]), code: ISSUE_CODES.required, message: `required field "${key}" is missing` });
  }
  return true;
}

function checkConversion(issues: Issue[], value: unknown, path: Path): void {
  if (!checkFields(issues, value, path, ["from", "to", "numerator", "denominator"], ["material"])) return;
  for (const key of ["from", "to"]) {
    if (Object.hasOwn(value, key) && !isUnitCode(value[key])) {
      issues.push({ path: toJsonPointer([...path, key]), code: ISSUE_CODES.unknownUnit, message: `${JSON.stringify(value[key])} is not an active UN/ECE Rec 20 unit code` });
    }
  }
  for (const key of ["numerator", "denominator"]) {
    if (!Object.hasOwn(value, key)) continue;
    withSchema(issues, DecimalString, value[key], [...path, key]);
    const parsed = typeof value[key] === "string" ? parseDecimal(value[key]) : undefined;
    if (parsed && parsed.num === 0n) issues.push({ path: toJsonPointer([...path, key]), code: ISSUE_CODES.tooSmall, message: `${key} must not be zero` });
  }
  if (Object.hasOwn(value, "material")) withSchema(issues, Reference, value["material"], [...path, "material"]);
}

function checkDisposition(issues: Issue[], value: unknown, path: Path): void {
  if (!checkFields(issues, value, path, ["lot", "disposition"], ["changedAt", "qualityStatus", "holds"])) return;
  if (Object.hasOwn(value, "lot")) withSchema(issues, Reference, value["lot"], [...path, "lot"]);
  if (Object.hasOwn(value, "disposition")) withSchema(issues, Disposition, value["disposition"], [...path, "disposition"]);
  if (Object.hasOwn(value, "changedAt")) withSchema(issues, Timestamp, value["changedAt"], [...path, "changedAt"]);
  if (Object.hasOwn(value, "qualityStatus")) withSchema(issues, QualityStatus, value["qualityStatus"], [...path, "qualityStatus"]);
  if (!Object.hasOwn(value, "holds")) return;
  const holds = value["holds"];
  if (!Array.isArray(holds)) issues.push({ path: toJsonPointer([...path, "holds"]), code: ISSUE_CODES.invalidType, message: "holds must be an array of lot holds" });
  else holds.forEach((hold, i) => withSchema(issues, LotHold, hold, [...path, "holds", i]));
}

function checkSequence(issues: Issue[], value: unknown, path: Path): void {
  if (!checkFields(issues, value, path, ["source", "subject", "sequence"], [])) return;
  for (const key of ["source", "subject"]) {
    if (Object.hasOwn(value, key) && (typeof value[key] !== "string" || value[key] === "")) {
      issues.push({ path: toJsonPointer([...path, key]), code: ISSUE_CODES.invalidType, message: `${key} must be a non-empty string` });
    }
  }
  if (Object.hasOwn(value, "sequence") && (typeof value["sequence"] !== "string" || !SEQUENCE.test(value["sequence"]))) {
    issues.push({ path: toJsonPointer([...path, "sequence"]), code: ISSUE_CODES.invalidFormat, message: "sequence must be a positive decimal integer string" });
  }
}

const ELEMENT_CHECKS: Record<string, (issues: Issue[], value: unknown, path: Path) => void> = {
  plants: (issues, value, path) => withSchema(issues, PlantCode, value, path),
  materials: (issues, value, path) => withParser(issues, safeParseMaterial, value, path),
  unitConversions: checkConversion,
  lots: (issues, value, path) => withParser(issues, safeParseLot, value, path),
  lotDispositions: checkDisposition,
  inspections: (issues, value, path) => withParser(issues, safeParseInspection, value, path),
  seenIdempotencyKeys: (issues, value, path) => {
    if (typeof value !== "string" || value === "") issues.push({ path: toJsonPointer(path), code: ISSUE_CODES.invalidType, message: "an idempotency key must be a non-empty string" });
  },
  lastSequences: checkSequence,
};

/**
 * Builds an in-memory context from outside data (a parsed JSON `--context`
 * file), checking every part first: materials, lots and inspections must be
 * valid canonical objects. Never throws; problems come back as issues with
 * JSON Pointer paths into `input`.
 *
 * @example
 * ```ts
 * import { safeCreateInMemoryContext } from "@mfgsync/validators";
 * const result = safeCreateInMemoryContext(JSON.parse('{"plants":["1010"],"seenIdempotencyKeys":[]}'));
 * if (result.ok) result.value.plants?.has("1010"); // true
 * ```
 */
export function safeCreateInMemoryContext(input: unknown): Result<InMemoryContext> {
  const issues: Issue[] = [];
  if (!isRecord(input)) {
    return { ok: false, issues: [{ path: "", code: ISSUE_CODES.invalidType, message: "context data must be a JSON object" }] };
  }
  for (const [key, value] of Object.entries(input)) {
    const check = KEYS.includes(key) ? ELEMENT_CHECKS[key] : undefined;
    if (!check) {
      issues.push({ path: toJsonPointer([key]), code: ISSUE_CODES.unknownField, message: `unknown context field "${key}" (known: ${KEYS.join(", ")})` });
      continue;
    }
    if (!Array.isArray(value)) {
      issues.push({ path: toJsonPointer([key]), code: ISSUE_CODES.invalidType, message: `${key} must be an array` });
      continue;
    }
    value.forEach((element, index) => check(issues, element, [key, index]));
  }
  const [first, ...rest] = issues;
  if (first) return { ok: false, issues: [first, ...rest] };
  return { ok: true, value: createInMemoryContext(input as InMemoryContextData) };
}

