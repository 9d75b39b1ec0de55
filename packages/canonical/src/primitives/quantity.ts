import * as z from "zod";
import type { Result } from "../result.js";
import { CanonicalValidationError, ISSUE_CODES } from "../result.js";
import { DecimalString, MAX_DECIMAL_SCALE, SignedDecimalString, decimalFromNumber } from "./decimal.js";
import { UnitCode, isUnitCode } from "./unit.js";
import { quote } from "../quote.js";

/**
 * An amount of material: a non-negative exact decimal string plus an active
 * UN/ECE Rec 20 unit code. B2MML: `QuantityValueType` (`QuantityString` +
 * `UnitOfMeasure`).
 *
 * @example
 * ```ts
 * import { Quantity } from "@mfgsync/canonical";
 * Quantity.parse({ value: "12.5", unit: "KGM" });
 * ```
 */
export const Quantity = z.strictObject({
  /** The amount as an exact decimal string (never a JSON number). B2MML: `QuantityString`. */
  value: DecimalString,
  /** UN/ECE Rec 20 unit code. B2MML: `UnitOfMeasure`. */
  unit: UnitCode,
}).meta({ id: "Quantity", title: "Quantity", description: "A non-negative exact decimal with a UN/ECE Rec 20 unit." });
/** A {@link Quantity} value. @example `const q: Quantity = { value: "1", unit: "H87" };` */
export type Quantity = z.infer<typeof Quantity>;

/**
 * A measured value that may be negative (a temperature, a deviation), with its unit.
 *
 * @example
 * ```ts
 * import { Measure } from "@mfgsync/canonical";
 * Measure.parse({ value: "-18.5", unit: "CEL" });
 * ```
 */
export const Measure = z.strictObject({
  /** The value as an exact signed decimal string. B2MML: `ValueString`. */
  value: SignedDecimalString,
  /** UN/ECE Rec 20 unit code. B2MML: `UnitOfMeasure`. */
  unit: UnitCode,
}).meta({ id: "Measure", title: "Measure", description: "A signed exact decimal with a UN/ECE Rec 20 unit." });
/** A {@link Measure} value. @example `const m: Measure = { value: "-1.5", unit: "CEL" };` */
export type Measure = z.infer<typeof Measure>;

/**
 * Builds a {@link Quantity} from a JavaScript number without floating-point
 * artefacts (`0.1 + 0.2` becomes `"0.3"`). Never throws: NaN, infinities,
 * negative numbers and unknown units come back as issues.
 *
 * @example
 * ```ts
 * import { safeQuantityFromNumber } from "@mfgsync/canonical";
 * const r = safeQuantityFromNumber(0.1 + 0.2, "KGM");
 * if (r.ok) r.value; // { value: "0.3", unit: "KGM" }
 * ```
 */
export function safeQuantityFromNumber(value: number, unit: string): Result<Quantity> {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return { ok: false, issues: [{ path: "/value", code: ISSUE_CODES.invalidType, message: `expected a finite number, got ${String(value)}` }] };
  }
  if (value < 0) {
    return { ok: false, issues: [{ path: "/value", code: ISSUE_CODES.tooSmall, message: `a quantity cannot be negative (${value})` }] };
  }
  if (!isUnitCode(unit)) {
    return { ok: false, issues: [{ path: "/unit", code: ISSUE_CODES.unknownUnit, message: `${quote(unit)} is not an active UN/ECE Rec 20 unit code` }] };
  }
  const text = decimalFromNumber(value) ?? "0";
  const parsed = DecimalString.safeParse(text);
  if (!parsed.success) {
    const scale = (text.split(".")[1] ?? "").length > MAX_DECIMAL_SCALE;
    return { ok: false, issues: [{ path: "/value", code: scale ? ISSUE_CODES.decimalScale : ISSUE_CODES.decimalFormat, message: `${value} cannot be written as a canonical decimal (${text})` }] };
  }
  return { ok: true, value: { value: text, unit } };
}

/**
 * Throwing variant of {@link safeQuantityFromNumber}.
 *
 * @throws {@link CanonicalValidationError} when the number or unit is not acceptable.
 * @example
 * ```ts
 * import { quantityFromNumber } from "@mfgsync/canonical";
 * quantityFromNumber(2.675 * 3, "KGM"); // { value: "8.025", unit: "KGM" }
 * ```
 */
export function quantityFromNumber(value: number, unit: string): Quantity {
  const result = safeQuantityFromNumber(value, unit);
  if (!result.ok) throw new CanonicalValidationError(result.issues, "quantity");
  return result.value;
}
