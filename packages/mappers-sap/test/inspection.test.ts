import type { Inspection } from "@mfgsync/canonical";
import { safeParseInspection } from "@mfgsync/canonical";
import { arbitraryInspection } from "@mfgsync/canonical/testing";
import { INSPECTION_BUNDLE_NAVIGATIONS, inspectionMapper } from "@mfgsync/mappers-sap";
import { describeConformance } from "@mfgsync/mapping/testing";
import { describe, expect, it } from "vitest";
import { entitiesOf, fixture } from "./helpers/fixtures.js";
import { SAP_TEST_UNITS, SCHEME, clean, fitDate, fitDecimal, fitId, fitOptionalText, fitQuantity, withoutSap } from "./helpers/fit.js";

const FINAL = entitiesOf(fixture("inspection/lot-890000000123-final-accepted.json"))[0] as Record<string, unknown>;
const RECEIVING = entitiesOf(fixture("inspection/lots-receiving-released-collection.json"))[0] as Record<string, unknown>;
const CONTEXT = { plantTimeZones: { "1010": "Europe/Berlin", "1710": "America/New_York" } };

/** The inspections SAP can hold: SAP lengths, "<operation>/<characteristic>" ids, results in their characteristic's unit. */
function fitInspection(inspection: Inspection): Inspection {
  const characteristics = inspection.characteristics.map((c, i) => clean({
    ...c,
    id: `${1 + (i % 3)}/${String(10 * (i + 1)).padStart(4, "0")}`,
    required: true,
    master: c.master && fitId(c.master, 8),
    description: fitOptionalText(c.description, 40),
    target: c.target && fitDecimal(c.target, 8, 6), lowerLimit: c.lowerLimit && fitDecimal(c.lowerLimit, 8, 6), upperLimit: c.upperLimit && fitDecimal(c.upperLimit, 8, 6),
    sampleSize: c.sampleSize && { value: fitDecimal(c.sampleSize.value, 9, 0), unit: c.sampleSize.unit },
    samplingProcedure: undefined,
    codeGroup: fitOptionalText(c.codeGroup, 8),
  }));
  const results = characteristics.length === 0 ? [] : inspection.results.map((r, i) => {
    const c = characteristics[i % characteristics.length]!;
    return clean({
      ...r,
      characteristic: c.id,
      sample: undefined,
      measured: r.measured && { value: fitDecimal(r.measured.value, 8, 6), unit: c.unit ?? "C62" },
      attributeCode: r.attributeCode && clean({ code: r.attributeCode.code.slice(0, 4) || "X", codeGroup: fitOptionalText(r.attributeCode.codeGroup, 8) }),
      evaluation: { value: r.evaluation.value },
      recordedAt: fitDate(r.recordedAt),
      recordedBy: fitOptionalText(r.recordedBy, 12),
      remark: fitOptionalText(r.remark, 40),
    });
  });
  const decision = inspection.decision;
  const outcome = decision?.outcome.value === "ConditionallyAccepted" ? "Accepted" : decision?.outcome.value;
  return clean({
    ...inspection,
    extensions: withoutSap(inspection.extensions),
    id: fitId(inspection.id, 12),
    lastChangedAt: fitDate(inspection.lastChangedAt),
    subject: clean({
      lot: inspection.subject.lot && fitId(inspection.subject.lot, 10),
      order: inspection.subject.order && fitId(inspection.subject.order, 12),
      material: inspection.subject.material && { id: fitId(inspection.subject.material.id, 40) },
      plant: fitOptionalText(inspection.subject.plant, 4),
    }),
    origin: inspection.origin.value === "Other" ? { value: "Other" as const, originalCode: "89" } : { value: inspection.origin.value },
    inspectedQuantity: inspection.inspectedQuantity && fitQuantity(inspection.inspectedQuantity),
    sampleSize: inspection.sampleSize && fitQuantity(inspection.sampleSize),
    createdAt: fitDate(inspection.createdAt),
    characteristics,
    results,
    decision: decision && outcome && clean({
      outcome: { value: outcome },
      resultingDisposition: outcome === "Accepted" ? "UnRestricted" as const : outcome === "Rejected" ? "Restricted" as const : undefined,
      decidedBy: fitOptionalText(decision.decidedBy, 12),
      decidedAt: fitDate(decision.decidedAt),
    }),
  });
}

describeConformance("sap:inspection", {
  mapper: inspectionMapper,
  fixtures: [
    { name: "final inspection lot with characteristics, results and an accepting usage decision", vendor: FINAL },
    { name: "released receiving lot without results", vendor: RECEIVING },
  ],
  arbitrary: arbitraryInspection({ scheme: SCHEME, units: SAP_TEST_UNITS }),
  fit: fitInspection,
  context: CONTEXT,
  numRuns: 150,
  allowUncatalogued: INSPECTION_BUNDLE_NAVIGATIONS,
});

describe("sap:inspection", () => {
  it("maps the final inspection: subject, origin, characteristics, results in the characteristic's unit, decision from the valuation", () => {
    const r = inspectionMapper.decode(FINAL, CONTEXT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(safeParseInspection(r.value).ok).toBe(true);
    expect(r.value).toMatchObject({
      id: { value: "890000000123" },
      subject: { lot: { value: "0000000008" }, order: { value: "1000020" }, material: { id: { value: "FG226" } }, plant: "1010" },
      origin: { value: "Final", originalCode: "04" }, status: { value: "Decided" },
      inspectedQuantity: { value: "10", unit: "H87" }, createdAt: "2026-03-02T07:15:00+01:00",
      decision: { outcome: { value: "Accepted", originalCode: "A1" }, resultingDisposition: "UnRestricted", decidedBy: "QM-LEAD", decidedAt: "2026-03-02T14:00:00+01:00" },
    });
    expect(r.value.characteristics[0]).toMatchObject({ id: "1/0010", kind: "Quantitative", target: "12", lowerLimit: "11.98", upperLimit: "12.02", unit: "MMT", sampleSize: { value: "5", unit: "H87" } });
    expect(r.value.characteristics[1]).toMatchObject({ id: "1/0020", kind: "Qualitative", codeGroup: "SURFACE" });
    expect(r.value.characteristics[1]?.target).toBeUndefined();
    expect(r.value.results.map((x) => [x.characteristic, x.measured, x.attributeCode, x.evaluation.value])).toEqual([
      ["1/0010", { value: "12.01", unit: "MMT" }, undefined, "Pass"],
      ["1/0020", undefined, { code: "OK", codeGroup: "SURFACE" }, "Pass"],
      ["2/0010", { value: "0.0002", unit: "C62" }, undefined, "Pass"],
    ]);
  });

  it("takes the disposition from the valuation, not from the customer's decision code", () => {
    const ud = FINAL["to_InspLotUsageDecision"] as Record<string, unknown>;
    const rejected = inspectionMapper.decode({ ...FINAL, to_InspLotUsageDecision: { ...ud, InspLotUsageDecisionValuation: "R", InspectionLotUsageDecisionCode: "A1" } }, CONTEXT);
    expect(rejected.ok && rejected.value.decision).toMatchObject({ outcome: { value: "Rejected", originalCode: "A1" }, resultingDisposition: "Restricted" });
  });

  it("maps a released receiving lot without decision", () => {
    const r = inspectionMapper.decode(RECEIVING, CONTEXT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ origin: { value: "Receiving", originalCode: "01" }, status: { value: "Released" }, createdAt: "2026-03-02T00:00:00-05:00" });
    expect(r.value.decision).toBeUndefined();
  });

  it("needs the characteristic of a measured result, and its unit on encode", () => {
    const { to_InspectionCharacteristic: _c, ...noCharacteristics } = FINAL;
    const r = inspectionMapper.decode(noCharacteristics, CONTEXT);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(["/to_InspectionResult/results/0/InspectionResultMeanValue", "/to_InspectionResult/results/2/InspectionResultMeanValue"]);
    const decoded = inspectionMapper.decode(FINAL, CONTEXT);
    if (!decoded.ok) throw new Error("fixture");
    const wrongUnit = structuredClone(decoded.value);
    wrongUnit.results[0]!.measured = { value: "12", unit: "CMT" };
    const e = inspectionMapper.encode(wrongUnit, CONTEXT);
    expect(e.ok).toBe(false);
    if (!e.ok) expect(e.issues[0]?.path).toBe("/results/0/measured/unit");
  });
});
