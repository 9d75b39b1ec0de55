import { ISSUE_CODES, MAX_DECIMAL_INTEGER_DIGITS, MAX_DECIMAL_SCALE, decimalFromScientific } from "@mfgsync/canonical";
import type { Converter } from "../converter.js";
import { JsonNumber, jsonNumberOf, numberText } from "../json/number.js";
import { scalar } from "./scalar.js";

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;
const CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const NEGATIVE_ZERO = /^-0(?:\.0+)?$/;

/** Why a decimal string is not canonical, or undefined when it is. Internal. */
export function decimalProblem(text: string, signed: boolean): { code: string; message: string } | undefined {
  const m = PLAIN.exec(text);
  if (!m || !CANONICAL.test(text)) return { code: ISSUE_CODES.decimalFormat, message: `"${text.length > 40 ? text.slice(0, 40) + "…" : text}" is not a decimal (digits, optional "." and fraction digits, no leading zeros, no exponent, no thousands separators)` };
  if (m[1] === "-" && NEGATIVE_ZERO.test(text)) return { code: ISSUE_CODES.decimalFormat, message: `"${text}" is a negative zero` };
  if (m[1] === "-" && !signed) return { code: ISSUE_CODES.tooSmall, message: `"${text}" is negative; the canonical field needs a non-negative amount` };
  if ((m[2] ?? "").length > MAX_DECIMAL_INTEGER_DIGITS) return { code: ISSUE_CODES.decimalScale, message: `"${text}" has more than ${MAX_DECIMAL_INTEGER_DIGITS} integer digits` };
  if ((m[3] ?? "").length > MAX_DECIMAL_SCALE) return { code: ISSUE_CODES.decimalScale, message: `"${text}" has more than ${MAX_DECIMAL_SCALE} fraction digits` };
  return undefined;
}

const isJsonNumberValue = (v: unknown): v is number | JsonNumber => (typeof v === "number" && Number.isFinite(v)) || v instanceof JsonNumber;

/**
 * A decimal sent as a JSON number (OData V4 `Edm.Decimal`, Oracle REST
 * quantities) to a canonical decimal string, digit for digit: read through
 * `decodeWire` (or `parseWireJson`), `12.30` stays `"12.30"` and long
 * fractions are not rounded. Exponent forms and `-0` are read as the decimal
 * they denote, and their spelling is kept so that they go back as read. A
 * string (`"480,5"`, even `"480.5"`) is refused: these protocols send
 * numbers. Encoding writes a JSON number, exact ({@link JsonNumber}) where a
 * double would change it.
 *
 * @example
 * ```ts
 * import { jsonDecimal } from "@mfgsync/mapping";
 * jsonDecimal({ signed: true }).kind; // "JSON decimal"
 * ```
 */
export function jsonDecimal(options: { readonly signed?: boolean } = {}): Converter<number | JsonNumber | null | undefined, string> {
  const signed = options.signed === true;
  return scalar<number | JsonNumber, string>({
    kind: "JSON decimal",
    description: signed ? "JSON number, kept digit for digit" : "non-negative JSON number, kept digit for digit",
    expected: "a JSON number",
    accepts: isJsonNumberValue,
    decode(value, scope, prop) {
      const raw = numberText(value) ?? "";
      let text = raw;
      if (!PLAIN.test(text) || NEGATIVE_ZERO.test(text)) {
        const plain = decimalFromScientific(text);
        if (plain === undefined) return scope.issue(prop, ISSUE_CODES.decimalFormat, `${raw} is not a finite decimal number`);
        text = NEGATIVE_ZERO.test(plain) ? plain.slice(1) : plain;
        scope.carry(prop, value);
      }
      const problem = decimalProblem(text, signed);
      return problem ? scope.issue(prop, problem.code, problem.message) : text;
    },
    encode: (value) => jsonNumberOf(value),
  });
}
