import type { Lot } from "@mfgsync/canonical";
import { safeParseLot } from "@mfgsync/canonical";
import { arbitraryLot } from "@mfgsync/canonical/testing";
import { batchMapper } from "@mfgsync/mappers-sap";
import { describeConformance } from "@mfgsync/mapping/testing";
import { describe, expect, it } from "vitest";
import { entitiesOf, fixture } from "./helpers/fixtures.js";
import { SAP_TEST_UNITS, SCHEME, clean, fitDate, fitId, fitOptionalText, withoutSap } from "./helpers/fit.js";

const RESTRICTED = entitiesOf(fixture("lot/batch-fg226-restricted.json"))[0] as Record<string, unknown>;
const [CROSS_PLANT, DELETED] = entitiesOf(fixture("lot/batches-collection.json")) as Record<string, unknown>[];

/** The lots SAP can hold: SAP lengths, a representable disposition. */
function fitLot(lot: Lot): Lot {
  return clean({
    ...lot,
    extensions: withoutSap(lot.extensions),
    id: fitId(lot.id, 10),
    material: { id: fitId(lot.material.id, 40) },
    plant: fitOptionalText(lot.plant, 4),
    manufacturedAt: fitDate(lot.manufacturedAt),
    expiresOn: fitDate(lot.expiresOn),
    lastChangedAt: fitDate(lot.lastChangedAt),
    disposition: ["Closed", "Restricted", "UnRestricted"].includes(lot.disposition.value) ? lot.disposition : { value: "Restricted" as const },
    supplierLot: fitOptionalText(lot.supplierLot, 15),
    supplier: lot.supplier && fitId(lot.supplier, 10),
  });
}

describeConformance("sap:lot", {
  mapper: batchMapper,
  fixtures: [
    { name: "plant-level restricted batch", vendor: RESTRICTED },
    { name: "cross-plant batch from a supplier", vendor: CROSS_PLANT },
    { name: "batch marked for deletion with a non-ISO country key and expanded characteristics", vendor: DELETED },
  ],
  arbitrary: arbitraryLot({ scheme: SCHEME, units: SAP_TEST_UNITS }),
  fit: fitLot,
  numRuns: 150,
});

describe("sap:lot", () => {
  it("maps a restricted plant-level batch", () => {
    const result = batchMapper.decode(RESTRICTED);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(safeParseLot(result.value).ok).toBe(true);
    expect(result.value).toMatchObject({
      id: { value: "0000000008", scheme: "sap-s4hana" }, material: { id: { value: "FG226" } }, plant: "1710",
      manufacturedAt: "2016-09-21", expiresOn: "2017-09-21", lastChangedAt: "2016-09-21T12:16:37.123+00:00",
      disposition: { value: "Restricted", originalCode: "MatlBatchIsInRstrcdUseStock" }, countryOfOrigin: "US",
    });
  });

  it("maps a cross-plant batch (empty BatchIdentifyingPlant) without a plant, and a deleted batch as Closed", () => {
    const cross = batchMapper.decode(CROSS_PLANT);
    expect(cross.ok && cross.value.plant).toBeUndefined();
    expect(cross.ok && cross.value.lastChangedAt).toBe("2026-03-02T09:40:00Z");
    expect(cross.ok && cross.value.supplier).toEqual({ value: "17300001", scheme: "sap-s4hana" });
    const deleted = batchMapper.decode(DELETED);
    expect(deleted.ok && deleted.value.disposition.value).toBe("Closed");
    expect(deleted.ok && deleted.value.countryOfOrigin).toBeUndefined();
    expect(deleted.ok && deleted.value.extensions?.["sap"]?.["CountryOfOrigin"]).toBe("XK1");
  });

  it("warns about properties the notes-based catalog does not list, and keeps them", () => {
    const result = batchMapper.decode({ ...RESTRICTED, BatchIsActive: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toContainEqual(expect.objectContaining({ path: "/BatchIsActive", code: "field.uncatalogued" }));
    const back = batchMapper.encode(result.value);
    expect(back.ok && (back.value as unknown as Record<string, unknown>)["BatchIsActive"]).toBe(true);
  });

  it("writes a released lot as unrestricted and refuses dispositions SAP batches cannot have", () => {
    const decoded = batchMapper.decode(RESTRICTED);
    if (!decoded.ok) throw new Error("fixture must decode");
    const released = batchMapper.encode({ ...decoded.value, disposition: { value: "UnRestricted" } });
    expect(released.ok && [released.value.MatlBatchIsInRstrcdUseStock, released.value.BatchIsMarkedForDeletion]).toEqual([false, false]);
    const planned = batchMapper.encode({ ...decoded.value, disposition: { value: "Planned" } });
    expect(planned.ok).toBe(false);
    if (!planned.ok) expect(planned.issues[0]).toMatchObject({ path: "/disposition/value", code: "code.unmapped" });
  });

  it("refuses a batch without material or batch number, but not one without plant", () => {
    const { Material: _m, ...noMaterial } = RESTRICTED;
    const r = batchMapper.decode(noMaterial);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ path: "/Material", code: "field.required" });
    expect(batchMapper.decode({ ...RESTRICTED, BatchIdentifyingPlant: "" }).ok).toBe(true);
  });
});
