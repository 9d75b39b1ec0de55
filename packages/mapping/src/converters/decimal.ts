import { ISSUE_CODES, MAX_DECIMAL_INTEGER_DIGITS, MAX_DECIMAL_SCALE, decimalFromNumber, decimalFromScientific } from "@mfgsync/canonical";
import type { Converter } from "../converter.js";
import { MAPPING_CODES } from "../result.js";
import { wrongType } from "./basic.js";

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;
const CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** Why a decimal string is not canonical, or undefined when it is. Internal. */
export function decimalProblem(text: string, signed: boolean): { code: string; message: string } | undefined {
  const m = PLAIN.exec(text);
  if (!m || !CANONICAL.test(text)) return { code: ISSUE_CODES.decimalFormat, message: `"${text}" is not a decimal (digits, optional "." and fraction digits, no leading zeros, no exponent, no thousands separators)` };
  if (m[1] === "-" && !signed && !/^-0(?:\.0+)?$/.test(text)) return { code: ISSUE_CODES.tooSmall, message: `"${text}" is negative; the canonical field needs a non-negative amount` };
  if (m[1] === "-" && /^-0(?:\.0+)?$/.test(text)) return { code: ISSUE_CODES.decimalFormat, message: `"${text}" is a negative zero` };
  if ((m[2] ?? "").length > MAX_DECIMAL_INTEGER_DIGITS) return { code: ISSUE_CODES.decimalScale, message: `"${text}" has more than ${MAX_DECIMAL_INTEGER_DIGITS} integer digits` };
  if ((m[3] ?? "").length > MAX_DECIMAL_SCALE) return { code: ISSUE_CODES.decimalScale, message: `"${text}" has more than ${MAX_DECIMAL_SCALE} fraction digits` };
  return undefined;
}

/**
 * A decimal sent as a string (OData V2 `Edm.Decimal`) to a canonical decimal
 * string, kept digit for digit (`"0.00"` stays `"0.00"`). `12,5`, exponents
 * and, unless `signed`, negative amounts are issues. A missing canonical
 * value is written as `null`.
 *
 * @example
 * ```ts
 * import { decimal } from "@mfgsync/mapping";
 * decimal({ signed: true }).kind; // "decimal"
 * ```
 */
export function decimal(options: { readonly signed?: boolean } = {}): Converter<string | null | undefined, string> {
  const signed = options.signed === true;
  return {
    kind: "decimal",
    description: signed ? "decimal string, kept digit for digit" : "non-negative decimal string, kept digit for digit",
    arity: 1,
    decode(value, scope, props) {
      if (value === undefined) return undefined;
      if (value === null) {
        scope.carry(props[0] ?? "", null);
        return undefined;
      }
      if (typeof value !== "string") return scope.issue(props[0] ?? "", ISSUE_CODES.invalidType, wrongType("a decimal string", value));
      const problem = decimalProblem(value, signed);
      return problem ? scope.issue(props[0] ?? "", problem.code, problem.message) : value;
    },
    encode(value) {
      return value === undefined ? null : value;
    },
  };
}

/** SAP Gateway's text form of a double: 17 significant digits, `1.0000000000000000E+01`. Internal. */
export function doubleTextFromDecimal(value: string): string | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) return undefined;
  const sign = m[1] ?? "";
  const all = (m[2] ?? "") + (m[3] ?? "");
  const firstNonZero = all.search(/[1-9]/);
  if (firstNonZero < 0) return "0.0000000000000000E+00";
  const significant = all.slice(firstNonZero).replace(/0+$/, "");
  if (significant.length > 17) return undefined;
  const exponent = (m[2] ?? "").length - 1 - firstNonZero;
  const mantissa = (significant + "0".repeat(17)).slice(0, 17);
  const expText = String(Math.abs(exponent)).padStart(2, "0");
  return `${sign}${mantissa[0]}.${mantissa.slice(1)}E${exponent < 0 ? "-" : "+"}${expText}`;
}

/**
 * A floating-point value (OData V2 `Edm.Double`, sent as a number or as text
 * such as `"1.0000000000000000E+01"`) to an exact canonical decimal string.
 * Encoding writes SAP Gateway's text form with 17 significant digits; the
 * exact input form is kept in the extensions when it differs.
 *
 * @example
 * ```ts
 * import { doubleDecimal } from "@mfgsync/mapping";
 * doubleDecimal().kind; // "double→decimal"
 * ```
 */
export function doubleDecimal(options: { readonly signed?: boolean } = {}): Converter<string | number | null | undefined, string> {
  const signed = options.signed !== false;
  return {
    kind: "double→decimal",
    description: 'number or exponent text ("1.0000000000000000E+01") to an exact decimal',
    arity: 1,
    decode(value, scope, props) {
      const prop = props[0] ?? "";
      if (value === undefined) return undefined;
      if (value === null) {
        scope.carry(prop, null);
        return undefined;
      }
      let text: string | undefined;
      if (typeof value === "number") text = decimalFromNumber(value);
      else if (typeof value === "string") text = decimalFromScientific(value);
      else return scope.issue(prop, ISSUE_CODES.invalidType, wrongType("a number or numeric text", value));
      if (text === undefined) return scope.issue(prop, ISSUE_CODES.decimalFormat, `${JSON.stringify(value)} is not a number`);
      const problem = decimalProblem(text, signed);
      if (problem) return scope.issue(prop, problem.code, problem.message);
      if (doubleTextFromDecimal(text) !== value) scope.carry(prop, value);
      return text;
    },
    encode(value, scope, pointer) {
      if (value === undefined) return null;
      const out = doubleTextFromDecimal(value);
      return out ?? scope.issue(pointer, MAPPING_CODES.decimalPrecision, `${value} has more than the 17 significant digits a double holds`);
    },
  };
}
