import type { Lot } from "@mfgsync/canonical";
import { safeParseLot } from "@mfgsync/canonical";
import { arbitraryLot } from "@mfgsync/canonical/testing";
import { D365_SCHEME, batchMapper } from "@mfgsync/mappers-d365";
import { catalogFit } from "@mfgsync/mapping/conformance";
import { describeConformance } from "@mfgsync/mapping/testing";
import { describe, expect, it } from "vitest";
import { fixture, rowsOf, withProps } from "./helpers/fixtures.js";
import type { LotMeaning } from "./helpers/fit.js";
import { D365_TEST_UNITS, fitLot } from "./helpers/fit.js";

const QUARANTINE = { disposition: "Restricted", qualityStatus: "Quarantined", hold: { reason: "Investigation", blocks: ["Consumption", "Shipment"], source: "Manual" } };
const CONTEXT = { codeTables: { "d365:BatchDispositionCode": { "QA-QUAR": QUARANTINE, "QA-OK": "Available" } } };
const [RELEASED, ON_HOLD, QUARANTINED] = rowsOf(fixture("lot/item-batches-collection.json")) as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
const REJECTED = fixture("lot/item-batch-rejected.json") as Record<string, unknown>;
const fitCatalog = catalogFit(batchMapper.declaration);

/** What each known code decodes to (read through the mapper, so the fit follows the mapping). */
const MEANINGS: LotMeaning[] = ["", "Released", "QC-HOLD", "Rejected", "QA-QUAR", "QA-OK"].map((code) => {
  const r = batchMapper.decode({ dataAreaId: "usmf", ItemNumber: "I", BatchNumber: "B", BatchDispositionCode: code }, CONTEXT);
  if (!r.ok) throw new Error(code);
  const { disposition, qualityStatus, holds } = r.value;
  return JSON.parse(JSON.stringify({ disposition, qualityStatus, holds })) as LotMeaning;
});

describeConformance("d365:lot", {
  mapper: batchMapper,
  fixtures: [
    { name: "released batch with vendor batch and Swiss origin (CHE)", vendor: RELEASED, context: CONTEXT },
    { name: "batch on QC hold, 1900-01-01 dates and empty strings", vendor: ON_HOLD, context: CONTEXT },
    { name: "tenant quarantine code, company USMF, alpha-2 country id", vendor: QUARANTINED, context: CONTEXT },
    { name: "rejected batch read as a single entity, non-ISO country id, null vendor batch", vendor: REJECTED, context: CONTEXT },
  ],
  arbitrary: arbitraryLot({ scheme: D365_SCHEME, units: D365_TEST_UNITS }),
  fit: (l: Lot) => fitCatalog(fitLot(l, MEANINGS)) as Lot,
  context: CONTEXT,
  numRuns: 100,
});

function decoded(row: unknown): Lot {
  const r = batchMapper.decode(row, CONTEXT);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  expect(safeParseLot(r.value).ok).toBe(true);
  return r.value;
}

describe("d365:lot decode", () => {
  it("reads dates (noon UTC keeps its date, 1900-01-01 is none), the vendor batch and the country as alpha-2", () => {
    const lot = decoded(RELEASED);
    expect(lot).toMatchObject({ manufacturedAt: "2026-04-20", expiresOn: "2026-10-17", retestOn: "2026-08-01", supplierLot: "CH-LOT-2026-17", countryOfOrigin: "CH" });
    const hold = decoded(ON_HOLD);
    expect([hold.expiresOn, hold.retestOn, hold.supplierLot, hold.countryOfOrigin]).toEqual([undefined, undefined, undefined, undefined]);
    expect(decoded(QUARANTINED).countryOfOrigin).toBe("US");
  });

  it("derives disposition, quality status and holds from the disposition code through the code table", () => {
    expect(decoded(RELEASED)).toMatchObject({ disposition: { value: "UnRestricted", originalCode: "Released" }, qualityStatus: { value: "Accepted" } });
    expect(decoded(ON_HOLD)).toMatchObject({ disposition: { value: "Restricted" }, qualityStatus: { value: "AwaitingInspection" }, holds: [{ reason: { value: "AwaitingInspection" }, blocks: ["All"] }] });
    const q = decoded(QUARANTINED);
    expect([q.disposition.value, q.qualityStatus?.value, q.holds?.[0]?.blocks, q.holds?.[0]?.source.value]).toEqual(["Restricted", "Quarantined", ["Consumption", "Shipment"], "Manual"]);
    const unknown = batchMapper.decode(withProps(RELEASED, { BatchDispositionCode: "LAB-7" }), CONTEXT);
    expect(unknown.ok && unknown.value.disposition).toEqual({ value: "Other", originalCode: "LAB-7", originalList: "d365:BatchDispositionCode" });
    expect(unknown.warnings.map((w) => w.path)).toContain("/BatchDispositionCode");
  });

  it("never emits an invalid country: a non-ISO id is kept in extensions with a warning", () => {
    const r = batchMapper.decode(REJECTED, CONTEXT);
    expect(r.ok && r.value.countryOfOrigin).toBeUndefined();
    expect(r.ok && r.value.extensions?.["d365"]?.["PrimaryVendorOriginCountryRegionId"]).toBe("XKX");
    expect(r.warnings.map((w) => [w.path, w.code])).toContainEqual(["/PrimaryVendorOriginCountryRegionId", "d365.country.unmapped"]);
  });

  it("writes a changed quality status as the code that means it, and refuses one no code means", () => {
    const lot = decoded(RELEASED);
    const rejected = batchMapper.encode({ ...lot, disposition: { value: "Restricted" }, qualityStatus: { value: "Rejected" }, holds: [{ reason: { value: "FailedInspection" }, source: { value: "Inspection" }, blocks: ["All"] }] }, CONTEXT);
    expect(rejected.ok && rejected.value.BatchDispositionCode).toBe("Rejected");
    const odd = batchMapper.encode({ ...lot, disposition: { value: "Closed" } }, CONTEXT);
    expect(odd.ok).toBe(false);
    if (!odd.ok) expect(odd.issues[0]?.path).toBe("/disposition/value");
  });

  it("refuses bad values naming the property", () => {
    for (const [patch, path] of [
      [{ ManufacturingDate: "2026-04-20" }, "/ManufacturingDate"], [{ IsBatchConsolidated: "True" }, "/IsBatchConsolidated"], [{ BatchDispositionCode: 3 }, "/BatchDispositionCode"],
      [{ BatchNumber: undefined }, "/BatchNumber"], [{ dataAreaId: "" }, "/dataAreaId"],
    ] as const) {
      const r = batchMapper.decode(withProps(RELEASED, patch), CONTEXT);
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.path), path).toContain(path);
    }
  });
});
