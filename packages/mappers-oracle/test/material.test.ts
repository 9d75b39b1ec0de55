import type { Material } from "@mfgsync/canonical";
import { safeParseMaterial } from "@mfgsync/canonical";
import { arbitraryMaterial } from "@mfgsync/canonical/testing";
import { itemMapper } from "@mfgsync/mappers-oracle";
import { describeConformance } from "@mfgsync/mapping/testing";
import { describe, expect, it } from "vitest";
import { fixtureEntities } from "./helpers/fixtures.js";
import { ORACLE_TEST_UNITS, SCHEME, fitItem } from "./helpers/fit.js";

const [MASTER, CHILD] = fixtureEntities("material/items-master-and-child-org.json") as [Record<string, unknown>, Record<string, unknown>];
const RAW = fixtureEntities("material/item-raw-material-kg.json")[0] as Record<string, unknown>;

describeConformance("oracle:material", {
  mapper: itemMapper,
  fixtures: [
    { name: "master-organisation item with revisions and categories (v3 collections)", vendor: MASTER },
    { name: "the same item in a child organisation, serial controlled, no item type", vendor: CHILD },
    { name: "raw material in kilograms, obsolete, null serial control", vendor: RAW },
  ],
  arbitrary: arbitraryMaterial({ scheme: SCHEME, units: ORACLE_TEST_UNITS }),
  fit: fitItem,
  numRuns: 150,
});

function decoded(vendor: unknown): Material {
  const r = itemMapper.decode(vendor as never);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("oracle:material decode", () => {
  it("scopes the item number by organisation and keeps ItemId as an exact cross-reference", () => {
    const master = decoded(MASTER), child = decoded(CHILD);
    expect(safeParseMaterial(master).ok).toBe(true);
    expect(master.id).toEqual({ value: "GBX-220", scheme: "oracle-fusion", scope: { type: "organization", value: "MST" } });
    expect(child.id.scope).toEqual({ type: "organization", value: "MX1" });
    expect(master.crossReferences).toEqual([{ value: "300100187700412", scheme: "oracle-fusion.inventory-item-id" }]);
  });

  it("reads the unit from its name, status and type from display values, and the control codes", () => {
    const master = decoded(MASTER), child = decoded(CHILD), raw = decoded(RAW);
    expect([master.baseUnit, raw.baseUnit]).toEqual(["H87", "KGM"]);
    expect(master.lifecycleStatus).toMatchObject({ value: "Approved", originalCode: "Active" });
    expect(child.lifecycleStatus.value).toBe("Blocked");
    expect(raw.lifecycleStatus.value).toBe("Obsolete");
    expect(master.type).toMatchObject({ value: "FinishedGood", originalCode: "Finished Good" });
    expect(child.type).toEqual({ value: "Other" });
    expect(raw.type.value).toBe("RawMaterial");
    expect([master.lotControlled, master.serialControlled, child.serialControlled, raw.lotControlled, raw.serialControlled]).toEqual([true, false, true, false, undefined]);
    expect(master.descriptions).toEqual([{ language: "en", text: "Gearbox housing, cast" }]);
    expect(master.group).toBe("Root Item Class");
  });

  it("refuses bad values naming the attribute", () => {
    const bad = (patch: Record<string, unknown>) => {
      const r = itemMapper.decode({ ...RAW, ...patch } as never);
      return r.ok ? "" : `${r.issues[0]?.path} ${r.issues[0]?.message}`;
    };
    expect(bad({ StockEnabledFlag: "Y" })).toMatch(/^\/StockEnabledFlag/);
    expect(bad({ LotControlCode: "2" })).toMatch(/^\/LotControlCode/);
    expect(bad({ PrimaryUOMValue: "Bucket" })).toMatch(/^\/PrimaryUOMValue/);
    expect(bad({ ItemId: 12.5 })).toMatch(/^\/ItemId/);
  });
});

describe("oracle:material encode", () => {
  it("writes a fresh material with unit names, display values and codes", () => {
    const { extensions: _e, ...fresh } = decoded(RAW);
    const r = itemMapper.encode({ ...fresh, serialControlled: true });
    expect(r.ok).toBe(true);
    expect(r.ok && r.value).toMatchObject({ ItemNumber: "AL-CAST-7", OrganizationCode: "MX1", PrimaryUOMValue: "Kilogram", ItemStatusValue: "Obsolete", LotControlCode: 1, SerialGenerationCode: 5 });
  });
});
