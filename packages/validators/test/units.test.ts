import { describe, expect, it } from "vitest";
import { createInMemoryContext, createProfile, validate } from "@mfgsync/validators";
import { event, expectNone, expectPaths, id, inspection, material, order } from "./fixtures.js";

const withUnits = (allowed: string[]) => createProfile({ options: { unit: { allowed } } });

describe("unit/active-code", () => {
  it("passes active Rec 20 units that the target system lists", () => {
    expectNone(validate("production-order", order(), { profile: withUnits(["H87", "KGM"]) }), "unit/active-code");
  });

  it("reports units outside the profile's list, wherever they are", () => {
    const report = validate("production-order", order(), { profile: withUnits(["H87"]) });
    expect(expectPaths(report, "unit/active-code", ["/components/0/requiredQuantity/unit"])[0]?.value).toBe("KGM");
    expectPaths(validate("material", material({ baseUnit: "KGM" }), { profile: withUnits(["H87"]) }), "unit/active-code", ["/baseUnit"]);
  });

  it("leaves inactive codes to the schema check, which reports them with code unit.unknown", () => {
    const report = validate("material", { ...material(), baseUnit: "KG" });
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: "schema/valid", path: "/baseUnit", code: "unit.unknown", value: "KG" })]);
  });
});

describe("unit/compatible-dimension", () => {
  it("passes quantities in convertible units (Rec 20 factors within a dimension)", () => {
    const o = order({ confirmedYield: { value: "0.05", unit: "CEN" }, components: [{ ...order().components[0]!, withdrawnQuantity: { value: "25000", unit: "GRM" } }] });
    expectNone(validate("production-order", o), "unit/compatible-dimension");
  });

  it("reports a yield in litres against a plan in pieces, and a withdrawal in pieces against kilograms", () => {
    const o = order({ confirmedYield: { value: "10", unit: "LTR" }, components: [{ ...order().components[0]!, withdrawnQuantity: { value: "3", unit: "H87" } }] });
    const findings = expectPaths(validate("production-order", o), "unit/compatible-dimension", ["/confirmedYield/unit", "/components/0/withdrawnQuantity/unit"]);
    expect(findings[0]?.message).toContain("LTR (volume) does not convert to H87 (count)");
  });

  it("uses the material's own alternative units to link dimensions", () => {
    const rm = material({ id: id("RM-200"), baseUnit: "KGM", revision: undefined, alternativeUnits: [{ unit: "H87", numerator: "0.25", denominator: "1" }] });
    const o = order({ components: [{ ...order().components[0]!, withdrawnQuantity: { value: "100", unit: "H87" } }] });
    expectPaths(validate("production-order", o), "unit/compatible-dimension", ["/components/0/withdrawnQuantity/unit"]);
    expectNone(validate("production-order", o, { context: createInMemoryContext({ materials: [rm] }) }), "unit/compatible-dimension");
  });

  it("uses the context's unit conversions", () => {
    const o = order({ components: [{ ...order().components[0]!, withdrawnQuantity: { value: "20", unit: "LTR" } }] });
    const context = createInMemoryContext({ unitConversions: [{ from: "LTR", to: "KGM", numerator: "1.25", denominator: "1", material: id("RM-200") }] });
    expectNone(validate("production-order", o, { context }), "unit/compatible-dimension");
    const otherMaterial = createInMemoryContext({ unitConversions: [{ from: "LTR", to: "KGM", numerator: "1.25", denominator: "1", material: id("RM-999") }] });
    expectPaths(validate("production-order", o, { context: otherMaterial }), "unit/compatible-dimension", ["/components/0/withdrawnQuantity/unit"]);
  });

  it("checks confirmations and inspections, and that a material's weights are masses", () => {
    const confirmed = event("production-confirmed", { order: id("1000123"), yield: { value: "5", unit: "H87" }, scrap: { value: "1", unit: "KGM" }, final: false, occurredAt: "2026-03-03T10:00:00Z" }, { subject: "1000123" });
    expectPaths(validate("production-confirmed", confirmed), "unit/compatible-dimension", ["/data/scrap/unit"]);
    expectPaths(validate("inspection", inspection({ inspectedQuantity: { value: "100", unit: "H87" }, sampleSize: { value: "2", unit: "MTR" } })), "unit/compatible-dimension", ["/sampleSize/unit"]);
    expectNone(validate("material", material({ grossWeight: { value: "2.5", unit: "KGM" }, netWeight: { value: "2200", unit: "GRM" } })), "unit/compatible-dimension");
    expectPaths(validate("material", material({ grossWeight: { value: "2.5", unit: "LTR" } })), "unit/compatible-dimension", ["/grossWeight/unit"]);
  });
});

describe("unit/conversion-exact", () => {
  it("passes conversions that land on an exact decimal within the target scale", () => {
    const o = order({ components: [{ ...order().components[0]!, withdrawnQuantity: { value: "1500", unit: "GRM" } }] });
    expectNone(validate("production-order", o), "unit/conversion-exact");
  });

  it("reports conversions beyond the target scale and repeating decimals, computed exactly", () => {
    const o = order({
      components: [
        { ...order().components[0]!, withdrawnQuantity: { value: "1.5", unit: "GRM" } },
        { ...order().components[0]!, requiredQuantity: { value: "10", unit: "LBR" }, withdrawnQuantity: { value: "1", unit: "KGM" } },
      ],
    });
    const findings = expectPaths(validate("production-order", o), "unit/conversion-exact", ["/components/0/withdrawnQuantity/value", "/components/1/withdrawnQuantity/value"]);
    expect(findings[0]?.message).toBe("1.5 GRM is 0.0015 KGM, which has no exact decimal form with at most 3 decimals");
    expect(findings[1]?.message).toMatch(/^1 KGM is 2\.204622621848… LBR/);
    const fine = createProfile({ options: { quantity: { maxScale: 4 } } });
    expectPaths(validate("production-order", o, { profile: fine }), "unit/conversion-exact", ["/components/1/withdrawnQuantity/value"]);
  });

  it("prefers the material's own factor over Rec 20", () => {
    // This material packs 7 pieces to its "dozen": 14 pieces are exactly 2 of them, but 14/12 Rec 20 dozens repeat.
    const fg = material({ alternativeUnits: [{ unit: "DZN", numerator: "7", denominator: "1" }] });
    const o = order({ plannedQuantity: { value: "2", unit: "DZN" }, confirmedYield: { value: "14", unit: "H87" }, operations: [], state: { value: "Waiting" } });
    expectPaths(validate("production-order", o), "unit/conversion-exact", ["/confirmedYield/value"]);
    expectNone(validate("production-order", o, { context: createInMemoryContext({ materials: [fg] }) }), "unit/conversion-exact");
  });
});

describe("unit/alternative-unit-factor", () => {
  it("passes factors that agree with Rec 20 and cross-dimension factors", () => {
    const m = material({ baseUnit: "KGM", alternativeUnits: [{ unit: "GRM", numerator: "1", denominator: "1000" }, { unit: "H87", numerator: "0.25", denominator: "1" }] });
    expectNone(validate("material", m), "unit/alternative-unit-factor");
  });

  it("accepts the base unit's own 1:1 entry, as SAP lists it", () => {
    const m = material({ baseUnit: "H87", alternativeUnits: [{ unit: "H87", numerator: "1", denominator: "1" }, { unit: "DZN", numerator: "12", denominator: "1" }] });
    expectNone(validate("material", m), "unit/alternative-unit-factor");
  });

  it("reports contradicting factors, the base unit with a factor other than 1:1, and duplicates", () => {
    const m = material({
      baseUnit: "KGM",
      alternativeUnits: [{ unit: "GRM", numerator: "1", denominator: "100" }, { unit: "KGM", numerator: "2", denominator: "1" }, { unit: "H87", numerator: "1", denominator: "4" }, { unit: "H87", numerator: "1", denominator: "2" }],
    });
    const findings = expectPaths(validate("material", m), "unit/alternative-unit-factor", ["/alternativeUnits/0", "/alternativeUnits/1", "/alternativeUnits/3/unit"]);
    expect(findings[0]?.message).toBe("1 GRM = 0.01 KGM here, but Rec 20 says 1 GRM = 0.001 KGM");
  });
});
