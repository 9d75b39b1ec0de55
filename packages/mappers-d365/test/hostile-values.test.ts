// Values no JSON parser makes (bigints, cycles) reach the mappers from callers that pass objects: an issue
// message must show them briefly instead of throwing (JSON.stringify throws on both), and codes that become
// canonical values with a limit are refused at their D365 property.
import { describe, expect, it } from "vitest";
import { materialMapper, nonconformanceMapper } from "@mfgsync/mappers-d365";
import { fixture, rowsOf } from "./helpers/fixtures.js";

const [NC] = rowsOf(fixture("nonconformance/nonconformances-collection.json")) as [Record<string, unknown>];
const [PRODUCT] = rowsOf(fixture("material/released-products-collection.json")) as [Record<string, unknown>];
const cycle: Record<string, unknown> = {};
cycle["self"] = cycle;

function issuesOf(result: { ok: true } | { ok: false; issues: readonly { path: string; code: string; message: string }[] }) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues;
}

describe("D365 mappers given values without a JSON form", () => {
  for (const [name, value] of [["a bigint", 10n], ["a cyclic object", cycle]] as const) {
    it(`refuse ${name} in an enum property with an issue naming it, without throwing`, () => {
      const nc = issuesOf(nonconformanceMapper.decode({ ...NC, InventNonConformanceType: value }));
      expect(nc.map((i) => i.path)).toContain("/InventNonConformanceType");
      const closed = issuesOf(nonconformanceMapper.decode({ ...NC, Closed: value }));
      expect(closed.map((i) => i.path)).toContain("/Closed");
      const product = issuesOf(materialMapper.decode({ ...PRODUCT, ProductType: value }));
      expect(product.map((i) => i.path)).toContain("/ProductType");
      for (const issue of [...nc, ...closed, ...product]) expect(issue.message.length).toBeLessThan(300);
    });
  }

  it("refuse a problem type longer than a canonical defect code (40) instead of cutting it", () => {
    const issues = issuesOf(nonconformanceMapper.decode({ ...NC, InventTestProblemTypeId: "P".repeat(41) }, undefined, { validate: false }));
    expect(issues.map((i) => [i.path, i.code])).toEqual([["/InventTestProblemTypeId", "value.too-big"]]);
    const ok = nonconformanceMapper.decode({ ...NC, InventTestProblemTypeId: "P".repeat(40) });
    expect(ok.ok && ok.value.defects?.[0]?.code).toBe("P".repeat(40));
  });
});
