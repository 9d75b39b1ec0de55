import { describe, expect, it } from "vitest";
import type { CharacteristicResult } from "@mfgsync/canonical";
import { createInMemoryContext, validate } from "@mfgsync/validators";
import { event, expectNone, expectPaths, id, inspection } from "./fixtures.js";

const base = inspection();
const withResults = (...results: CharacteristicResult[]) => inspection({ results: [...base.results, ...results] });
const recorded = (...results: CharacteristicResult[]) =>
  event("inspection-result-recorded", { inspection: id("890000000123"), results: results as [CharacteristicResult, ...CharacteristicResult[]] }, { subject: "890000000123" });
const known = createInMemoryContext({ inspections: [base] });

describe("inspection/result-within-limits", () => {
  it("passes results inside the limits (inclusive) and results converted from another unit", () => {
    expectNone(validate("inspection", withResults({ characteristic: "0010", measured: { value: "12.02", unit: "MMT" }, evaluation: { value: "Pass" } })), "inspection/result-within-limits");
    expectNone(validate("inspection", withResults({ characteristic: "0030", measured: { value: "2050", unit: "GRM" }, evaluation: { value: "Pass" } })), "inspection/result-within-limits");
  });

  it("reports a Pass outside the limits, in events too (characteristics from the context)", () => {
    const report = validate("inspection", withResults(
      { characteristic: "0010", measured: { value: "12.021", unit: "MMT" }, evaluation: { value: "Pass" } },
      { characteristic: "0030", measured: { value: "1899", unit: "GRM" }, evaluation: { value: "Pass" } },
      { characteristic: "0010", measured: { value: "13", unit: "MMT" }, evaluation: { value: "Fail" } },
    ));
    const findings = expectPaths(report, "inspection/result-within-limits", ["/results/2/evaluation/value", "/results/3/evaluation/value"]);
    expect(findings[1]?.message).toBe("result 1899 GRM (1.899 KGM) is below the lower limit 1.9 KGM of characteristic 0030 but evaluated Pass");
    const out = recorded({ characteristic: "0010", measured: { value: "11.9", unit: "MMT" }, evaluation: { value: "Pass" } });
    expectPaths(validate("inspection-result-recorded", out, { context: known }), "inspection/result-within-limits", ["/data/results/0/evaluation/value"]);
    expectNone(validate("inspection-result-recorded", out), "inspection/result-within-limits");
  });
});

describe("inspection/result-unit", () => {
  it("passes results in the characteristic's unit or a convertible one", () => {
    expectNone(validate("inspection", withResults({ characteristic: "0010", measured: { value: "1.201", unit: "CMT" }, evaluation: { value: "Pass" } })), "inspection/result-unit");
  });

  it("reports results in units that do not convert, in events too", () => {
    const report = validate("inspection", withResults({ characteristic: "0010", measured: { value: "12", unit: "KGM" }, evaluation: { value: "Pass" } }));
    expect(expectPaths(report, "inspection/result-unit", ["/results/2/measured/unit"])[0]?.message).toBe("result unit KGM (mass) does not convert to MMT (length), the unit of characteristic 0010");
    const celsius = recorded({ characteristic: "0030", measured: { value: "20", unit: "CEL" }, evaluation: { value: "Fail" } });
    expectPaths(validate("inspection-result-recorded", celsius, { context: known }), "inspection/result-unit", ["/data/results/0/measured/unit"]);
  });
});

describe("inspection/decision-complete", () => {
  it("passes a decision with every required characteristic recorded, and no decision yet", () => {
    expectNone(validate("inspection", base), "inspection/decision-complete");
    expectNone(validate("inspection", inspection({ results: [], decision: undefined })), "inspection/decision-complete");
  });

  it("reports a decision with required characteristics missing, in events too", () => {
    const partial = inspection({ results: [base.results[0]!] });
    const findings = expectPaths(validate("inspection", partial), "inspection/decision-complete", ["/decision"]);
    expect(findings[0]?.value).toEqual(["0020"]);
    const decided = event("inspection-decision-made", { inspection: id("890000000123"), subject: { lot: id("0000012345") }, decision: { outcome: { value: "Accepted" } } }, { subject: "890000000123" });
    const context = createInMemoryContext({ inspections: [inspection({ results: [], decision: undefined })] });
    expectPaths(validate("inspection-decision-made", decided, { context }), "inspection/decision-complete", ["/data/decision"]);
    expectNone(validate("inspection-decision-made", decided, { context: known }), "inspection/decision-complete");
  });
});

describe("inspection/quantity-split-sum", () => {
  const split = (quantities: Record<string, unknown>, inspected: { value: string; unit: string } | null = { value: "100", unit: "H87" }) =>
    inspection({ ...(inspected ? { inspectedQuantity: inspected } : {}), decision: { outcome: { value: "Accepted" }, resultingDisposition: "UnRestricted", quantities } });

  it("passes a split that adds up to the inspected quantity, across units and with other categories", () => {
    expectNone(validate("inspection", split({ accepted: { value: "90", unit: "H87" }, rejected: { value: "8", unit: "H87" }, sampleDestroyed: { value: "2", unit: "H87" } })), "inspection/quantity-split-sum");
    // 8 dozen are 96 units (Rec 20: DZN = 12 C62).
    expectNone(validate("inspection", split({ accepted: { value: "8", unit: "DZN" }, toRework: { value: "3", unit: "C62" }, other: [{ code: "RESERVES", quantity: { value: "1", unit: "C62" } }] }, { value: "100", unit: "C62" })), "inspection/quantity-split-sum");
    // Nothing to compare with: no inspected quantity.
    expectNone(validate("inspection", split({ accepted: { value: "1", unit: "H87" } }, null)), "inspection/quantity-split-sum");
  });

  it("reports a split that does not add up, and a part in a unit that does not convert", () => {
    const [finding] = expectPaths(validate("inspection", split({ accepted: { value: "90", unit: "H87" }, rejected: { value: "8", unit: "H87" } })), "inspection/quantity-split-sum", ["/decision/quantities"]);
    expect(finding?.message).toBe("the decision's quantities add up to 98 H87, but 100 H87 were inspected");
    expectPaths(validate("inspection", split({ accepted: { value: "101", unit: "H87" } })), "inspection/quantity-split-sum", ["/decision/quantities"]);
    expectPaths(validate("inspection", split({ accepted: { value: "99", unit: "H87" }, scrapped: { value: "1", unit: "KGM" } })), "inspection/quantity-split-sum", ["/decision/quantities/scrapped/unit"]);
  });

  it("checks decision events against their own or the context's inspected quantity", () => {
    const decided = (inspectedQuantity?: { value: string; unit: string }) => event("inspection-decision-made", {
      inspection: id("890000000123"), subject: { lot: id("0000012345") }, ...(inspectedQuantity ? { inspectedQuantity } : {}),
      decision: { outcome: { value: "Accepted" }, quantities: { accepted: { value: "90", unit: "H87" } } },
    }, { subject: "890000000123" });
    expectPaths(validate("inspection-decision-made", decided({ value: "100", unit: "H87" })), "inspection/quantity-split-sum", ["/data/decision/quantities"]);
    expectNone(validate("inspection-decision-made", decided({ value: "90", unit: "H87" })), "inspection/quantity-split-sum");
    const context = createInMemoryContext({ inspections: [inspection({ inspectedQuantity: { value: "100", unit: "H87" } })] });
    expectPaths(validate("inspection-decision-made", decided(), { context }), "inspection/quantity-split-sum", ["/data/decision/quantities"]);
    expectNone(validate("inspection-decision-made", decided()), "inspection/quantity-split-sum");
  });
});
