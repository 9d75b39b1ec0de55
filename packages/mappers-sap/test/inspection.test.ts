import type { Inspection, Quantity, QuantitySplit } from "@mfgsync/canonical";
import { safeParseInspection } from "@mfgsync/canonical";
import { arbitraryInspection } from "@mfgsync/canonical/testing";
import { INSPECTION_BUNDLE_NAVIGATIONS, inspectionMapper } from "@mfgsync/mappers-sap";
import { describeConformance } from "@mfgsync/mapping/testing";
import { validate } from "@mfgsync/validators";
import { describe, expect, it } from "vitest";
import { entitiesOf, fixture } from "./helpers/fixtures.js";
import { SAP_TEST_UNITS, SCHEME, clean, fitDate, fitDecimal, fitId, fitOptionalText, fitQuantity, withoutSap } from "./helpers/fit.js";

const FINAL = entitiesOf(fixture("inspection/lot-890000000123-final-accepted.json"))[0] as Record<string, unknown>;
const RECEIVING = entitiesOf(fixture("inspection/lots-receiving-released-collection.json"))[0] as Record<string, unknown>;
const SPLIT = entitiesOf(fixture("inspection/lot-10000000077-receiving-split-decision.json"))[0] as Record<string, unknown>;
const CONTEXT = { plantTimeZones: { "1010": "Europe/Berlin", "1710": "America/New_York" } };

const SAP_OTHER_POSTINGS = ["InspLotQtyToReserves", "InspLotQtyToAnotherMaterial", "InspLotQtyToSpecialStock", "InspLotQtyToOtherStock"];

/** A split SAP can post: in the lot's unit, Decimal(13,3), other quantities coded by SAP's posting properties (one each). */
function fitSplit(split: QuantitySplit | undefined, unit: string | undefined): QuantitySplit | undefined {
  if (split === undefined || unit === undefined) return undefined;
  const q = (x: Quantity | undefined) => x && fitQuantity(x, unit);
  return clean({
    accepted: q(split.accepted), rejected: q(split.rejected), scrapped: q(split.scrapped), sampleDestroyed: q(split.sampleDestroyed), returnedToVendor: q(split.returnedToVendor),
    toRework: split.toRework,
    other: split.other?.slice(0, 4).map((o, i) => ({ ...o, code: SAP_OTHER_POSTINGS[i]!, list: i % 2 === 0 ? "sap:usage-decision-stock-posting" : undefined, quantity: fitQuantity(o.quantity, unit) })),
  });
}

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
  // A_InspectionResult is keyed by lot, operation and characteristic: one (summary) result per characteristic.
  const results = inspection.results.slice(0, characteristics.length).map((r, i) => {
    const c = characteristics[i]!;
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
      material: inspection.subject.material && clean({ id: fitId(inspection.subject.material.id, 40), revision: fitOptionalText(inspection.subject.material.revision, 2) }),
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
      resultingQualityStatus: outcome === "Accepted" || outcome === "Rejected" ? outcome : undefined,
      quantities: fitSplit(decision.quantities, inspection.inspectedQuantity && fitQuantity(inspection.inspectedQuantity).unit),
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
    { name: "receiving lot whose usage decision split the quantity (free, blocked, scrap, sample, return)", vendor: SPLIT },
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

describe("sap:inspection usage-decision quantities", () => {
  it("reads the usage decision's stock postings as the decision's quantity split, in the lot's unit, with who decided and when", () => {
    const r = inspectionMapper.decode(SPLIT, CONTEXT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(safeParseInspection(r.value).ok).toBe(true);
    expect(r.value.inspectedQuantity).toEqual({ value: "250.000", unit: "KGM" });
    expect(r.value.decision).toEqual({
      outcome: { value: "Accepted", originalCode: "A2", originalList: "sap:InspectionLotUsageDecisionCode" },
      resultingDisposition: "UnRestricted",
      resultingQualityStatus: "Accepted",
      quantities: {
        accepted: { value: "236.500", unit: "KGM" }, rejected: { value: "5.000", unit: "KGM" }, scrapped: { value: "2.500", unit: "KGM" },
        sampleDestroyed: { value: "1.000", unit: "KGM" }, returnedToVendor: { value: "5.000", unit: "KGM" },
      },
      decidedBy: "QM-INSP2",
      decidedAt: "2026-03-06T10:15:00-05:00",
    });
    // Recorded, not posted: kept as SAP sent them.
    expect(r.value.extensions?.["sap"]).toMatchObject({ InspLotQtyDestroyed: "1.000", InspLotQtyInspected: "10.000", InspLotQtyToBePosted: "0.000", InspLotQtyToReserves: "0.000" });
  });

  it("agrees with the validators: SAP's postings add up to the lot quantity, and a split that does not is reported", () => {
    const r = inspectionMapper.decode(SPLIT, CONTEXT);
    if (!r.ok) throw new Error("fixture must decode");
    const sum = (report: ReturnType<typeof validate>) => report.findings.filter((f) => f.ruleId === "inspection/quantity-split-sum");
    expect(sum(validate("inspection", r.value))).toEqual([]);
    const short = inspectionMapper.decode({ ...SPLIT, InspLotQtyToFree: "230.000" }, CONTEXT);
    expect(short.ok && sum(validate("inspection", short.value)).map((f) => f.path)).toEqual(["/decision/quantities"]);
  });

  it("reads postings without a canonical category as other quantities coded by the SAP property", () => {
    const r = inspectionMapper.decode({ ...SPLIT, InspLotQtyToFree: "226.500", InspLotQtyToReserves: "10.000" }, CONTEXT);
    expect(r.ok && r.value.decision?.quantities?.other).toEqual([
      { code: "InspLotQtyToReserves", list: "sap:usage-decision-stock-posting", text: "Quantity Posted to Reserves", quantity: { value: "10.000", unit: "KGM" } },
    ]);
    if (!r.ok) return;
    const back = inspectionMapper.encode(r.value, CONTEXT);
    expect(back.ok && [back.value.InspLotQtyToReserves, back.value.InspLotQtyToAnotherMaterial]).toEqual(["10.000", "0.000"]);
  });

  it("keeps the postings in extensions when the usage decision is not attached (no decision to hold them)", () => {
    const { to_InspLotUsageDecision: _ud, ...lot } = SPLIT;
    const r = inspectionMapper.decode(lot, CONTEXT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.decision).toBeUndefined();
    expect(r.value.extensions?.["sap"]).toMatchObject({ InspLotQtyToFree: "236.500", InspLotQtyToBlocked: "5.000" });
    const back = inspectionMapper.encode(r.value, CONTEXT);
    expect(back.ok && [back.value.InspLotQtyToFree, back.value.InspLotQtyToBlocked]).toEqual(["236.500", "5.000"]);
  });

  it("writes a split in the lot's unit, refuses other units, and warns about quantities SAP cannot post", () => {
    const r = inspectionMapper.decode(SPLIT, CONTEXT);
    if (!r.ok) throw new Error("fixture must decode");
    const fresh = structuredClone(r.value);
    delete fresh.extensions;
    fresh.decision!.quantities = { accepted: { value: "240", unit: "KGM" }, toRework: { value: "10", unit: "KGM" }, other: [{ code: "QUARANTINE-AREA", quantity: { value: "0", unit: "KGM" } }] };
    const written = inspectionMapper.encode(fresh, CONTEXT);
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    expect([written.value.InspLotQtyToFree, written.value.InspLotQtyToBlocked]).toEqual(["240", null]);
    expect(written.value.InspectionLotQuantityUnit).toBe("KG");
    expect(written.warnings.map((w) => [w.path, w.code])).toContainEqual(["/decision/quantities/other/0", "code.unmapped"]);
    const grams = structuredClone(fresh);
    grams.decision!.quantities = { accepted: { value: "240000", unit: "GRM" } };
    const refused = inspectionMapper.encode(grams, CONTEXT);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues[0]?.path).toBe("/decision/quantities/accepted/unit");
  });

  it("derives the lot's quality status from the valuation and refuses one that contradicts it", () => {
    const ud = SPLIT["to_InspLotUsageDecision"] as Record<string, unknown>;
    const rejected = inspectionMapper.decode({ ...SPLIT, to_InspLotUsageDecision: { ...ud, InspLotUsageDecisionValuation: "R", InspectionLotUsageDecisionCode: "R1" } }, CONTEXT);
    expect(rejected.ok && [rejected.value.decision?.resultingDisposition, rejected.value.decision?.resultingQualityStatus]).toEqual(["Restricted", "Rejected"]);
    if (!rejected.ok) return;
    const contradicting = structuredClone(rejected.value);
    contradicting.decision!.resultingQualityStatus = "Accepted";
    const e = inspectionMapper.encode(contradicting, CONTEXT);
    expect(e.ok).toBe(false);
    if (!e.ok) expect(e.issues[0]?.path).toBe("/decision/resultingQualityStatus");
  });

  it("reads the lot's material revision as the subject's material revision, when the lot names its material", () => {
    const r = inspectionMapper.decode({ ...SPLIT, MaterialRevisionLevel: "02" }, CONTEXT);
    expect(r.ok && r.value.subject.material).toEqual({ id: { value: String(SPLIT["Material"]), scheme: "sap-s4hana" }, revision: "02" });
    const orphan = inspectionMapper.decode({ ...SPLIT, Material: "", MaterialRevisionLevel: "02" }, CONTEXT);
    expect(orphan.ok && [orphan.value.subject.material, orphan.value.extensions?.["sap"]?.["MaterialRevisionLevel"]]).toEqual([undefined, "02"]);
    if (!orphan.ok) return;
    const back = inspectionMapper.encode(orphan.value, CONTEXT);
    expect(back.ok && [back.value.Material, back.value.MaterialRevisionLevel]).toEqual(["", "02"]);
  });
});
