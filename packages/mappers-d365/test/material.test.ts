import type { Material } from "@mfgsync/canonical";
import { safeParseMaterial } from "@mfgsync/canonical";
import { arbitraryMaterial } from "@mfgsync/canonical/testing";
import { D365_SCHEME, materialMapper } from "@mfgsync/mappers-d365";
import { catalogFit } from "@mfgsync/mapping/conformance";
import { describeConformance } from "@mfgsync/mapping/testing";
import { describe, expect, it } from "vitest";
import { fixture, rowsOf, withProps } from "./helpers/fixtures.js";
import { D365_TEST_UNITS, fitMaterial } from "./helpers/fit.js";

const LIFECYCLE = { Discontinued: "Obsolete", Prototype: "Draft", Blocked: "Blocked" };
const CONTEXT = { codeTables: { "d365:ProductLifecycleStateId": LIFECYCLE } };
const [BOM_ITEM, RAW] = rowsOf(fixture("material/released-products-collection.json")) as [Record<string, unknown>, Record<string, unknown>];
const SERVICE = fixture("material/released-product-service.json") as Record<string, unknown>;
const fitCatalog = catalogFit(materialMapper.declaration);

describeConformance("d365:material", {
  mapper: materialMapper,
  fixtures: [
    { name: "BOM-produced item, batch-tracked, no lifecycle state, shelf life 0", vendor: BOM_ITEM, context: CONTEXT },
    { name: "purchased raw material in kg, discontinued (tenant lifecycle code)", vendor: RAW, context: CONTEXT },
    { name: "service in hours, company DEMF, null lifecycle state", vendor: SERVICE, context: CONTEXT },
  ],
  arbitrary: arbitraryMaterial({ scheme: D365_SCHEME, units: D365_TEST_UNITS }),
  fit: (m: Material) => fitCatalog(fitMaterial(m, LIFECYCLE)) as Material,
  context: CONTEXT,
  numRuns: 100,
});

describe("d365:material decode", () => {
  it("reads a released product as a company-scoped material with its type, unit, tracking and lifecycle", () => {
    const r = materialMapper.decode(RAW, CONTEXT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(safeParseMaterial(r.value).ok).toBe(true);
    expect(r.value).toMatchObject({
      id: { value: "RM-EPOXY-A", scheme: "d365-scm", scope: { type: "company", value: "usmf" } },
      type: { value: "RawMaterial", originalCode: "Item/None" }, baseUnit: "KGM", lotControlled: true, serialControlled: false, shelfLifeDays: 180,
      lifecycleStatus: { value: "Obsolete", originalCode: "Discontinued" }, group: "RAW",
    });
    const bom = materialMapper.decode(BOM_ITEM, CONTEXT);
    expect(bom.ok && [bom.value.type.value, bom.value.lifecycleStatus.value, bom.value.shelfLifeDays]).toEqual(["FinishedGood", "Approved", undefined]);
    const service = materialMapper.decode(SERVICE, CONTEXT);
    expect(service.ok && [service.value.type.value, service.value.baseUnit, service.value.id.scope?.value]).toEqual(["Service", "HUR", "DEMF"]);
  });

  it("reads an unknown lifecycle code as Other, keeping it, and writes it back", () => {
    const r = materialMapper.decode(withProps(RAW, { ProductLifecycleStateId: "Phase-Out" }), CONTEXT);
    expect(r.ok && r.value.lifecycleStatus).toEqual({ value: "Other", originalCode: "Phase-Out", originalList: "d365:ProductLifecycleStateId" });
    const back = r.ok ? materialMapper.encode(r.value, CONTEXT) : undefined;
    expect(back?.ok && back.value.ProductLifecycleStateId).toBe("Phase-Out");
  });

  it("refuses bad values naming the property", () => {
    for (const [patch, path] of [
      [{ ProductType: "Goods" }, "/ProductType"], [{ IsBatchNumberActive: "True" }, "/IsBatchNumberActive"], [{ InventoryUnitSymbol: "bottle" }, "/InventoryUnitSymbol"],
      [{ ShelfLifePeriodDays: 1.5 }, "/ShelfLifePeriodDays"], [{ ItemNumber: "" }, "/ItemNumber"],
    ] as const) {
      const r = materialMapper.decode(withProps(RAW, patch), CONTEXT);
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.path), path).toContain(path);
    }
  });

  it("writes a material from another system: type to the two enums, Approved as no lifecycle state", () => {
    const r = materialMapper.encode({
      schemaVersion: "1.1", kind: "material", id: { value: "M-1", scheme: D365_SCHEME, scope: { type: "company", value: "usmf" } },
      type: { value: "SemiFinished" }, baseUnit: "KGM", lifecycleStatus: { value: "Approved" },
    } as Material, CONTEXT);
    expect(r.ok && r.value).toEqual({ dataAreaId: "usmf", ItemNumber: "M-1", ProductType: "Item", ProductionType: "BOM", InventoryUnitSymbol: "kg", ShelfLifePeriodDays: 0 });
  });
});
