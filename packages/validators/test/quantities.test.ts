import { describe, expect, it } from "vitest";
import { createInMemoryContext, createProfile, validate } from "@mfgsync/validators";
import { consumed, event, expectNone, expectPaths, id, inspection, lot, material, order } from "./fixtures.js";

describe("quantity/positive", () => {
  it("passes positive planned, required and moved quantities", () => {
    expectNone(validate("production-order", order()), "quantity/positive");
    expectNone(validate("material-consumed", consumed()), "quantity/positive");
  });

  it("reports zero where the concept needs more", () => {
    const o = order({ plannedQuantity: { value: "0", unit: "H87" }, components: [{ ...order().components[0]!, requiredQuantity: { value: "0.000", unit: "KGM" } }] });
    expectPaths(validate("production-order", o), "quantity/positive", ["/plannedQuantity/value", "/components/0/requiredQuantity/value"]);
    expectPaths(validate("material-consumed", consumed({ quantity: { value: "0", unit: "KGM" } })), "quantity/positive", ["/data/quantity/value"]);
    expectPaths(validate("material", material({ alternativeUnits: [{ unit: "KGM", numerator: "4", denominator: "0" }] })), "quantity/positive", ["/alternativeUnits/0/denominator"]);
    expectPaths(validate("inspection", inspection({ sampleSize: { value: "0", unit: "H87" } })), "quantity/positive", ["/sampleSize/value"]);
    expectPaths(validate("lot", lot({ parents: [{ lot: id("RM-LOT-7"), quantity: { value: "0", unit: "KGM" } }] })), "quantity/positive", ["/parents/0/quantity/value"]);
  });

  it("allows a final confirmation of nothing but not a partial one", () => {
    const confirm = (final: boolean) => event("production-confirmed", { order: id("1000123"), yield: { value: "0", unit: "H87" }, final, occurredAt: "2026-03-03T10:00:00Z" }, { subject: "1000123" });
    expectNone(validate("production-confirmed", confirm(true)), "quantity/positive");
    expectPaths(validate("production-confirmed", confirm(false)), "quantity/positive", ["/data/yield/value"]);
  });
});

describe("quantity/precision", () => {
  it("passes quantities within the default 13,3 (trailing zeros do not count)", () => {
    expectNone(validate("lot", lot({ quantity: { value: "9999999999.125000", unit: "KGM" } })), "quantity/precision");
  });

  it("reports too many decimals and too many integer digits", () => {
    expectPaths(validate("lot", lot({ quantity: { value: "1.2345", unit: "KGM" } })), "quantity/precision", ["/quantity/value"]);
    const report = validate("lot", lot({ quantity: { value: "12345678901", unit: "KGM" } }));
    expect(expectPaths(report, "quantity/precision", ["/quantity/value"])[0]?.message).toContain("11 integer digits; the target system keeps 10");
  });

  it("follows the profile's limits, per unit too", () => {
    const pieces = createProfile({ options: { quantity: { maxScaleByUnit: { H87: 0 } } } });
    expectPaths(validate("lot", lot({ quantity: { value: "2.5", unit: "H87" } }), { profile: pieces }), "quantity/precision", ["/quantity/value"]);
    expectNone(validate("lot", lot({ quantity: { value: "2.5", unit: "KGM" } }), { profile: pieces }), "quantity/precision");
    const wide = createProfile({ options: { quantity: { maxScale: 6, maxPrecision: 20 } } });
    expectNone(validate("lot", lot({ quantity: { value: "1.234567", unit: "KGM" } }), { profile: wide }), "quantity/precision");
  });

  it("checks quantities inside events but not signed measured values", () => {
    expectPaths(validate("material-consumed", consumed({ quantity: { value: "0.0001", unit: "KGM" } })), "quantity/precision", ["/data/quantity/value"]);
    const measured = inspection({ results: [...inspection().results, { characteristic: "0030", measured: { value: "2.00001", unit: "KGM" }, evaluation: { value: "Pass" } }] });
    expectNone(validate("inspection", measured), "quantity/precision");
  });
});

describe("quantity/over-delivery", () => {
  it("passes yield up to the planned quantity plus tolerance", () => {
    expectNone(validate("production-order", order({ confirmedYield: { value: "100", unit: "H87" } })), "quantity/over-delivery");
    const tolerant = createProfile({ options: { quantity: { overDeliveryTolerancePercent: "10" } } });
    expectNone(validate("production-order", order({ confirmedYield: { value: "110", unit: "H87" } }), { profile: tolerant }), "quantity/over-delivery");
  });

  it("reports yield above plan plus tolerance, for the order and each operation", () => {
    const o = order({ confirmedYield: { value: "100.001", unit: "H87" } });
    expect(expectPaths(validate("production-order", o), "quantity/over-delivery", ["/confirmedYield/value"])[0]?.message)
      .toBe("confirmed yield 100.001 H87 exceeds the planned 100 H87 plus 0% over-delivery tolerance (at most 100 H87)");
    const tolerant = createProfile({ options: { quantity: { overDeliveryTolerancePercent: "2.5" } } });
    const ops = order({ operations: [{ ...order().operations[0]!, confirmedYield: { value: "103", unit: "H87" } }, order().operations[1]!] });
    expectPaths(validate("production-order", ops, { profile: tolerant }), "quantity/over-delivery", ["/operations/0/confirmedYield/value"]);
  });

  it("compares exactly across units (the material's alternative units included)", () => {
    const context = createInMemoryContext({ materials: [material({ baseUnit: "H87", alternativeUnits: [{ unit: "KGM", numerator: "4", denominator: "1" }] })] });
    expectNone(validate("production-order", order({ confirmedYield: { value: "25", unit: "KGM" } }), { context }), "quantity/over-delivery");
    expectPaths(validate("production-order", order({ confirmedYield: { value: "25.001", unit: "KGM" } }), { context }), "quantity/over-delivery", ["/confirmedYield/value"]);
  });
});
