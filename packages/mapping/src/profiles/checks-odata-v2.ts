// Catalog checks in OData V2 JSON (SAP Gateway): decimals and int64 as
// strings, `/Date(ms)/` dates, `PT..H..M..S` times.
import { ISSUE_CODES } from "@mfgsync/canonical";
import type { CatalogPropertyInfo, PropertyCheck } from "../catalog.js";
import { GUID, INT_RANGES, decimalDigitsProblem, fail, stringCheck, show } from "./checks.js";

const ODATA_DATE = /^\/Date\(-?\d{1,15}(?:[+-]\d{4})?\)\/$/;
const ODATA_TIME = /^PT(?:\d{1,2}H)?(?:\d{1,2}M)?(?:\d{1,2}(?:\.\d+)?S)?$/;
const DOUBLE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// Allocation-free fast paths for the forms SAP sends (every property of every record is checked,
// so these dominate); anything else falls through to the regular expressions above.
const isDigit = (c: number) => c >= 48 && c <= 57;
/** `/Date(<1-15 digits>)/` without offset. */
function isPlainODataDate(s: string): boolean {
  const n = s.length;
  if (n < 9 || n > 23 || !s.startsWith("/Date(") || s.charCodeAt(n - 2) !== 41 || s.charCodeAt(n - 1) !== 47) return false;
  for (let i = 6; i < n - 2; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}
/** `PThhHmmMssS`. */
function isFullODataTime(s: string): boolean {
  return s.length === 11 && s.charCodeAt(0) === 80 && s.charCodeAt(1) === 84 && s.charCodeAt(4) === 72 && s.charCodeAt(7) === 77 && s.charCodeAt(10) === 83
    && isDigit(s.charCodeAt(2)) && isDigit(s.charCodeAt(3)) && isDigit(s.charCodeAt(5)) && isDigit(s.charCodeAt(6)) && isDigit(s.charCodeAt(8)) && isDigit(s.charCodeAt(9));
}

/**
 * Compiles the check of one catalog property for OData V2 JSON: the JSON
 * type each EDM type arrives as, string lengths, decimal digits, date and
 * time literals, and `null` only where the metadata allows it.
 *
 * @example
 * ```ts
 * import { compileODataV2Check } from "@mfgsync/mapping";
 * const check = compileODataV2Check({ name: "TotalQuantity", edmType: "Edm.Decimal", maxLength: null, nullable: true, precision: 13, scale: 3 });
 * check("12,5"); // { code: "decimal.format", message: ... }
 * ```
 */
export function compileODataV2Check(property: CatalogPropertyInfo): PropertyCheck {
  const { edmType, maxLength, precision, scale, nullable, name } = property;
  const nullCheck = () => (nullable ? undefined : fail(ISSUE_CODES.invalidType, `${name} cannot be null`));
  switch (edmType) {
    case "Edm.String":
      return stringCheck(name, maxLength, nullCheck);
    case "Edm.Boolean":
      return (value) => (typeof value === "boolean" ? undefined : value === null ? nullCheck() : fail(ISSUE_CODES.invalidType, `${name} must be true or false, got ${show(value)}`));
    case "Edm.Byte": case "Edm.SByte": case "Edm.Int16": case "Edm.Int32": {
      const [min, max] = INT_RANGES[edmType] ?? [-Infinity, Infinity];
      return (value) => {
        if (typeof value === "number") return Number.isInteger(value) && value >= min && value <= max ? undefined : fail(ISSUE_CODES.invalidValue, `${name} must be an integer from ${min} to ${max}, got ${value}`);
        return value === null ? nullCheck() : fail(ISSUE_CODES.invalidType, `${name} must be a number, got ${show(value)}`);
      };
    }
    case "Edm.Int64":
      return (value) => (typeof value === "string" && /^-?\d{1,19}$/.test(value) ? undefined : value === null ? nullCheck() : fail(ISSUE_CODES.invalidType, `${name} must be an integer string, got ${show(value)}`));
    case "Edm.Decimal":
      return (value) => {
        if (value === null) return nullCheck();
        if (typeof value !== "string") return fail(ISSUE_CODES.invalidType, `${name} must be a decimal string, got ${show(value)}`);
        return decimalDigitsProblem(value, name, precision, scale, show(value));
      };
    case "Edm.Double": case "Edm.Single":
      return (value) => {
        if (typeof value === "number") return Number.isFinite(value) ? undefined : fail(ISSUE_CODES.invalidValue, `${name} must be finite`);
        if (typeof value === "string") return DOUBLE.test(value.trim()) ? undefined : fail(ISSUE_CODES.decimalFormat, `${show(value)} is not a number`);
        return value === null ? nullCheck() : fail(ISSUE_CODES.invalidType, `${name} must be a number, got ${show(value)}`);
      };
    case "Edm.DateTime": case "Edm.DateTimeOffset":
      return (value) => (typeof value === "string" && (isPlainODataDate(value) || ODATA_DATE.test(value)) ? undefined : value === null ? nullCheck() : fail(ISSUE_CODES.invalidFormat, `${name} must be an OData date "/Date(<ms>)/", got ${show(value)}`));
    case "Edm.Time":
      return (value) => (typeof value === "string" && (isFullODataTime(value) || (ODATA_TIME.test(value) && value !== "PT")) ? undefined : value === null ? nullCheck() : fail(ISSUE_CODES.invalidFormat, `${name} must be an OData time "PT06H30M00S", got ${show(value)}`));
    case "Edm.Guid":
      return (value) => (typeof value === "string" && GUID.test(value) ? undefined : value === null ? nullCheck() : fail(ISSUE_CODES.invalidFormat, `${name} must be a GUID, got ${show(value)}`));
    default:
      return (value) => (value === null || typeof value !== "object" ? undefined : fail(ISSUE_CODES.invalidType, `${name} must be a single value, got ${show(value)}`));
  }
}
