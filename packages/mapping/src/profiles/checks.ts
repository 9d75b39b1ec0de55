// Pieces shared by the property checks of every profile.
import { ISSUE_CODES } from "@mfgsync/canonical";
import { describeValue } from "../json/json.js";

/** A check failure. Internal. */
export function fail(code: string, message: string): { readonly code: string; readonly message: string } {
  return { code, message };
}

/** Short text of a value for check messages. Internal. */
export const show = describeValue;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Fraction digits of the last {@link decimalDigits} call. */
let lastFractionDigits = 0;

/**
 * Integer digits (leading zeros not counted, at least 1) of a plain decimal
 * `-?\d+(\.\d+)?`, or -1 when it is not one; the fraction digits are read
 * with {@link fractionDigits}. Allocation-free: every decimal property of
 * every record goes through it. Internal.
 */
export function decimalDigits(s: string): number {
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

/** Fraction digits of the decimal last given to {@link decimalDigits}. Internal. */
export function fractionDigits(): number {
  return lastFractionDigits;
}

/** Ranges of the EDM integer types that fit a double. Internal. */
export const INT_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  "Edm.Byte": [0, 255], "Edm.SByte": [-128, 127], "Edm.Int16": [-32768, 32767], "Edm.Int32": [-2147483648, 2147483647],
};

/** Precision and scale check of a plain decimal text. Internal. */
export function decimalDigitsProblem(text: string, name: string, precision: number | null, scale: number | null, shown: string): { code: string; message: string } | undefined {
  const intDigits = decimalDigits(text);
  if (intDigits < 0) return fail(ISSUE_CODES.decimalFormat, `${shown} is not a decimal (digits with "." as the decimal mark, no exponent or separators)`);
  const frac = lastFractionDigits;
  if (scale !== null && frac > scale) return fail(ISSUE_CODES.decimalScale, `${shown} has more than the ${scale} decimal places of ${name}`);
  if (precision !== null && intDigits > precision - (scale ?? 0)) return fail(ISSUE_CODES.tooBig, `${shown} has more than the ${precision - (scale ?? 0)} integer digits of ${name}`);
  return undefined;
}

const INT64_MAX = 9223372036854775807n;

/** Whether an integer text is within the int64 range. Internal. */
export function isInt64Text(text: string): boolean {
  if (!/^-?(?:0|[1-9]\d{0,18})$/.test(text)) return false;
  if (text.length < 19) return true;
  const big = BigInt(text);
  return big <= INT64_MAX && big >= -INT64_MAX - 1n;
}

/** `Edm.Guid` text. Internal. */
export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** The check of an `Edm.String` property, the same in every profile. Internal. */
export function stringCheck(name: string, maxLength: number | null, nullCheck: () => { code: string; message: string } | undefined): (value: unknown) => { code: string; message: string } | undefined {
  return (value) => {
    if (typeof value === "string") return maxLength !== null && value.length > maxLength ? fail(ISSUE_CODES.tooBig, `${show(value)} is longer than ${name} allows (${maxLength} characters)`) : undefined;
    return value === null ? nullCheck() : fail(ISSUE_CODES.invalidType, `${name} must be a string, got ${show(value)}`);
  };
}
