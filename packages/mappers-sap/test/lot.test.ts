import type { Lot, LotHold } from "@mfgsync/canonical";
import { createEvent, safeParseLot } from "@mfgsync/canonical";
import { arbitraryLot } from "@mfgsync/canonical/testing";
import { BATCH_STATUS_LIST, batchMapper } from "@mfgsync/mappers-sap";
import type { MappingContext } from "@mfgsync/mapping";
import { createInMemoryContext, validate } from "@mfgsync/validators";
import { describeConformance } from "@mfgsync/mapping/testing";
import { describe, expect, it } from "vitest";
import { entitiesOf, fixture } from "./helpers/fixtures.js";
import { SAP_TEST_UNITS, SCHEME, clean, fitDate, fitId, fitOptionalText, withoutSap } from "./helpers/fit.js";

const RESTRICTED = entitiesOf(fixture("lot/batch-fg226-restricted.json"))[0] as Record<string, unknown>;
const [CROSS_PLANT, DELETED] = entitiesOf(fixture("lot/batches-collection.json")) as Record<string, unknown>[];
const QUARANTINE = entitiesOf(fixture("lot/batch-rm124-restricted-quarantine.json"))[0] as Record<string, unknown>;

/** A tenant where restricted batches are quarantined and free batches passed QM. */
const QUARANTINE_TENANT: MappingContext = {
  codeTables: {
    [BATCH_STATUS_LIST]: {
      restricted: { qualityStatus: "Quarantined", hold: { reason: "Investigation", source: "Manual", blocks: ["Consumption", "Shipment"] } },
      unrestricted: "Accepted",
    },
  },
};

/**
 * The quality facts SAP gives back for a disposition, written out by hand
 * for the two tenants of these tests (no table; QUARANTINE_TENANT).
 */
function sapQualityFacts(disposition: Lot["disposition"]["value"], tenant: boolean, like: LotHold | undefined): Pick<Lot, "qualityStatus" | "holds"> {
  if (disposition === "Restricted") {
    if (!tenant) return { qualityStatus: { value: "Other" } };
    // What SAP cannot keep (id, reference, time, user, quantity, note) is left on to be dropped by the known loss.
    return { qualityStatus: { value: "Quarantined" }, holds: [{ ...like, reason: { value: "Investigation" }, source: { value: "Manual" }, blocks: ["Shipment", "Consumption"] }] };
  }
  if (disposition === "UnRestricted" && tenant) return { qualityStatus: { value: "Accepted" } };
  return {};
}

/** The lots SAP can hold: SAP lengths, a representable disposition, the quality facts the batch status stands for. */
function fitLot(lot: Lot, tenant = false): Lot {
  const disposition = ["Closed", "Restricted", "UnRestricted"].includes(lot.disposition.value) ? lot.disposition : { value: "Restricted" as const };
  const { qualityStatus: _q, holds: _h, ...rest } = lot;
  return clean({
    ...rest,
    ...sapQualityFacts(disposition.value, tenant, lot.holds?.[0]),
    extensions: withoutSap(lot.extensions),
    id: fitId(lot.id, 10),
    material: { id: fitId(lot.material.id, 40) },
    plant: fitOptionalText(lot.plant, 4),
    manufacturedAt: fitDate(lot.manufacturedAt),
    expiresOn: fitDate(lot.expiresOn),
    lastChangedAt: fitDate(lot.lastChangedAt),
    disposition,
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
  fit: (lot) => fitLot(lot),
  numRuns: 150,
});

describeConformance("sap:lot (tenant batch-status table)", {
  mapper: batchMapper,
  fixtures: [
    { name: "restricted batch of a tenant that quarantines restricted batches", vendor: QUARANTINE },
    { name: "cross-plant unrestricted batch of that tenant", vendor: CROSS_PLANT },
  ],
  arbitrary: arbitraryLot({ scheme: SCHEME, units: SAP_TEST_UNITS }),
  fit: (lot) => fitLot(lot, true),
  context: QUARANTINE_TENANT,
  numRuns: 100,
});

describe("sap:lot quality status and holds", () => {
  it("reads a restricted batch as restricted with SAP's own quality status, not as a QM hold, when the tenant says nothing", () => {
    const r = batchMapper.decode(QUARANTINE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.disposition).toEqual({ value: "Restricted", originalCode: "MatlBatchIsInRstrcdUseStock", originalList: "sap:batch-status" });
    expect(r.value.qualityStatus).toEqual({ value: "Other", originalCode: "restricted", originalList: "sap:batch-status" });
    expect(r.value.holds).toBeUndefined();
    const free = batchMapper.decode(CROSS_PLANT);
    expect(free.ok && [free.value.qualityStatus, free.value.holds]).toEqual([undefined, undefined]);
  });

  it("reads the tenant's meaning of restricted and unrestricted batches from codeTables[\"sap:batch-status\"]", () => {
    const r = batchMapper.decode(QUARANTINE, QUARANTINE_TENANT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(safeParseLot(r.value).ok).toBe(true);
    expect(r.value.qualityStatus).toEqual({ value: "Quarantined", originalCode: "restricted", originalList: "sap:batch-status" });
    expect(r.value.holds).toEqual([{ reason: { value: "Investigation", originalCode: "restricted", originalList: "sap:batch-status" }, source: { value: "Manual" }, blocks: ["Consumption", "Shipment"] }]);
    const free = batchMapper.decode(CROSS_PLANT, QUARANTINE_TENANT);
    expect(free.ok && free.value.qualityStatus).toEqual({ value: "Accepted", originalCode: "unrestricted", originalList: "sap:batch-status" });
    expect(free.ok && free.value.holds).toBeUndefined();
    // Deletion wins: a deleted batch is closed, whatever its restricted flag.
    const deleted = batchMapper.decode({ ...DELETED, MatlBatchIsInRstrcdUseStock: true }, QUARANTINE_TENANT);
    expect(deleted.ok && [deleted.value.disposition.value, deleted.value.qualityStatus, deleted.value.holds]).toEqual(["Closed", undefined, undefined]);
  });

  it("a tenant may say a restricted batch awaits inspection, without a hold", () => {
    const r = batchMapper.decode(QUARANTINE, { codeTables: { [BATCH_STATUS_LIST]: { restricted: "AwaitingInspection" } } });
    expect(r.ok && [r.value.qualityStatus?.value, r.value.holds]).toEqual(["AwaitingInspection", undefined]);
  });

  it("refuses a table that contradicts SAP's batch status, naming the table entry", () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ unrestricted: "Rejected" }, "unrestricted.qualityStatus"],
      [{ unrestricted: { hold: { reason: "Investigation", source: "Manual", blocks: ["All"] } } }, "unrestricted.hold"],
      [{ restricted: "Blocked" }, "restricted.qualityStatus"],
      [{ restricted: { hold: { reason: "Investigation", source: "Manual", blocks: [] } } }, "restricted.hold.blocks"],
      [{ restricted: { status: "OnHold" } }, "unknown keys"],
    ];
    for (const [table, where] of bad) {
      const r = batchMapper.decode(table["unrestricted"] !== undefined ? CROSS_PLANT : QUARANTINE, { codeTables: { [BATCH_STATUS_LIST]: table } });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.issues[0]).toMatchObject({ path: "/MatlBatchIsInRstrcdUseStock", code: "code-table.invalid" });
        expect(r.issues[0]?.message).toContain(where);
      }
    }
  });

  it("refuses to write a held or rejected lot as an unrestricted batch, and warns about quality facts SAP does not keep", () => {
    const decoded = batchMapper.decode(QUARANTINE, QUARANTINE_TENANT);
    if (!decoded.ok) throw new Error("fixture must decode");
    const lot = decoded.value;
    const held = batchMapper.encode({ ...lot, disposition: { value: "UnRestricted" } }, QUARANTINE_TENANT);
    expect(held.ok).toBe(false);
    if (!held.ok) expect(held.issues[0]).toMatchObject({ path: "/holds" });
    const rejected = batchMapper.encode({ ...lot, disposition: { value: "UnRestricted" }, holds: undefined, qualityStatus: { value: "Rejected" } }, QUARANTINE_TENANT);
    expect(rejected.ok).toBe(false);
    if (!rejected.ok) expect(rejected.issues[0]).toMatchObject({ path: "/qualityStatus/value" });
    // Restricted with another hold than the tenant's: written restricted, the extra facts are reported as not kept.
    const other = batchMapper.encode({ ...lot, qualityStatus: { value: "OnHold" }, holds: [{ reason: { value: "Contamination" }, source: { value: "Nonconformance" }, blocks: ["All"] }] }, QUARANTINE_TENANT);
    expect(other.ok).toBe(true);
    if (!other.ok) return;
    expect(other.value.MatlBatchIsInRstrcdUseStock).toBe(true);
    expect(other.warnings.map((w) => w.path)).toEqual(["/qualityStatus", "/holds"]);
    const same = batchMapper.encode(lot, QUARANTINE_TENANT);
    expect(same.ok && same.warnings).toEqual([]);
  });

  it("agrees with the validators: the tenant's hold blocks consumption of the batch, a rejected restricted batch is consistent", () => {
    const decoded = batchMapper.decode(QUARANTINE, QUARANTINE_TENANT);
    if (!decoded.ok) throw new Error("fixture must decode");
    const lot = decoded.value;
    expect(validate("lot", lot).ok).toBe(true);
    const rejected = batchMapper.decode(QUARANTINE, { codeTables: { [BATCH_STATUS_LIST]: { restricted: "Rejected" } } });
    expect(rejected.ok && validate("lot", rejected.value).findings.filter((f) => f.ruleId === "lot/rejected-not-unrestricted")).toEqual([]);
    const context = createInMemoryContext({ lots: [lot], lotDispositions: [{ lot: lot.id, disposition: lot.disposition.value, holds: lot.holds ?? [] }] });
    const event = createEvent("material-consumed", {
      source: "urn:mfgsync:mes:line-1", subject: "1000123", time: "2026-03-05T10:00:00+01:00", sequence: 1, correlationId: "order-1000123",
      data: { order: { value: "1000123", scheme: "sap-s4hana" }, material: lot.material, lot: lot.id, quantity: { value: "2", unit: "KGM" }, materialUse: "Consumed", occurredAt: "2026-03-05T10:00:00+01:00" },
    });
    const consumed = validate("material-consumed", event, { context });
    expect(consumed.findings.map((f) => f.ruleId)).toContain("lot/hold-blocks");
  });
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
