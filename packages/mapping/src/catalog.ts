import { ISSUE_CODES } from "@mfgsync/canonical";

/**
 * One property of a vendor entity as its metadata states it. Shaped after
 * OData (EDM) metadata, which SAP and Microsoft publish; other vendors'
 * catalogs use the closest EDM type.
 *
 * @example
 * ```ts
 * import type { CatalogPropertyInfo } from "@mfgsync/mapping";
 * const p: CatalogPropertyInfo = { name: "TotalQuantity", edmType: "Edm.Decimal", maxLength: null, nullable: true, precision: 13, scale: 3 };
 * ```
 */
export interface CatalogPropertyInfo {
  /** Property name as on the wire. */
  readonly name: string;
  /**
   * EDM type, e.g. `Edm.String`, `Edm.Decimal`, `Edm.Date`, `Edm.DateTimeOffset`, or `Edm.Enum` (see
   * `enumMembers`). The type is abstract: the wire profile decides how it looks in the protocol's JSON.
   */
  readonly edmType: string;
  /** Maximum length of strings, or null. */
  readonly maxLength: number | null;
  /** False when the metadata says the property cannot be null. */
  readonly nullable: boolean;
  /** Total digits of decimals, or null. */
  readonly precision: number | null;
  /** Fraction digits of decimals, or null. */
  readonly scale: number | null;
  /** Vendor display format (`Date`, `NonNegative`), or null. */
  readonly displayFormat?: string | null;
  /** Whether some fact was inferred rather than read from a specification. */
  readonly inferred?: boolean;
  /** What was inferred. */
  readonly inferredNote?: string;
  /** Qualified enum type of an `Edm.Enum` property, e.g. `Microsoft.Dynamics.DataEntities.ProdStatus`. */
  readonly enumType?: string;
  /** Member names of a closed enum: any other value is refused. */
  readonly enumMembers?: readonly string[];
  /** Documented values of an open code list (lookups, tenant-defined codes): shown in the docs, never enforced. */
  readonly knownValues?: readonly string[];
  /** The vendor never accepts writes to this property: patch encodes leave it out. */
  readonly readOnly?: boolean;
  /** The source's evidence tag for this property (Oracle `P/C`, D365 `seen-csdl`), for the docs. */
  readonly evidence?: string;
}

/**
 * A vendor entity's catalog: keys, properties and navigation properties.
 * The SAP catalogs generated from the OData metadata have this shape.
 *
 * @example
 * ```ts
 * import type { CatalogEntityInfo } from "@mfgsync/mapping";
 * const entity: CatalogEntityInfo = {
 *   entitySet: "A_Defect", keys: ["DefectInternalID"],
 *   properties: [{ name: "DefectInternalID", edmType: "Edm.String", maxLength: 12, nullable: false, precision: null, scale: null }],
 *   navigationProperties: [],
 * };
 * ```
 */
export interface CatalogEntityInfo {
  /** Entity set (or resource) name. */
  readonly entitySet: string;
  /** Key property names. */
  readonly keys: readonly string[];
  /** Structural properties. */
  readonly properties: readonly CatalogPropertyInfo[];
  /** Navigation properties. */
  readonly navigationProperties: readonly { readonly name: string; readonly multiplicity?: string; readonly target?: string | null }[];
  /** `spec` when read from machine-readable metadata, `notes` when reconstructed from research notes. */
  readonly derivedFrom?: string;
}

/** A compiled check of one property: undefined when fine, else the issue code and message. */
export type PropertyCheck = (value: unknown) => { readonly code: string; readonly message: string } | undefined;

const ODATA_DATE = /^\/Date\(-?\d{1,15}(?:[+-]\d{4})?\)\/$/;
const ODATA_TIME = /^PT(?:\d{1,2}H)?(?:\d{1,2}M)?(?:\d{1,2}(?:\.\d+)?S)?$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
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
/** Fraction digits of the last {@link decimalDigits} call. */
let lastFractionDigits = 0;
/** Integer digits (leading zeros not counted, at least 1) of `-?\d+(\.\d+)?`, or -1; the fraction digits go to `lastFractionDigits`. */
function decimalDigits(s: string): number {
  const n = s.length;
  let i = n > 0 && s.charCodeAt(0) === 45 ? 1 : 0;
  const start = i;
  let firstNonZero = -1;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) break;
    if (firstNonZero < 0 && c !== 48) firstNonZero = i;
  }
  const intEnd = i;
  if (intEnd === start) return -1;
  lastFractionDigits = 0;
  if (i < n) {
    if (s.charCodeAt(i) !== 46) return -1;
    for (i++; i < n; i++) if (!isDigit(s.charCodeAt(i))) return -1;
    lastFractionDigits = n - intEnd - 1;
    if (lastFractionDigits === 0) return -1;
  }
  return firstNonZero < 0 ? 1 : intEnd - firstNonZero;
}

const INT_RANGES: Record<string, [number, number]> = {
  "Edm.Byte": [0, 255], "Edm.SByte": [-128, 127], "Edm.Int16": [-32768, 32767], "Edm.Int32": [-2147483648, 2147483647],
};

function show(value: unknown): string {
  if (typeof value === "string") return `"${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : String(value);
}

function fail(code: string, message: string) {
  return { code, message };
}

/**
 * Compiles the check of one catalog property for OData V2 JSON: the JSON
 * type each EDM type arrives as, string lengths, decimal digits, date and
 * time literals, and `null` only where the metadata allows it.
 *
 * @example
 * ```ts
 * import { compilePropertyCheck } from "@mfgsync/mapping";
 * const check = compilePropertyCheck({ name: "TotalQuantity", edmType: "Edm.Decimal", maxLength: null, nullable: true, precision: 13, scale: 3 });
 * check("12,5"); // { code: "decimal.format", message: ... }
 * ```
 */
export function compilePropertyCheck(property: CatalogPropertyInfo): PropertyCheck {
  const { edmType, maxLength, precision, scale, nullable, name } = property;
  const nullCheck = (value: unknown) => (nullable ? undefined : fail(ISSUE_CODES.invalidType, `${name} cannot be null`));
  switch (edmType) {
    case "Edm.String":
      return (value) => {
        if (typeof value === "string") return maxLength !== null && value.length > maxLength ? fail(ISSUE_CODES.tooBig, `${show(value)} is longer than ${name} allows (${maxLength} characters)`) : undefined;
        return value === null ? nullCheck(value) : fail(ISSUE_CODES.invalidType, `${name} must be a string, got ${show(value)}`);
      };
    case "Edm.Boolean":
      return (value) => (typeof value === "boolean" ? undefined : value === null ? nullCheck(value) : fail(ISSUE_CODES.invalidType, `${name} must be true or false, got ${show(value)}`));
    case "Edm.Byte": case "Edm.SByte": case "Edm.Int16": case "Edm.Int32": {
      const [min, max] = INT_RANGES[edmType] ?? [-Infinity, Infinity];
      return (value) => {
        if (typeof value === "number") return Number.isInteger(value) && value >= min && value <= max ? undefined : fail(ISSUE_CODES.invalidValue, `${name} must be an integer from ${min} to ${max}, got ${value}`);
        return value === null ? nullCheck(value) : fail(ISSUE_CODES.invalidType, `${name} must be a number, got ${show(value)}`);
      };
    }
    case "Edm.Int64":
      return (value) => (typeof value === "string" && /^-?\d{1,19}$/.test(value) ? undefined : value === null ? nullCheck(value) : fail(ISSUE_CODES.invalidType, `${name} must be an integer string, got ${show(value)}`));
    case "Edm.Decimal":
      return (value) => {
        if (value === null) return nullCheck(value);
        if (typeof value !== "string") return fail(ISSUE_CODES.invalidType, `${name} must be a decimal string, got ${show(value)}`);
        const intDigits = decimalDigits(value);
        if (intDigits < 0) return fail(ISSUE_CODES.decimalFormat, `${show(value)} is not a decimal (digits with "." as the decimal mark, no exponent or separators)`);
        const fracDigits = lastFractionDigits;
        if (scale !== null && fracDigits > scale) return fail(ISSUE_CODES.decimalScale, `${show(value)} has more than the ${scale} decimal places of ${name}`);
        if (precision !== null && intDigits > precision - (scale ?? 0)) return fail(ISSUE_CODES.tooBig, `${show(value)} has more than the ${precision - (scale ?? 0)} integer digits of ${name}`);
        return undefined;
      };
    case "Edm.Double": case "Edm.Single":
      return (value) => {
        if (typeof value === "number") return Number.isFinite(value) ? undefined : fail(ISSUE_CODES.invalidValue, `${name} must be finite`);
        if (typeof value === "string") return DOUBLE.test(value.trim()) ? undefined : fail(ISSUE_CODES.decimalFormat, `${show(value)} is not a number`);
        return value === null ? nullCheck(value) : fail(ISSUE_CODES.invalidType, `${name} must be a number, got ${show(value)}`);
      };
    case "Edm.DateTime": case "Edm.DateTimeOffset":
      return (value) => (typeof value === "string" && (isPlainODataDate(value) || ODATA_DATE.test(value)) ? undefined : value === null ? nullCheck(value) : fail(ISSUE_CODES.invalidFormat, `${name} must be an OData date "/Date(<ms>)/", got ${show(value)}`));
    case "Edm.Time":
      return (value) => (typeof value === "string" && (isFullODataTime(value) || (ODATA_TIME.test(value) && value !== "PT")) ? undefined : value === null ? nullCheck(value) : fail(ISSUE_CODES.invalidFormat, `${name} must be an OData time "PT06H30M00S", got ${show(value)}`));
    case "Edm.Guid":
      return (value) => (typeof value === "string" && GUID.test(value) ? undefined : value === null ? nullCheck(value) : fail(ISSUE_CODES.invalidFormat, `${name} must be a GUID, got ${show(value)}`));
    default:
      return (value) => (value === null || typeof value !== "object" ? undefined : fail(ISSUE_CODES.invalidType, `${name} must be a single value, got ${show(value)}`));
  }
}
