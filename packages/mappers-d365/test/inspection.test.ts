import type { Inspection } from "@mfgsync/canonical";
import { safeParseInspection } from "@mfgsync/canonical";
import { arbitraryInspection } from "@mfgsync/canonical/testing";
import { D365_CODES, D365_SCHEME, QUALITY_ORDER_PRODUCT, QUALITY_ORDER_RESULTS, characteristicsOfResults, inspectionMapper } from "@mfgsync/mappers-d365";
import { MAPPING_CODES } from "@mfgsync/mapping";
import { catalogFit, diffJson } from "@mfgsync/mapping/conformance";
import { describeConformance } from "@mfgsync/mapping/testing";
import { describe, expect, it } from "vitest";
import { fixture, fixtureText, withProps } from "./helpers/fixtures.js";
import { D365_TEST_UNITS, fitInspection } from "./helpers/fit.js";

const CONTEXT = { plantTimeZones: { "2": "America/Chicago" }, codeTables: { "d365:QualityTestUnit": { Viscosity: "cP", Diameter: "mm" } }, units: { cP: "C7" } };
const PASSED = fixture("inspection/quality-order-production-passed.json") as Record<string, unknown>;
const BUNDLE = fixture("inspection/quality-orders-bundle.json") as Record<string, unknown>;
const fitCatalog = catalogFit(inspectionMapper.declaration);
const HEADERS = (BUNDLE["QualityOrderHeaders"] as { value: Record<string, unknown>[] }).value;
const RESULTS = (BUNDLE[QUALITY_ORDER_RESULTS] as { value: Record<string, unknown>[] }).value;
/** One quality order of the bundle with its rows beside it. */
const ONE = { QualityOrderHeaders: [HEADERS[1]], [QUALITY_ORDER_RESULTS]: RESULTS.filter((r) => r["QualityOrderNumber"] === "QO-004721") };

describeConformance("d365:inspection", {
  mapper: inspectionMapper,
  fixtures: [
    { name: "passed production quality order with attached results (numeric and option tests)", vendor: PASSED, context: CONTEXT },
    { name: "failed quarantine quality order with its results beside it (bundle)", vendor: ONE, context: CONTEXT },
    { name: "quality order without results attached", vendor: withProps(PASSED, { [QUALITY_ORDER_RESULTS]: undefined }), context: CONTEXT },
  ],
  arbitrary: arbitraryInspection({ scheme: D365_SCHEME, units: D365_TEST_UNITS }),
  fit: (i: Inspection) => fitCatalog(fitInspection(i)) as Inspection,
  context: CONTEXT,
  numRuns: 100,
  allowUncatalogued: [QUALITY_ORDER_RESULTS, QUALITY_ORDER_PRODUCT],
});

function decoded(row: unknown): Inspection {
  const r = inspectionMapper.decode(row, CONTEXT);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  expect(safeParseInspection(r.value).ok).toBe(true);
  return r.value;
}

describe("d365:inspection decode", () => {
  it("reads the quality order: reference type as origin, status as decision, subject, test group and the attached results", () => {
    const i = decoded(PASSED);
    expect(i.origin).toEqual({ value: "Final", originalCode: "Production", originalList: "d365:InventTestReferenceType" });
    expect(i.decision).toEqual({ outcome: { value: "Accepted", originalCode: "Pass", originalList: "d365:InventTestOrderStatus" }, decidedAt: "2026-05-03T14:05:00Z", decidedBy: "000417" });
    expect(i.subject).toMatchObject({ lot: { value: "RES-260502-1" }, order: { value: "P004712" }, operation: "10", plant: "2", material: { id: { value: "FG-RESIN-5" } } });
    expect(i.specification?.value).toBe("RESIN-QC");
    expect(i.results.map((r) => [r.characteristic, r.sample, r.measured, r.attributeCode?.code, r.evaluation.value])).toEqual([
      ["Viscosity", "1-1", { value: "1250.75", unit: "C7" }, undefined, "Pass"],
      ["Viscosity", "1-2", { value: "1249.10", unit: "C7" }, undefined, "Pass"],
      ["Appearance", "2-1", undefined, "Clear", "Pass"],
    ]);
  });

  it("reads a bundle of headers and results, linking rows by company and number, and writes the bundle back", () => {
    const wire = inspectionMapper.decodeWire(fixtureText("inspection/quality-orders-bundle.json"), CONTEXT);
    expect(wire.ok && wire.results.length).toBe(2);
    if (!wire.ok) return;
    const [open, failed] = wire.results.map((r) => (r.ok ? r.value : undefined));
    expect([open?.status?.value, open?.decision, open?.origin.value, open?.results.map((r) => [r.sample, r.evaluation.value, r.measured?.value])]).toEqual(["InProgress", undefined, "Receiving", [["1-1", "Other", "-0.5"]]]);
    expect([failed?.decision?.outcome.value, failed?.origin, failed?.results.map((r) => r.measured)]).toEqual(["Rejected", { value: "Other", originalCode: "Quarantine", originalList: "d365:InventTestReferenceType" }, [{ value: "12.46", unit: "MMT" }]]);
    const back = open ? inspectionMapper.encode(open, CONTEXT) : undefined;
    expect(back?.ok && Object.keys(back.value)).toEqual(["QualityOrderHeaders", QUALITY_ORDER_RESULTS, "ReleasedProductsV2"]);
  });

  it("never writes TestResult as data: a changed or new evaluation is left to D365", () => {
    const i = decoded(PASSED);
    const changed = inspectionMapper.encode({ ...i, results: i.results.map((r) => ({ ...r, evaluation: { value: "Fail" as const } })) }, CONTEXT);
    const rows = changed.ok ? (changed.value[QUALITY_ORDER_RESULTS] ?? []) : [];
    expect(rows.length).toBe(3);
    expect(rows.map((r) => r.TestResult)).toEqual([undefined, undefined, undefined]);
    const same = inspectionMapper.encode(i, CONTEXT);
    expect(same.ok && (same.value[QUALITY_ORDER_RESULTS] ?? []).map((r) => r.TestResult)).toEqual(["Pass", "Pass", "Pass"]);
  });

  it("refuses bad values naming the property", () => {
    const result = (PASSED[QUALITY_ORDER_RESULTS] as Record<string, unknown>[])[0] ?? {};
    for (const [row, path] of [
      [withProps(PASSED, { QualityOrderStatus: "Passed" }), "/QualityOrderStatus"],
      [withProps(PASSED, { IsDestructiveTest: "True" }), "/IsDestructiveTest"],
      [withProps(PASSED, { ValidatedDateTime: "03.05.2026" }), "/ValidatedDateTime"],
      [withProps(PASSED, { [QUALITY_ORDER_RESULTS]: [{ ...result, ResultValue: "1250,75" }] }), `/${QUALITY_ORDER_RESULTS}/0/ResultValue`],
      [withProps(PASSED, { [QUALITY_ORDER_RESULTS]: [{ ...result, TestResult: "Passed" }] }), `/${QUALITY_ORDER_RESULTS}/0/TestResult`],
      [withProps(PASSED, { [QUALITY_ORDER_RESULTS]: [{ ...result, ResultLineNumber: undefined }] }), `/${QUALITY_ORDER_RESULTS}/0/ResultLineNumber`],
    ] as const) {
      const r = inspectionMapper.decode(row, CONTEXT);
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.path), path).toContain(path);
    }
  });
});

describe("d365:inspection characteristics and inspected quantity (issue 11)", () => {
  it("derives one characteristic per test the results name: numeric tests Quantitative with their unit, option tests Qualitative", () => {
    const i = decoded(PASSED);
    expect(i.characteristics).toEqual([
      { id: "Viscosity", kind: "Quantitative", required: true, unit: "C7" },
      { id: "Appearance", kind: "Qualitative", required: true },
    ]);
    // The numeric and the character result values stay on the results.
    expect(i.results.map((r) => [r.characteristic, r.measured?.value, r.attributeCode?.code])).toEqual([["Viscosity", "1250.75", undefined], ["Viscosity", "1249.10", undefined], ["Appearance", undefined, "Clear"]]);
    // Without a unit for the test in the code table, the measured values and the characteristic are in C62.
    const noTable = inspectionMapper.decode(PASSED, { ...CONTEXT, codeTables: {} });
    expect(noTable.ok && noTable.value.characteristics[0]).toEqual({ id: "Viscosity", kind: "Quantitative", required: true, unit: "C62" });
    expect(decoded(withProps(PASSED, { [QUALITY_ORDER_RESULTS]: undefined })).characteristics).toEqual([]);
  });

  it("a test with both kinds of rows is Quantitative; characteristics follow the order the results first name them", () => {
    const results = [
      { characteristic: "Colour", attributeCode: { code: "Clear" }, evaluation: { value: "Pass" as const } },
      { characteristic: "Diameter", measured: { value: "12.4", unit: "MMT" }, evaluation: { value: "Pass" as const } },
      { characteristic: "Colour", measured: { value: "3", unit: "C62" }, evaluation: { value: "Fail" as const } },
    ];
    expect(characteristicsOfResults(results)).toEqual([
      { id: "Colour", kind: "Quantitative", required: true, unit: "C62" },
      { id: "Diameter", kind: "Quantitative", required: true, unit: "MMT" },
    ]);
  });

  it("does not write characteristics (the results are written): vendor → canonical → vendor stays exact", () => {
    const i = decoded(PASSED);
    const edited = inspectionMapper.encode({ ...i, characteristics: [{ id: "Extra", kind: "Qualitative", required: false }] }, CONTEXT);
    const same = inspectionMapper.encode(i, CONTEXT);
    expect(edited.ok && same.ok && diffJson(edited.value, same.value)).toEqual([]);
    expect(same.ok && diffJson(inspectionMapper.profile.stripTransport(PASSED), same.value)).toEqual([]);
  });

  it("reads InventoryQuantity in the attached released product's unit and writes both back", () => {
    const i = decoded(PASSED);
    expect(i.inspectedQuantity).toEqual({ value: "25.5", unit: "KGM" });
    const fresh = inspectionMapper.encode({ ...i, inspectedQuantity: { value: "30.25", unit: "LTR" }, extensions: undefined }, CONTEXT);
    expect(fresh.ok && [fresh.value.InventoryQuantity, fresh.value[QUALITY_ORDER_PRODUCT]]).toEqual([30.25, { dataAreaId: "usmf", ItemNumber: "FG-RESIN-5", InventoryUnitSymbol: "l" }]);
    const again = fresh.ok ? inspectionMapper.decode(fresh.value, CONTEXT) : undefined;
    expect(again?.ok && again.value.inspectedQuantity).toEqual({ value: "30.25", unit: "LTR" });
  });

  it("without the released product: the quantity in C62 with the warning d365.unit.missing, written back without a product", () => {
    const row = withProps(PASSED, { [QUALITY_ORDER_PRODUCT]: undefined });
    const r = inspectionMapper.decode(row, CONTEXT);
    expect(r.ok && r.value.inspectedQuantity).toEqual({ value: "25.5", unit: "C62" });
    expect(r.ok && r.warnings.map((w) => [w.path, w.code])).toContainEqual([`/${QUALITY_ORDER_PRODUCT}`, D365_CODES.unitMissing]);
    const back = r.ok ? inspectionMapper.encode(r.value, CONTEXT) : undefined;
    expect(back?.ok && diffJson(inspectionMapper.profile.stripTransport(row), back.value)).toEqual([]);
    const bad = inspectionMapper.decode(withProps(PASSED, { [QUALITY_ORDER_PRODUCT]: { dataAreaId: "usmf", ItemNumber: "FG-RESIN-5" } }), CONTEXT);
    expect(!bad.ok && bad.issues.map((x) => x.path)).toEqual([`/${QUALITY_ORDER_PRODUCT}`]);
  });

  it("reads the released product beside the headers in a bundle (linked by company and item) and writes it back there", () => {
    const wire = inspectionMapper.decodeWire(fixtureText("inspection/quality-orders-bundle.json"), CONTEXT);
    if (!wire.ok) throw new Error(JSON.stringify(wire.issues));
    const [open, failed] = wire.results.map((r) => (r.ok ? r : undefined));
    expect([open?.value.inspectedQuantity, failed?.value.inspectedQuantity]).toEqual([{ value: "200", unit: "KGM" }, { value: "12", unit: "C62" }]);
    expect(failed?.warnings.map((w) => w.code)).toContain(D365_CODES.unitMissing);
    const back = open ? inspectionMapper.encode(open.value, CONTEXT) : undefined;
    expect(back?.ok && (back.value as unknown as Record<string, unknown>)["ReleasedProductsV2"]).toEqual([{ dataAreaId: "usmf", ItemNumber: "RM-EPOXY-A", InventoryUnitSymbol: "kg" }]);
  });

  it("refuses a QualityTestId or an outcome id longer than the canonical 40 characters, naming the property", () => {
    const row = (PASSED[QUALITY_ORDER_RESULTS] as Record<string, unknown>[])[0] ?? {};
    for (const prop of ["QualityTestId", "QualityTestVariableOutcomeId"]) {
      const r = inspectionMapper.decode(withProps(PASSED, { [QUALITY_ORDER_RESULTS]: [{ ...row, [prop]: "T".repeat(41) }] }), CONTEXT, { validate: false });
      expect(!r.ok && r.issues.map((i) => i.path)).toEqual([`/${QUALITY_ORDER_RESULTS}/0/${prop}`]);
    }
  });
});

describe("d365:inspection, found by the fuzz suite", () => {
  const rows = PASSED[QUALITY_ORDER_RESULTS] as Record<string, unknown>[];
  /** decode → encode gives back exactly the input (JSON numbers as numbers, not exact-number objects). */
  const exactly = (input: Record<string, unknown>) => {
    const d = inspectionMapper.decode(input, CONTEXT);
    if (!d.ok) throw new Error(JSON.stringify(d.issues));
    const e = inspectionMapper.encode(d.value, CONTEXT);
    if (!e.ok) throw new Error(JSON.stringify(e.issues));
    return diffJson(inspectionMapper.profile.stripTransport(input), e.value);
  };

  it("refuses two result rows with the same QualityOrderSequenceNumber and ResultLineNumber, at the second row", () => {
    const twice = withProps(PASSED, { [QUALITY_ORDER_RESULTS]: [rows[0], rows[1], { ...rows[0], QualityTestId: "Density", ResultValue: 0.98 }] });
    const r = inspectionMapper.decode(twice, CONTEXT);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([[`/${QUALITY_ORDER_RESULTS}/2`, MAPPING_CODES.duplicateRowKey]]);
    expect(r.issues[0]?.message).toContain("QualityOrderSequenceNumber + ResultLineNumber");
    // Beside the header (a bundle), the issue points at the row where it is in the bundle.
    const bundle = { QualityOrderHeaders: [withProps(PASSED, { [QUALITY_ORDER_RESULTS]: undefined })], [QUALITY_ORDER_RESULTS]: [rows[1], rows[0], rows[2], rows[0]] };
    const b = inspectionMapper.decode(bundle, CONTEXT);
    expect(!b.ok && b.issues.map((i) => [i.path, i.code])).toEqual([[`/${QUALITY_ORDER_RESULTS}/3`, MAPPING_CODES.duplicateRowKey]]);
  });

  it("refuses two canonical results with the same sample on encode", () => {
    const i = decoded(PASSED);
    const r = inspectionMapper.encode({ ...i, results: [...i.results, { ...i.results[0]!, characteristic: "Density" }] }, CONTEXT);
    expect(!r.ok && r.issues.map((x) => [x.path, x.code])).toEqual([["/results/3/sample", MAPPING_CODES.duplicateRowKey]]);
  });

  it("writes the row numbers back as the JSON numbers they were, also when a row has no TestResult", () => {
    expect(exactly(PASSED)).toEqual([]);
    expect(exactly(withProps(PASSED, { [QUALITY_ORDER_RESULTS]: [withProps(rows[0] ?? {}, { TestResult: undefined }), rows[1], rows[2]] }))).toEqual([]);
  });

  it("a result row without dataAreaId (its order's company) is written back without it", () => {
    expect(exactly(withProps(PASSED, { [QUALITY_ORDER_RESULTS]: [withProps(rows[0] ?? {}, { dataAreaId: undefined }), rows[1], rows[2]] }))).toEqual([]);
  });

  it("refuses a ValidatingPersonnelNumber longer than the canonical decidedBy (128)", () => {
    const r = inspectionMapper.decode(withProps(PASSED, { ValidatingPersonnelNumber: "9".repeat(129) }), CONTEXT);
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(["/ValidatingPersonnelNumber"]);
  });
});
