// Catalog checks in the JSON of OData V4 and Oracle REST: decimals and
// integers as JSON numbers (exact texts through JsonNumber), ISO 8601 dates
// and instants, enum member names, JSON booleans.
import { ISSUE_CODES } from "@mfgsync/canonical";
import type { CatalogPropertyInfo, PropertyCheck } from "../catalog.js";
import { JsonNumber } from "../json/number.js";
import { GUID, INT_RANGES, decimalDigitsProblem, fail, stringCheck, isInt64Text, show } from "./checks.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,12})?)?(?:Z|z|[+-]\d{2}:\d{2})$/;
const TIME_OF_DAY = /^\d{2}:\d{2}(?::\d{2}(?:\.\d{1,12})?)?$/;
const DURATION = /^-?P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;

/** Exact text of a JSON number value, or undefined. */
function text(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  return value instanceof JsonNumber ? value.text : undefined;
}

/**
 * Options of {@link compileJsonCheck}.
 *
 * @example
 * ```ts
 * import type { JsonCheckOptions } from "@mfgsync/mapping";
 * const options: JsonCheckOptions = { protocol: "OData V4" };
 * ```
 */
export interface JsonCheckOptions {
  /** The protocol's name for messages ("OData V4", "Oracle REST"). */
  readonly protocol: string;
  /** What a boolean is called in messages. */
  readonly booleanHint?: string;
}

/**
 * Compiles the check of one catalog property for a JSON-native protocol
 * (OData V4, Oracle REST): strings with their length, JSON booleans, numbers
 * for decimals and integers (decimals checked digit for digit, int64 without
 * rounding), `YYYY-MM-DD` dates, ISO 8601 instants with an offset, enum
 * member names, and `null` only where the catalog allows it. A decimal sent
 * as a string (`"480,5"`, even `"480.5"`) is refused: these protocols send
 * numbers.
 *
 * @example
 * ```ts
 * import { compileJsonCheck } from "@mfgsync/mapping";
 * const check = compileJsonCheck({ name: "PlannedStartQuantity", edmType: "Edm.Decimal", maxLength: null, nullable: true, precision: null, scale: null }, { protocol: "Oracle REST" });
 * check("480,5"); // { code: "type.invalid", message: ... }
 * ```
 */
export function compileJsonCheck(property: CatalogPropertyInfo, options: JsonCheckOptions): PropertyCheck {
  const { edmType, maxLength, precision, scale, nullable, name } = property;
  const nullCheck = () => (nullable ? undefined : fail(ISSUE_CODES.invalidType, `${name} cannot be null`));
  const protocol = options.protocol;
  switch (edmType) {
    case "Edm.String":
      return stringCheck(name, maxLength, nullCheck);
    case "Edm.Boolean":
      return (value) => (typeof value === "boolean" ? undefined : value === null ? nullCheck() : fail(ISSUE_CODES.invalidType, `${name} must be a JSON boolean (true or false), got ${show(value)}`));
    case "Edm.Byte": case "Edm.SByte": case "Edm.Int16": case "Edm.Int32": {
      const [min, max] = INT_RANGES[edmType] ?? [-Infinity, Infinity];
      return (value) => {
        if (typeof value === "number") return Number.isInteger(value) && value >= min && value <= max ? undefined : fail(ISSUE_CODES.invalidValue, `${name} must be an integer from ${min} to ${max}, got ${value}`);
        return value === null ? nullCheck() : fail(ISSUE_CODES.invalidType, `${name} must be a JSON number, got ${show(value)}`);
      };
    }
    case "Edm.Int64":
      return (value) => {
        if (value === null) return nullCheck();
        const t = text(value);
        if (t === undefined) return fail(ISSUE_CODES.invalidType, `${name} must be a JSON number (int64), got ${show(value)}`);
        return isInt64Text(t) ? undefined : fail(ISSUE_CODES.invalidValue, `${name} must be an integer within int64, got ${t}`);
      };
    case "Edm.Decimal":
      return (value) => {
        if (value === null) return nullCheck();
        const t = text(value);
        if (t === undefined) return fail(ISSUE_CODES.invalidType, `${name} must be a JSON number (${protocol} sends decimals as numbers), got ${show(value)}`);
        // Exponent forms are numbers too; their digits are checked by the converter.
        if (/[eE]/.test(t)) return undefined;
        return decimalDigitsProblem(t, name, precision, scale, t);
      };
    case "Edm.Double": case "Edm.Single":
      return (value) => (text(value) !== undefined ? undefined : value === null ? nullCheck() : fail(ISSUE_CODES.invalidType, `${name} must be a JSON number, got ${show(value)}`));
    case "Edm.Date":
      return (value) => (typeof value === "string" && ISO_DATE.test(value) ? undefined : value === null ? nullCheck() : fail(ISSUE_CODES.invalidFormat, `${name} must be a date "YYYY-MM-DD", got ${show(value)}`));
    case "Edm.DateTimeOffset": case "Edm.DateTime":
      return (value) => (typeof value === "string" && ISO_DATE_TIME.test(value) ? undefined : value === null ? nullCheck() : fail(ISSUE_CODES.invalidFormat, `${name} must be an ISO 8601 date-time with offset ("2026-03-02T06:30:00Z"), got ${show(value)}`));
    case "Edm.TimeOfDay":
      return (value) => (typeof value === "string" && TIME_OF_DAY.test(value) ? undefined : value === null ? nullCheck() : fail(ISSUE_CODES.invalidFormat, `${name} must be a time of day "hh:mm:ss", got ${show(value)}`));
    case "Edm.Duration":
      return (value) => (typeof value === "string" && DURATION.test(value) ? undefined : value === null ? nullCheck() : fail(ISSUE_CODES.invalidFormat, `${name} must be an ISO 8601 duration, got ${show(value)}`));
    case "Edm.Guid":
      return (value) => (typeof value === "string" && GUID.test(value) ? undefined : value === null ? nullCheck() : fail(ISSUE_CODES.invalidFormat, `${name} must be a GUID, got ${show(value)}`));
    case "Edm.Enum": {
      const members = property.enumMembers === undefined ? undefined : new Set(property.enumMembers);
      const list = property.enumMembers === undefined ? "" : property.enumMembers.length <= 12 ? ` (${property.enumMembers.join(", ")})` : ` (${property.enumMembers.length} members)`;
      return (value) => {
        if (typeof value === "string") return members === undefined || members.has(value) ? undefined : fail(ISSUE_CODES.invalidValue, `${show(value)} is not a member of ${property.enumType ?? "the enum"} of ${name}${list}`);
        return value === null ? nullCheck() : fail(ISSUE_CODES.invalidType, `${name} must be an enum member name${list}, got ${show(value)}`);
      };
    }
    default:
      return (value) => (value === null || typeof value !== "object" || value instanceof JsonNumber ? undefined : fail(ISSUE_CODES.invalidType, `${name} must be a single value, got ${show(value)}`));
  }
}
