// The internal exact arithmetic the unit and quantity rules rely on.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, compare, describeRational, divide, integerDigitsOf, multiply, parseDecimal, scaleOf, toDecimalString } from "../src/internal/decimal.js";
import { conversionFactor } from "../src/internal/units.js";

const d = (text: string) => {
  const value = parseDecimal(text);
  if (!value) throw new Error(`not a decimal: ${text}`);
  return value;
};

describe("decimal arithmetic", () => {
  it("adds, multiplies and compares without floating-point error", () => {
    expect(toDecimalString(add(d("0.1"), d("0.2")))).toBe("0.3");
    expect(toDecimalString(multiply(d("2.675"), d("3")))).toBe("8.025");
    expect(compare(add(d("0.1"), d("0.2")), d("0.3"))).toBe(0);
    expect(compare(d("-1.5"), d("1"))).toBe(-1);
    expect(toDecimalString(d("123456789012345678.123456789012"))).toBe("123456789012345678.123456789012");
  });

  it("divides exactly or says it cannot", () => {
    expect(divide(d("1"), d("0"))).toBeUndefined();
    expect(toDecimalString(divide(d("1"), d("8"))!)).toBe("0.125");
    expect(toDecimalString(divide(d("1"), d("3"))!)).toBeUndefined();
    expect(toDecimalString(divide(d("1"), d("1024"))!, 3)).toBeUndefined();
    expect(describeRational(divide(d("1"), d("3"))!, 4)).toBe("0.3333…");
  });

  it("round-trips every canonical decimal and agrees with integer arithmetic", () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 12 }), (units, scale) => {
      const text = toDecimalString({ num: units, den: 10n ** BigInt(scale) }, 12)!;
      expect(compare(d(text), { num: units, den: 10n ** BigInt(scale) })).toBe(0);
      expect(toDecimalString(d(text))).toBe(text);
    }));
  });

  it("measures scale and integer digits as a DECIMAL(p, s) column would", () => {
    expect(scaleOf("1.2300")).toBe(2);
    expect(scaleOf("12")).toBe(0);
    expect(integerDigitsOf("0.5")).toBe(0);
    expect(integerDigitsOf("-120.5")).toBe(3);
  });
});

describe("unit conversion", () => {
  it("uses exact Rec 20 factors within a dimension and nothing across dimensions", () => {
    expect(toDecimalString(conversionFactor("GRM", "KGM", { conversions: [] })!)).toBe("0.001");
    expect(toDecimalString(conversionFactor("LBR", "GRM", { conversions: [] })!)).toBe("453.59237");
    expect(conversionFactor("KGM", "LTR", { conversions: [] })).toBeUndefined();
    expect(conversionFactor("CEL", "KEL", { conversions: [] })).toBeUndefined();
  });

  it("chains material alternative units with Rec 20 (box -> kilogram -> gram)", () => {
    const material = { schemaVersion: "1.0" as const, kind: "material" as const, id: { value: "M", scheme: "x" }, type: { value: "RawMaterial" as const }, baseUnit: "KGM", lifecycleStatus: { value: "Approved" as const }, alternativeUnits: [{ unit: "H87", numerator: "12", denominator: "5" }] };
    expect(toDecimalString(conversionFactor("H87", "GRM", { material, conversions: [] })!)).toBe("2400");
    expect(toDecimalString(conversionFactor("GRM", "H87", { material, conversions: [] })!, 12)).toBeUndefined(); // 1/2400 repeats
  });
});
