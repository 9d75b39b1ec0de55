import * as z from "zod";
import { quote } from "../quote.js";

/** Most fraction digits a canonical decimal may carry. Longer fractions are almost always binary floating-point artefacts such as `0.30000000000000004`. */
export const MAX_DECIMAL_SCALE = 12;
/** Most integer digits a canonical decimal may carry (SAP's widest quantity fields hold 31 digits with 14 decimals; 18 covers every quantity seen in the vendor specs). */
export const MAX_DECIMAL_INTEGER_DIGITS = 18;

/** Pattern of a non-negative canonical decimal; also exported to JSON Schema as `pattern`. */
export const UNSIGNED_DECIMAL_PATTERN = /^(?:0|[1-9]\d{0,17})(?:\.\d{1,12})?$/;
/** Pattern of a signed canonical decimal. A negative zero (`-0`, `-0.00`) is refused, as the mapping core refuses it: zero is written `0`. */
export const SIGNED_DECIMAL_PATTERN = /^(?!-0(?:\.0+)?$)-?(?:0|[1-9]\d{0,17})(?:\.\d{1,12})?$/;

/**
 * A non-negative exact decimal as a string (`"12.5"`, `"0"`): no exponent,
 * no leading zeros, no thousands separators, `.` as the decimal mark, at most
 * 12 fraction digits. Numbers are refused on purpose: JSON numbers lose
 * precision in many runtimes.
 *
 * @example
 * ```ts
 * import { DecimalString } from "@mfgsync/canonical";
 * DecimalString.parse("12.5");       // ok
 * DecimalString.safeParse("12,5");   // fails: comma
 * ```
 */
export const DecimalString = z.string().regex(UNSIGNED_DECIMAL_PATTERN, {
  error: (issue) => `${quote(issue.input)} is not a non-negative decimal string (digits, optional "." and at most ${MAX_DECIMAL_SCALE} fraction digits)`,
});
/** A {@link DecimalString} value. @example `const d: DecimalString = "1.25";` */
export type DecimalString = z.infer<typeof DecimalString>;

/**
 * A signed exact decimal as a string, for measured values and limits that
 * may be negative (temperatures, deviations).
 *
 * @example
 * ```ts
 * import { SignedDecimalString } from "@mfgsync/canonical";
 * SignedDecimalString.parse("-18.5");
 * ```
 */
export const SignedDecimalString = z.string().regex(SIGNED_DECIMAL_PATTERN, {
  error: (issue) => /^-0(?:\.0+)?$/.test(String(issue.input)) ? `${quote(issue.input)} is a negative zero (write "0")`
    : `${quote(issue.input)} is not a decimal string (optional "-", digits, optional "." and at most ${MAX_DECIMAL_SCALE} fraction digits)`,
});
/** A {@link SignedDecimalString} value. @example `const d: SignedDecimalString = "-0.5";` */
export type SignedDecimalString = z.infer<typeof SignedDecimalString>;

/**
 * Converts a JavaScript number to a canonical decimal string without
 * floating-point artefacts: safe integers are written as they are, other
 * numbers are rounded to 15 significant digits (what a double holds exactly)
 * and written without exponent.
 * Returns `undefined` for NaN and infinities.
 *
 * @example
 * ```ts
 * import { decimalFromNumber } from "@mfgsync/canonical";
 * decimalFromNumber(0.1 + 0.2); // "0.3"
 * decimalFromNumber(1e21);      // "1000000000000000000000"
 * ```
 */
export function decimalFromNumber(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (value === 0) return "0";
  // Integers up to 2^53 are exact in a double; rounding them to 15 digits would change 16-digit ones.
  if (Number.isSafeInteger(value)) return String(value);
  return decimalFromScientific(value.toPrecision(15));
}

const SCIENTIFIC = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;

/**
 * Rewrites a number in plain or scientific text (`"1.0000000000000000E+01"`,
 * `"-2.5e-3"`, `"12.50"`) as the exact canonical decimal it denotes, digit
 * for digit and without rounding (`"10"`, `"-0.0025"`, `"12.5"`). Returns
 * `undefined` for anything that is not such a number.
 *
 * @example
 * ```ts
 * import { decimalFromScientific } from "@mfgsync/canonical";
 * decimalFromScientific("1.0000000000000000E+01"); // "10"
 * decimalFromScientific("12,5");                   // undefined
 * ```
 */
export function decimalFromScientific(text: string): string | undefined {
  const m = SCIENTIFIC.exec(text.trim());
  if (!m || ((m[2] ?? "") === "" && (m[3] ?? "") === "")) return undefined;
  const negative = m[1] === "-";
  const intDigits = m[2] ?? "";
  const fracDigits = m[3] ?? "";
  let digits = intDigits + fracDigits;
  let point = intDigits.length + Number(m[4] ?? "0");
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  const fraction = digits.slice(point).replace(/0+$/, "");
  const out = fraction ? `${integer}.${fraction}` : integer;
  return negative && out !== "0" ? `-${out}` : out;
}
