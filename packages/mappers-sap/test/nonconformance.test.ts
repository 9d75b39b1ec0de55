import type { Nonconformance } from "@mfgsync/canonical";
import { safeParseNonconformance } from "@mfgsync/canonical";
import { arbitraryNonconformance } from "@mfgsync/canonical/testing";
import { nonconformanceMapper } from "@mfgsync/mappers-sap";
import { describeConformance } from "@mfgsync/mapping/testing";
import { describe, expect, it } from "vitest";
import { entitiesOf, fixture } from "./helpers/fixtures.js";
import { SAP_TEST_UNITS, SCHEME, clean, fitDate, fitId, fitOptionalText, fitQuantity, fitText, withoutSap } from "./helpers/fit.js";

const SANDBOX = entitiesOf(fixture("nonconformance/defects-sandbox-collection.json")) as Record<string, unknown>[];
const MAJOR = entitiesOf(fixture("nonconformance/defect-123-order-major.json"))[0] as Record<string, unknown>;
const CONTEXT = { plantTimeZones: { "1010": "Europe/Berlin" }, defaultTimeZone: "Asia/Tokyo" };

/** The nonconformances an SAP defect can hold: one affected item and one defect code, SAP lengths and codes. */
function fitNonconformance(nc: Nonconformance): Nonconformance {
  const affected = nc.affected.slice(0, 1).map((a) => clean({
    material: a.material && { id: fitId(a.material.id, 40) },
    quantity: a.quantity && fitQuantity(a.quantity),
    order: a.order && fitId(a.order, 12),
    operation: a.operation?.slice(-4),
  })).filter((a) => Object.keys(a).length > 0);
  const defects = nc.defects.slice(0, 1).map((d) => clean({
    code: fitText(d.code, 4),
    codeGroup: fitOptionalText(d.codeGroup, 8),
    quantity: d.quantity && { value: String(Math.min(999, Math.floor(Number(d.quantity.value)))), unit: "C62" },
    location: fitOptionalText(d.location?.replace(/\//g, ""), 4),
  }));
  return clean({
    ...nc,
    extensions: withoutSap(nc.extensions),
    id: fitId(nc.id, 12),
    lastChangedAt: fitDate(nc.lastChangedAt),
    type: { value: "Product" as const, originalCode: "06" },
    severity: { value: nc.severity.value === "Observation" ? "Minor" as const : nc.severity.value },
    source: { value: "Internal" as const },
    status: { value: nc.status.value === "Cancelled" ? "Cancelled" as const : "Open" as const },
    description: fitText(nc.description, 40),
    plant: fitOptionalText(nc.plant, 4),
    affected,
    defects,
    inspection: nc.inspection && { value: fitText(nc.inspection.value, 12).replace(/^0$/, "1"), scheme: SCHEME },
    reportedBy: fitOptionalText(nc.reportedBy, 12),
    openedAt: fitDate(nc.openedAt)!,
  });
}

describeConformance("sap:nonconformance", {
  mapper: nonconformanceMapper,
  fixtures: [
    ...SANDBOX.slice(0, 3).map((vendor, i) => ({ name: `sandbox defect ${i + 1} (packing, no references)`, vendor })),
    { name: "major defect on an order operation with quantity and location", vendor: MAJOR },
  ],
  arbitrary: arbitraryNonconformance({ scheme: SCHEME, units: SAP_TEST_UNITS }),
  fit: fitNonconformance,
  context: CONTEXT,
  numRuns: 150,
});

describe("sap:nonconformance", () => {
  it("maps every sandbox defect to a valid nonconformance", () => {
    for (const defect of SANDBOX) {
      const r = nonconformanceMapper.decode(defect, CONTEXT);
      expect(r.ok).toBe(true);
      if (r.ok) expect(safeParseNonconformance(r.value).ok).toBe(true);
    }
    const first = nonconformanceMapper.decode(SANDBOX[0], CONTEXT);
    expect(first.ok && first.value).toMatchObject({
      id: { value: "$00000000004" }, description: "Incomplete Packing", type: { value: "Product", originalCode: "06" },
      severity: { value: "Other", originalCode: "92" }, status: { value: "Open" }, affected: [],
      defects: [{ code: "0001", codeGroup: "DEF-PACK", quantity: { value: "1", unit: "C62" } }], openedAt: "2019-10-28T12:32:29+09:00",
    });
    expect(first.ok && first.value.inspection).toBeUndefined();
  });

  it("maps a defect on an order operation", () => {
    const r = nonconformanceMapper.decode(MAJOR, CONTEXT);
    expect(r.ok && r.value).toMatchObject({
      severity: { value: "Major", originalCode: "02" }, plant: "1010", inspection: { value: "890000000123" },
      affected: [{ material: { id: { value: "FG-1000" } }, order: { value: "1000123" }, operation: "0020", quantity: { value: "3", unit: "H87" } }],
      defects: [{ code: "0003", codeGroup: "DEF-MACH", quantity: { value: "3", unit: "C62" }, location: "LOC-HSG/0010" }],
      openedAt: "2026-03-02T09:12:00+01:00", lastChangedAt: "2026-03-02T08:30:00+00:00",
    });
  });

  it("refuses what a defect cannot hold", () => {
    const r = nonconformanceMapper.decode(MAJOR, CONTEXT);
    if (!r.ok) throw new Error("fixture");
    const two = nonconformanceMapper.encode({ ...r.value, defects: [...r.value.defects, { code: "0004" }] }, CONTEXT);
    expect(two.ok).toBe(false);
    if (!two.ok) expect(two.issues[0]?.path).toBe("/defects");
    const contained = nonconformanceMapper.encode({ ...r.value, status: { value: "Contained" } }, CONTEXT);
    expect(contained.ok).toBe(false);
  });
});
