import type { Lot } from "@mfgsync/canonical";
import { safeParseLot } from "@mfgsync/canonical";
import { arbitraryLot } from "@mfgsync/canonical/testing";
import { lotMapper } from "@mfgsync/mappers-oracle";
import type { MappingContext } from "@mfgsync/mapping";
import { describeConformance } from "@mfgsync/mapping/testing";
import { describe, expect, it } from "vitest";
import { fixtureEntities } from "./helpers/fixtures.js";
import { ORACLE_TEST_UNITS, SCHEME, fitLot } from "./helpers/fit.js";

const [HOLD, TENANT, ACTIVE] = fixtureEntities("lot/lots-hold-and-tenant-status.json") as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
const CONTEXT: MappingContext = { codeTables: { "oracle:lot-status": { MX_QA_PEND: { qualityStatus: "AwaitingInspection", disposition: "Restricted" }, MX_QUAR: "Quarantined" } } };

describeConformance("oracle:lot", {
  mapper: lotMapper,
  fixtures: [
    { name: "lot on hold with supplier lot and plain dates", vendor: HOLD },
    { name: "lot in a tenant status (code table), nulls", vendor: TENANT },
    { name: "active lot with a parent lot number", vendor: ACTIVE },
  ],
  arbitrary: arbitraryLot({ scheme: SCHEME, units: ORACLE_TEST_UNITS }),
  fit: fitLot(CONTEXT),
  context: CONTEXT,
  numRuns: 150,
});

function decoded(vendor: unknown, context?: MappingContext): Lot {
  const r = lotMapper.decode(vendor as never, context);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("oracle:lot decode", () => {
  it("maps a lot on hold: scoped ids, plain dates, quality status and a hold, the status kept as vendor status", () => {
    const lot = decoded(HOLD);
    expect(safeParseLot(lot).ok).toBe(true);
    expect(lot.id).toEqual({ value: "MX1-L-2611-04", scheme: "oracle-fusion", scope: { type: "organization", value: "MX1" } });
    expect(lot.material.id).toMatchObject({ value: "AL-CAST-7", crossReferences: [{ value: "300100187700555", scheme: "oracle-fusion.inventory-item-id" }] });
    expect(lot.plant).toBe("MX1");
    expect([lot.manufacturedAt, lot.expiresOn, lot.supplierLot]).toEqual(["2026-11-04", "2028-11-03", "ALU-88341"]);
    expect(lot.disposition.value).toBe("Restricted");
    expect(lot.qualityStatus?.value).toBe("OnHold");
    expect(lot.holds).toHaveLength(1);
    expect(lot.vendorStatus).toEqual({ code: "Hold", list: "oracle:lot-status" });
  });

  it("reads tenant material statuses through the context's code table", () => {
    expect(decoded(TENANT).disposition.value).toBe("Other");
    const lot = decoded(TENANT, CONTEXT);
    expect(lot.qualityStatus?.value).toBe("AwaitingInspection");
    expect(lot.disposition.value).toBe("Restricted");
    expect(lot.holds).toBeUndefined();
    const quarantined = decoded({ ...TENANT, StatusCode: "MX_QUAR" }, CONTEXT);
    expect([quarantined.qualityStatus?.value, quarantined.disposition.value, quarantined.holds?.length]).toEqual(["Quarantined", "Restricted", 1]);
    expect(decoded(ACTIVE).disposition.value).toBe("UnRestricted");
  });

  it("refuses bad values naming the attribute, and a malformed code table entry", () => {
    const bad = (patch: Record<string, unknown>, context?: MappingContext) => {
      const r = lotMapper.decode({ ...ACTIVE, ...patch } as never, context);
      return r.ok ? "" : `${r.issues[0]?.path} ${r.issues[0]?.message}`;
    };
    expect(bad({ ExpirationDate: "2028-02-30" })).toMatch(/^\/ExpirationDate/);
    expect(bad({ ExpirationDate: "30.11.2028" })).toMatch(/^\/ExpirationDate/);
    expect(bad({ StatusCode: 3 })).toMatch(/^\/StatusCode/);
    expect(bad({ ActiveLotCode: "x".repeat(31) })).toMatch(/^\/ActiveLotCode/);
    expect(bad({}, { codeTables: { "oracle:lot-status": { Active: { qualityStatus: "Fine" } } } })).toMatch(/^\/StatusCode/);
  });
});

describe("oracle:lot encode", () => {
  it("writes the material status whose meaning fits a lot from another system", () => {
    const { extensions: _e, vendorStatus: _v, ...fresh } = decoded(HOLD);
    const onHold = lotMapper.encode(fresh);
    expect(onHold.ok && onHold.value).toMatchObject({ StatusCode: "Hold", ExpirationDate: "2028-11-03" });
    const free = lotMapper.encode({ ...fresh, qualityStatus: undefined, holds: undefined, disposition: { value: "UnRestricted" } } as Lot);
    expect(free.ok && free.value).toMatchObject({ StatusCode: "Active" });
    const pending = lotMapper.encode({ ...fresh, qualityStatus: { value: "AwaitingInspection" }, holds: undefined, disposition: { value: "Restricted" } } as Lot, CONTEXT);
    expect(pending.ok && pending.value).toMatchObject({ StatusCode: "MX_QA_PEND" });
  });

  it("writes no material status for a lot no status fits, and one that reads back the same when read again (fuzz cases 35497, 40379)", () => {
    const { extensions: _e, vendorStatus: _v, holds: _h, ...fresh } = decoded(HOLD);
    const unfit = { ...fresh, disposition: { value: "Restricted" }, qualityStatus: { value: "OnHold" } } as Lot;
    const first = lotMapper.encode(unfit);
    expect(first.ok && first.value["StatusCode"]).toBeNull();
    const read = decoded(first.ok ? first.value : {});
    expect([read.disposition, read.qualityStatus, read.vendorStatus]).toEqual([{ value: "Other" }, undefined, undefined]);
    const { extensions: _e2, ...other } = read;
    const second = lotMapper.encode(other as Lot);
    expect(second.ok && second.value["StatusCode"]).toBeNull();
    expect(decoded(second.ok ? second.value : {}).disposition).toEqual({ value: "Other" });
  });
});
