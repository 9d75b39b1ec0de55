import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CanonicalValidationError, DateOrTimestamp, DecimalString, ISSUE_CODES, PlainDate, SignedDecimalString, Timestamp, UnitCode, decimalFromNumber,
  describeUnit, isUnitCode, quantityFromNumber, safeParseInspection, safeQuantityFromNumber, toJsonPointer,
} from "@mfgsync/canonical";
import { exampleCopy, jsonSchemaValidator } from "./support.js";

describe("quantityFromNumber", () => {
  it("writes numbers without floating-point artefacts", () => {
    expect(quantityFromNumber(0.1 + 0.2, "KGM")).toEqual({ value: "0.3", unit: "KGM" });
    expect(quantityFromNumber(2.675 * 3, "KGM")).toEqual({ value: "8.025", unit: "KGM" });
    expect(quantityFromNumber(1.1 * 3, "LTR")).toEqual({ value: "3.3", unit: "LTR" });
    expect(quantityFromNumber(0, "H87")).toEqual({ value: "0", unit: "H87" });
    expect(quantityFromNumber(100, "H87")).toEqual({ value: "100", unit: "H87" });
  });

  it("returns issues for what no quantity can be, and the throwing variant throws them", () => {
    const cases: Array<[number, string, string, string]> = [
      [-1, "KGM", "/value", ISSUE_CODES.tooSmall],
      [Number.NaN, "KGM", "/value", ISSUE_CODES.invalidType],
      [Number.POSITIVE_INFINITY, "KGM", "/value", ISSUE_CODES.invalidType],
      [1, "PCE", "/unit", ISSUE_CODES.unknownUnit],
      [1, "KG", "/unit", ISSUE_CODES.unknownUnit],
      [1e-13, "KGM", "/value", ISSUE_CODES.decimalScale],
      [1e21, "KGM", "/value", ISSUE_CODES.decimalFormat],
    ];
    for (const [value, unit, path, code] of cases) {
      const result = safeQuantityFromNumber(value, unit);
      expect(result.ok ? [] : result.issues).toEqual([{ path, code, message: expect.any(String) }]);
      expect(() => quantityFromNumber(value, unit)).toThrow(CanonicalValidationError);
    }
    expect(safeQuantityFromNumber("12" as unknown as number, "KGM").ok).toBe(false);
  });

  it("turns decimal-looking numbers (an integer over a power of ten) into exactly that decimal", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 6 }), (units, scale) => {
      const value = units / 10 ** scale;
      const result = safeQuantityFromNumber(value, "KGM");
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(DecimalString.safeParse(result.value.value).success).toBe(true);
      expect(Number(result.value.value)).toBe(value);
      expect((result.value.value.split(".")[1] ?? "").length).toBeLessThanOrEqual(scale);
    }));
  });

  it("for any non-negative double, gives a valid close quantity or a decimal issue, never anything else", () => {
    fc.assert(fc.property(fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), (value) => {
      const result = safeQuantityFromNumber(value, "H87");
      if (result.ok) {
        expect(DecimalString.safeParse(result.value.value).success).toBe(true);
        expect(Number(result.value.value)).toBe((Number.isSafeInteger(value) ? value : Number(value.toPrecision(15))) + 0); // + 0: -0 is written "0"
      } else {
        expect(result.issues).toEqual([{ path: "/value", code: expect.stringMatching(/^decimal\.(scale|format)$/), message: expect.any(String) }]);
      }
    }));
  });
});

describe("decimalFromNumber", () => {
  it.each([
    [0.1 + 0.2, "0.3"],
    [1e21, "1000000000000000000000"],
    [123456789012345680000, "123456789012346000000"],
    [Number.MAX_SAFE_INTEGER, "9007199254740991"],
    [1234567890123456, "1234567890123456"],
    [1.5e-10, "0.00000000015"],
    [5e-324, "0.".padEnd(325, "0") + "494065645841247"],
    [-0.000001, "-0.000001"],
    [-1234.5, "-1234.5"],
    [-(0.1 + 0.2), "-0.3"],
    [0, "0"],
    [-0, "0"],
    [12.5, "12.5"],
  ])("%s → %s", (value, text) => {
    expect(decimalFromNumber(value)).toBe(text);
  });

  it("returns undefined for NaN and infinities", () => {
    expect(decimalFromNumber(Number.NaN)).toBeUndefined();
    expect(decimalFromNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(decimalFromNumber(Number.NEGATIVE_INFINITY)).toBeUndefined();
  });

  it("never writes an exponent, and reads back as the same number (safe integers) or to 15 significant digits", () => {
    fc.assert(fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.maxSafeInteger()), (value) => {
      const text = decimalFromNumber(value)!;
      expect(text).toMatch(/^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/);
      expect(Number(text)).toBe((Number.isSafeInteger(value) ? value : Number(value.toPrecision(15))) + 0); // + 0: -0 is written "0"
    }));
  });

  it("keeps every safe integer exactly", () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (value) => {
      expect(decimalFromNumber(value)).toBe(value === 0 ? "0" : String(value));
    }));
  });
});

describe("units", () => {
  it("describeUnit knows dimensions and exact factors", () => {
    expect(describeUnit("GRM")).toMatchObject({ code: "GRM", dimension: "mass", factorToBase: "0.001" });
    expect(describeUnit("KGM")).toMatchObject({ dimension: "mass", factorToBase: "1" });
    expect(describeUnit("LBR")).toMatchObject({ dimension: "mass", factorToBase: "0.45359237" });
    expect(describeUnit("LTR")).toMatchObject({ dimension: "volume", factorToBase: "0.001" });
    expect(describeUnit("MTQ")).toMatchObject({ dimension: "volume", factorToBase: "1" });
    expect(describeUnit("H87")).toMatchObject({ code: "H87", name: "piece", dimension: "count", factorToBase: "1" });
    expect(describeUnit("DZN")).toMatchObject({ dimension: "count", factorToBase: "12" });
    expect(describeUnit("MMT")).toMatchObject({ dimension: "length", factorToBase: "0.001" });
  });

  it("describeUnit gives affine units a dimension but no factor, and refuses codes that are not active", () => {
    const celsius = describeUnit("CEL");
    expect(celsius).toMatchObject({ dimension: "temperature" });
    expect(celsius).not.toHaveProperty("factorToBase");
    for (const code of ["PCE", "PC", "ST", "KG", "kgm", "", "__proto__", "constructor"]) expect(describeUnit(code)).toBeUndefined();
  });

  it("isUnitCode accepts active Rec 20 codes only", () => {
    for (const code of ["H87", "KGM", "LTR", "C62", "EA", "MTR"]) expect(isUnitCode(code)).toBe(true);
    for (const code of ["PCE", "PC", "ST", "KG", "XBX", "h87", " KGM", "", "toString", "__proto__"]) expect(isUnitCode(code)).toBe(false);
    for (const value of [1, null, undefined, {}, ["KGM"]]) expect(isUnitCode(value)).toBe(false);
  });

  it("every unit code the schema accepts is one isUnitCode and describeUnit know", () => {
    const codes = UnitCode.options as string[];
    expect(codes.length).toBeGreaterThan(1500);
    for (const code of codes) {
      expect(isUnitCode(code)).toBe(true);
      expect(describeUnit(code)?.code).toBe(code);
    }
  });
});

describe("toJsonPointer and CanonicalValidationError", () => {
  it("escapes ~ and / as RFC 6901 says", () => {
    expect(toJsonPointer([])).toBe("");
    expect(toJsonPointer(["operations", 0, "a/b", "c~d"])).toBe("/operations/0/a~1b/c~0d");
    expect(toJsonPointer(["~1"])).toBe("/~01");
  });

  it("carries its issues and names the first one", () => {
    const error = new CanonicalValidationError([{ path: "/quantity/unit", code: "unit.unknown", message: "nope" }, { path: "", code: "x", message: "y" }], "lot");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("CanonicalValidationError");
    expect(error.issues).toHaveLength(2);
    expect(error.message).toBe("lot is not valid: /quantity/unit nope (and 1 more)");
  });
});

// zod and the published JSON Schema must agree on the edge cases of every primitive format.
describe("zod and the JSON Schema agree on primitive edge cases", () => {
  const validateLot = jsonSchemaValidator("lot");
  const agree = (field: string, schema: { safeParse(v: unknown): { success: boolean } }, value: string, expected: boolean) => {
    expect(schema.safeParse(value).success).toBe(expected);
    const lot = exampleCopy("lot");
    if (field === "quantity") lot.quantity.value = value;
    else lot[field] = value;
    expect(validateLot(lot)).toBe(expected);
  };

  it.each([
    ["2026-03-02T06:30:00Z", true], ["2026-03-02T06:30:00+01:00", true], ["2026-03-02T06:30:00.123456789-05:45", true],
    ["2026-03-02T06:30:00", false], ["2026-03-02T06:30Z", false], ["2026-03-02T06:30:00+0100", false], ["2026-03-02t06:30:00z", false],
    ["2026-03-02T24:00:00Z", false], ["2026-03-02T23:59:60Z", false], ["2026-02-29T00:00:00Z", false], ["2028-02-29T00:00:00Z", true],
    ["2026-03-02 06:30:00Z", false],
  ])("timestamp %s → %s", (value, expected) => {
    agree("lastChangedAt", Timestamp, value, expected);
  });

  it.each([
    ["2026-03-02", true], ["2028-02-29", true], ["2000-02-29", true], ["2100-02-29", false], ["2026-02-30", false],
    ["2026-04-31", false], ["2026-3-2", false], ["20260302", false], ["2026-13-01", false],
  ])("plain date %s → %s", (value, expected) => {
    agree("retestOn", PlainDate, value, expected);
    agree("manufacturedAt", DateOrTimestamp, value, expected);
  });

  it.each([
    ["0", true], ["12.5", true], ["0.000000000001", true], ["999999999999999999.999999999999", true],
    ["0.30000000000000004", false], ["1000000000000000000", false], ["-1", false], ["12,5", false], [".5", false], ["5.", false],
    ["1e3", false], ["01", false], ["+1", false], ["NaN", false], ["", false],
  ])("decimal %s → %s", (value, expected) => {
    agree("quantity", DecimalString, value, expected);
  });

  it("signed decimals take a minus sign and nothing else", () => {
    for (const value of ["-0.5", "-18.5", "0", "-0.001"]) expect(SignedDecimalString.safeParse(value).success).toBe(true);
    for (const value of ["--1", "+1", "- 1", "−1"]) expect(SignedDecimalString.safeParse(value).success).toBe(false);
  });

  // One rule everywhere: the mapping core calls a negative zero a format error, so the canonical schema and JSON Schema refuse it too.
  it.each([["-0", false], ["-0.0", false], ["-0.000", false], ["-0.5", true], ["-0.01", true], ["0", true], ["-10", true]])("signed decimal %s → %s (zod, JSON Schema and the parser's issue code agree)", (value, expected) => {
    expect(SignedDecimalString.safeParse(value).success).toBe(expected);
    const inspection = exampleCopy("inspection");
    inspection.results[0].measured.value = value;
    expect(jsonSchemaValidator("inspection")(inspection)).toBe(expected);
    const parsed = safeParseInspection(inspection);
    expect(parsed.ok).toBe(expected);
    if (!parsed.ok) expect(parsed.issues).toEqual([{ path: "/results/0/measured/value", code: "decimal.format", message: expect.stringContaining("negative zero") }]);
  });
});

describe("decimalFromScientific", () => {
  it("rewrites scientific and plain text digit for digit", async () => {
    const { decimalFromScientific } = await import("@mfgsync/canonical");
    expect(decimalFromScientific("1.0000000000000000E+01")).toBe("10");
    expect(decimalFromScientific("-2.5e-3")).toBe("-0.0025");
    expect(decimalFromScientific("12.50")).toBe("12.5");
    expect(decimalFromScientific("0.000")).toBe("0");
    expect(decimalFromScientific("-0")).toBe("0");
    expect(decimalFromScientific(".5")).toBe("0.5");
    expect(decimalFromScientific("3.14159265358979311600E+00")).toBe("3.141592653589793116");
  });

  it("refuses what is not a number", async () => {
    const { decimalFromScientific } = await import("@mfgsync/canonical");
    for (const text of ["12,5", "", ".", "e5", "1e", "abc", "1.2.3", "0x10"]) expect(decimalFromScientific(text), text).toBeUndefined();
  });
});
