import fs from "node:fs";
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { CatalogEntityInfo } from "@mfgsync/mapping";
import * as d365 from "@mfgsync/mappers-d365";
import {
  D365_ENTITY_CATALOGS,
  ProductionOrderHeaders_CATALOG,
  type D365EntitySet,
  type D365WireRows,
  type InventTestOutcomeStatus,
  type ItemBatch,
  type NoYes,
  type ProdStatus,
  type ProductionOrderBillOfMaterialLine,
  type ProductionOrderHeader,
  type ProductionOrderHeadersCollection,
  type ProductionOrderRouteOperation,
  type QualityOrderHeader,
  type QualityOrderLineResult,
  type ReleasedProductV2,
  type RouteOprPriority,
} from "@mfgsync/mappers-d365";
import { CATALOG_DIR, GENERATED_DIR, ROOT, deriveD365CatalogObjects, deriveD365Catalogs, findShared } from "../../../scripts/d365-catalog.js";
import type { D365EntityCatalog, D365Property } from "../../../scripts/d365/model.js";
import { entitySetsOf, keysOf, type OpenApiSchema } from "../../../scripts/d365/openapi.js";
import { runtimeForm } from "../../../scripts/d365/render-catalog.js";
import { wireSchema } from "../../../scripts/d365/wire-types.js";

const shared = findShared();
const catalogRoot = path.join(ROOT, CATALOG_DIR);

interface IndexEntry {
  entitySet: string;
  wireType: string;
  path: string;
  derivedFrom: "spec" | "catalog";
  keys: string[];
  propertyCount: number;
  enumPropertyCount: number;
  inferredPropertyCount: number;
  navigationCount: number;
}
interface IndexEnum {
  qualifiedName: string;
  name: string;
  members: string[] | null;
  values?: Record<string, number>;
  labels?: Record<string, string>;
  usedBy: string[];
}

const index = JSON.parse(fs.readFileSync(path.join(catalogRoot, "index.json"), "utf8")) as { catalogs: IndexEntry[]; enums: IndexEnum[] };
const committed = new Map<string, D365EntityCatalog>(
  index.catalogs.map((e) => [e.entitySet, JSON.parse(fs.readFileSync(path.join(catalogRoot, e.path), "utf8")) as D365EntityCatalog]),
);

function catalog(set: string): D365EntityCatalog {
  const c = committed.get(set);
  if (!c) throw new Error(`no committed catalog for ${set}`);
  return c;
}
function prop(set: string, name: string): D365Property {
  const p = catalog(set).properties.find((x) => x.name === name);
  if (!p) throw new Error(`${set}.${name} not catalogued`);
  return p;
}
const GLOBAL_SETS = ["ProductsV2", "UnitsOfMeasure"];
const PROD_STATUS = ["Created", "CostEstimated", "Scheduled", "Released", "StartedUp", "ReportedFinished", "Completed"];

describe("D365 catalogs: generated files", () => {
  it.skipIf(!shared)("committed catalogs and generated TS match the vendor specs (run `pnpm run generate:d365-catalog`)", async () => {
    const expected = await deriveD365Catalogs(shared as string);
    for (const [rel, content] of expected) expect(fs.readFileSync(path.join(ROOT, rel), "utf8"), rel).toBe(content);
    const expectedJson = [...expected.keys()].filter((k) => k.startsWith(`${CATALOG_DIR}/`)).map((k) => k.slice(CATALOG_DIR.length + 1)).sort();
    expect(fs.readdirSync(catalogRoot).sort()).toEqual(expectedJson);
    expect(expected.has(`${GENERATED_DIR}/wire-types.ts`) && expected.has(`${GENERATED_DIR}/catalog.ts`)).toBe(true);
  }, 120_000);

  it.skipIf(!shared)("every OpenAPI entity set is catalogued with the OpenAPI's properties, order, keys and JSON kinds", () => {
    const { openApi, catalogs, enums } = deriveD365CatalogObjects(shared as string);
    const sets = entitySetsOf(openApi);
    const keys = keysOf(openApi);
    const schema = wireSchema(catalogs, enums, openApi.components.schemas["ODataError"] as OpenApiSchema);
    expect(sets.size).toBeGreaterThanOrEqual(19);
    for (const [set, schemaName] of sets) {
      const c = catalog(set);
      expect(c.derivedFrom).toBe("spec");
      expect(c.keys, set).toEqual(keys.get(set));
      const source = Object.entries(openApi.components.schemas[schemaName]?.properties ?? {}).filter(([n]) => n !== "@odata.etag");
      expect(c.properties.map((p) => p.name), set).toEqual(source.map(([n]) => n));
      const wire = schema.definitions?.[c.wireType]?.properties ?? {};
      for (const [name, s] of source) {
        const p = prop(set, name);
        const w = wire[name];
        const { description: _doc, ...bare } = w?.anyOf?.[0] ?? w?.allOf?.[0] ?? w ?? {};
        const wireKind = JSON.stringify(bare);
        if (s.$ref) {
          const enumName = s.$ref.split("/").pop() as string;
          expect(p.enumType, `${set}.${name}`).toBe(`Microsoft.Dynamics.DataEntities.${enumName}`);
          expect(p.enumMembers).toEqual(openApi.components.schemas[enumName]?.enum);
          expect(wireKind).toBe(JSON.stringify({ $ref: `#/definitions/${enumName}` }));
          continue;
        }
        const kinds: Record<string, [string, string]> = {
          "string/": ["Edm.String", "string"],
          "string/date-time": ["Edm.DateTimeOffset", "string"],
          "integer/int32": ["Edm.Int32", "integer"],
          "integer/int64": ["Edm.Int64", "integer"],
          "number/double": ["Edm.Decimal", "number"],
          "boolean/": ["Edm.Boolean", "boolean"],
        };
        const expected = kinds[`${s.type}/${s.format ?? ""}`];
        expect(expected, `${set}.${name}: ${JSON.stringify(s)}`).toBeDefined();
        expect(p.edmType, `${set}.${name}`).toBe(expected?.[0]);
        expect(wireKind, `${set}.${name}`).toBe(JSON.stringify({ type: expected?.[1] }));
      }
    }
  });

  it("index.json lists every catalog file with its counts", () => {
    expect(fs.readdirSync(catalogRoot).sort()).toEqual([...index.catalogs.map((e) => e.path), "index.json"].sort());
    for (const e of index.catalogs) {
      const c = catalog(e.entitySet);
      expect(e.path).toBe(`${c.entitySet}.json`);
      expect([e.wireType, e.derivedFrom, e.keys]).toEqual([c.wireType, c.derivedFrom, c.keys]);
      expect(e.propertyCount).toBe(c.properties.length);
      expect(e.enumPropertyCount).toBe(c.properties.filter((p) => p.edmType === "Edm.Enum").length);
      expect(e.inferredPropertyCount).toBe(c.properties.filter((p) => p.inferred).length);
      expect(e.navigationCount).toBe(c.navigationProperties.length);
    }
  });

  it("the runtime constants are the JSON catalogs without documentation-only fields", () => {
    expect(Object.keys(D365_ENTITY_CATALOGS).sort()).toEqual([...committed.keys()].sort());
    for (const [set, c] of Object.entries(D365_ENTITY_CATALOGS)) {
      expect(JSON.parse(JSON.stringify(c)), set).toEqual(runtimeForm(catalog(set)));
      for (const p of c.properties) expect(Object.keys(p)).not.toContain("openApiType");
      expect(Object.keys(c)).not.toContain("source");
    }
    const ts = fs.readFileSync(path.join(ROOT, GENERATED_DIR, "catalog.ts"), "utf8");
    expect(ts.match(/^export const \w+_CATALOG: CatalogEntityInfo = \{$/gm)).toHaveLength(committed.size);
    expect(ts).not.toMatch(/openApiType|"source"|aotEntity/);
    expectTypeOf(ProductionOrderHeaders_CATALOG).toEqualTypeOf<CatalogEntityInfo>();
    expectTypeOf(D365_ENTITY_CATALOGS.ItemBatches).toEqualTypeOf<CatalogEntityInfo>();
    expectTypeOf<D365EntitySet>().toExtend<string>();
  });

  it("index.ts exports every generated catalog and wire type by name", async () => {
    const indexTs = fs.readFileSync(path.join(ROOT, "packages/mappers-d365/src/index.ts"), "utf8");
    expect(indexTs).not.toMatch(/export \*/);
    for (const file of ["catalog.ts", "wire-types.ts"]) {
      const text = fs.readFileSync(path.join(ROOT, GENERATED_DIR, file), "utf8");
      const names = [...text.matchAll(/^export (?:const|type|interface) (\w+)/gm)].map((m) => m[1] as string);
      expect(names.length).toBeGreaterThan(20);
      for (const name of names) expect(indexTs, name).toMatch(new RegExp(`\\b${name}\\b`));
    }
    for (const name of Object.keys(D365_ENTITY_CATALOGS)) expect(d365).toHaveProperty(`${name}_CATALOG`, D365_ENTITY_CATALOGS[name as D365EntitySet]);
  });
});

describe("D365 catalogs: the facts mappers rely on", () => {
  it("covers the entities of the D365 mappers", () => {
    for (const set of [
      "ReleasedProductsV2", "ProductsV2", "ProductionOrderHeaders", "ProductionOrderBillOfMaterialLines", "ProductionOrderRouteOperations",
      "ItemBatches", "QualityOrderHeaders", "QualityOrderLineResults", "NonConformanceTables", "UnitsOfMeasure", "QualitySamples", "CAPACases", "Operations",
    ]) expect(committed.has(set), set).toBe(true);
  });

  it("keys are non-nullable properties and include dataAreaId except on the global entities", () => {
    for (const c of committed.values()) {
      for (const k of c.keys) expect(prop(c.entitySet, k).nullable, `${c.entitySet}.${k}`).toBe(false);
      if (GLOBAL_SETS.includes(c.entitySet)) {
        expect(c.keys).not.toContain("dataAreaId");
        expect(c.properties.some((p) => p.name === "dataAreaId")).toBe(false);
      } else {
        expect(c.keys[0], c.entitySet).toBe("dataAreaId");
      }
    }
    expect(catalog("ProductsV2").keys).toEqual(["ProductNumber"]);
    expect(catalog("UnitsOfMeasure").keys).toEqual(["UnitSymbol"]);
    expect(catalog("ReleasedProductsV2").keys).toEqual(["dataAreaId", "ItemNumber"]);
    expect(catalog("ProductionOrderHeaders").keys).toEqual(["dataAreaId", "ProductionOrderNumber"]);
    expect(catalog("ProductionOrderBillOfMaterialLines").keys).toEqual(["dataAreaId", "ProductionOrderNumber", "LineNumber"]);
    expect(catalog("ProductionOrderRouteOperations").keys).toEqual(["dataAreaId", "ProductionOrderNumber", "OperationNumber", "OperationPriority"]);
    expect(catalog("ItemBatches").keys).toEqual(["dataAreaId", "ItemNumber", "BatchNumber"]);
    expect(catalog("QualityOrderHeaders").keys).toEqual(["dataAreaId", "QualityOrderNumber"]);
  });

  it("decimals are exact Edm.Decimal even where the OpenAPI says number/double; nothing is Edm.Double", () => {
    expect(prop("ProductionOrderHeaders", "ScheduledQuantity")).toMatchObject({ edmType: "Edm.Decimal", openApiType: "number/double" });
    expect(prop("ReleasedProductsV2", "YieldPercentage")).toMatchObject({ edmType: "Edm.Decimal", openApiType: "number/double" });
    expect(prop("ProductionOrderRouteOperations", "ProcessQuantity").edmType).toBe("Edm.Decimal");
    const all = [...committed.values()].flatMap((c) => c.properties);
    expect(all.filter((p) => (p.edmType as string) === "Edm.Double" || (p.edmType as string) === "Edm.Single")).toEqual([]);
    for (const p of all) if (p.openApiType === "number/double") expect(p.edmType).toBe("Edm.Decimal");
    // BOM line numbers are decimals (2.5 exists) and part of the key, read from the tenant-generated SDK.
    expect(prop("ProductionOrderBillOfMaterialLines", "LineNumber")).toMatchObject({ edmType: "Edm.Decimal", nullable: false, evidence: "seen-sapsdk" });
    expect(prop("ProductionOrderBillOfMaterialLines", "LineNumber").inferred).toBeUndefined();
    expect(prop("ProductionOrderBillOfMaterialLines", "RouteOperationNumber").edmType).toBe("Edm.Int32");
  });

  it("time-of-day fields stay Edm.Int32 and dates are Edm.DateTimeOffset", () => {
    for (const name of ["ScheduledStartTime", "ScheduledEndTime", "DeliveryTime", "LastSchedulingTime"]) expect(prop("ProductionOrderHeaders", name).edmType, name).toBe("Edm.Int32");
    expect(prop("ProductionOrderBillOfMaterialLines", "RawMaterialScheduledConsumptionTime").edmType).toBe("Edm.Int32");
    for (const name of ["ScheduledStartDate", "DeliveryDate", "EndedDate"]) expect(prop("ProductionOrderHeaders", name).edmType).toBe("Edm.DateTimeOffset");
    for (const name of ["ManufacturingDate", "BatchExpirationDate", "VendorBatchDate"]) expect(prop("ItemBatches", name).edmType).toBe("Edm.DateTimeOffset");
  });

  it("enums carry their qualified type and member names (ProdStatus, NoYes, RouteOprPriority, quality status)", () => {
    expect(prop("ProductionOrderHeaders", "ProductionOrderStatus")).toMatchObject({
      edmType: "Edm.Enum", enumType: "Microsoft.Dynamics.DataEntities.ProdStatus", enumMembers: PROD_STATUS,
    });
    const prodStatus = index.enums.find((e) => e.name === "ProdStatus");
    expect(prodStatus?.values).toMatchObject({ Completed: 7, ReportedFinished: 5 });
    expect(prodStatus?.labels).toMatchObject({ Completed: "Ended", CostEstimated: "Estimated" });
    const noYes = [...committed.values()].flatMap((c) => c.properties).filter((p) => p.enumType === "Microsoft.Dynamics.DataEntities.NoYes");
    expect(noYes.length).toBeGreaterThan(50);
    for (const p of noYes) expect(p.enumMembers).toEqual(["No", "Yes"]);
    expect(prop("ProductionOrderBillOfMaterialLines", "IsFullyConsumed").enumMembers).toEqual(["No", "Yes"]);
    expect(prop("ProductionOrderRouteOperations", "OperationPriority")).toMatchObject({ enumType: "Microsoft.Dynamics.DataEntities.RouteOprPriority", nullable: false });
    expect(prop("ProductionOrderRouteOperations", "OperationPriority").enumMembers?.slice(0, 2)).toEqual(["Primary", "Secondary1"]);
    expect(prop("ProductionOrderBillOfMaterialLines", "ConsumptionType").enumMembers).toEqual(["Variable", "Constant"]);
    expect(prop("QualityOrderHeaders", "QualityOrderStatus")).toMatchObject({ enumType: "Microsoft.Dynamics.DataEntities.InventTestOrderStatus", enumMembers: ["Open", "Fail", "Pass"] });
    for (const c of committed.values()) {
      for (const p of c.properties) {
        if (p.edmType !== "Edm.Enum") expect(p.enumType, `${c.entitySet}.${p.name}`).toBeUndefined();
        else if (!p.enumMembers) expect(p.inferred, `${c.entitySet}.${p.name}: an enum without members must say so`).toBe(true);
      }
    }
  });

  it("production order navigations are spelt as the tenant's metadata spells them", () => {
    const navs = catalog("ProductionOrderHeaders").navigationProperties;
    expect(navs).toContainEqual(expect.objectContaining({ name: "ProdutionOrderBOMLines", target: "ProductionOrderBillOfMaterialLines", multiplicity: "*" }));
    expect(navs).toContainEqual(expect.objectContaining({ name: "ProdutionOrderRouteOperations", target: "ProductionOrderRouteOperations", multiplicity: "*" }));
    expect(navs).toContainEqual(expect.objectContaining({ name: "ReleasedProductV2", target: "ReleasedProductsV2" }));
    expect(navs.map((n) => n.name)).not.toContain("ProductionOrderBOMLines");
    expect(navs.find((n) => n.name === "ProdutionOrderBOMLines")?.inferred).toBeUndefined();
    expect(ProductionOrderHeaders_CATALOG.navigationProperties.map((n) => n.name)).toContain("ProdutionOrderRouteOperations");
    // No navigation from a quality order to its results: callers attach the rows.
    expect(catalog("QualityOrderHeaders").navigationProperties).toEqual([]);
  });

  it("inferred facts are marked and explained", () => {
    for (const c of committed.values()) {
      for (const p of c.properties) if (p.inferred) expect(p.inferredNote, `${c.entitySet}.${p.name}`).toMatch(/\w{4}/);
      for (const n of c.navigationProperties) if (n.inferred) expect(n.inferredNote).toMatch(/\w{4}/);
      for (const p of c.properties) if (p.inferredNote) expect(p.inferred).toBe(true);
    }
    // Nonconformance: collection name, property names and enum member names are all unverified.
    const nc = catalog("NonConformanceTables");
    expect(nc.note).toMatch(/unverified/);
    expect(nc.properties.every((p) => p.inferred)).toBe(true);
    expect(prop("NonConformanceTables", "InventNonConformanceType").enumMembers).toEqual(expect.arrayContaining(["Cust", "Vend", "Service", "Internal"]));
    expect(prop("NonConformanceTables", "InventNonConformanceType").inferredNote).toMatch(/unverified/);
    expect(prop("NonConformanceTables", "InventNonConformanceApproval").enumMembers).toEqual(["New", "Approved", "Refused"]);
    expect(prop("NonConformanceTables", "Closed").enumMembers).toEqual(["No", "Yes"]);
    expect(prop("NonConformanceTables", "TestDefectQty").edmType).toBe("Edm.Decimal");
    expect(nc.properties.some((p) => p.name === "DataAreaId")).toBe(false);
    // Line results: collection name and every Edm kind inferred; TestResult derived by D365.
    expect(catalog("QualityOrderLineResults").note).toMatch(/not verified/);
    expect(catalog("QualityOrderLineResults").properties.every((p) => p.inferred)).toBe(true);
    expect(prop("QualityOrderLineResults", "TestResult")).toMatchObject({ enumMembers: ["Fail", "Pass"], readOnly: true });
    expect(prop("QualityOrderLineResults", "ResultValue").edmType).toBe("Edm.Decimal");
    // BOM-line names containing BOM were re-cased from the SDK; the others were not.
    for (const p of catalog("ProductionOrderBillOfMaterialLines").properties) {
      expect(p.inferred === true, p.name).toBe(p.name.includes("BOM"));
    }
    expect(prop("QualityOrderHeaders", "QualityOrderPolicyType")).toMatchObject({ inferred: true, knownValues: ["Purch", "Production", "Quarantine"] });
    expect(prop("QualityOrderHeaders", "QualityOrderPolicyType").enumMembers).toBeUndefined();
    expect(prop("ProductionOrderHeaders", "ProductionOrderNumber").inferred).toBeUndefined();
  });

  it("properties F&O does not accept writes to are read-only", () => {
    const readOnly = [...committed.values()].flatMap((c) => c.properties.filter((p) => p.readOnly).map((p) => `${c.entitySet}.${p.name}`));
    expect(readOnly.sort()).toEqual(["ItemBatches.BatchDispositionCode", "ProductionOrderHeaders.ProductionOrderStatus", "QualityOrderLineResults.TestResult"]);
  });
});

describe("D365 wire types", () => {
  it("type a production order read with its expanded navigations", () => {
    const page: ProductionOrderHeadersCollection = {
      "@odata.context": "https://contoso.operations.dynamics.com/data/$metadata#ProductionOrderHeaders",
      "@odata.count": 1,
      value: [
        {
          "@odata.etag": 'W/"JzEsNTYzNzE0NDU3Nic="',
          dataAreaId: "usmf",
          ProductionOrderNumber: "P000900",
          ProductionOrderStatus: "StartedUp",
          ScheduledQuantity: 64.5,
          ScheduledStartDate: "2026-05-04T00:00:00Z",
          ScheduledStartTime: 21600,
          IsProductionOrderSchedulingLocked: "No",
          ProdutionOrderBOMLines: [{ dataAreaId: "usmf", ProductionOrderNumber: "P000900", LineNumber: 2.5, BOMLineQuantity: 3, ConsumptionType: "Constant" }],
          ProdutionOrderRouteOperations: [
            { dataAreaId: "usmf", ProductionOrderNumber: "P000900", OperationNumber: 10, OperationPriority: "Primary" },
            { dataAreaId: "usmf", ProductionOrderNumber: "P000900", OperationNumber: 10, OperationPriority: "Secondary1" },
          ],
          ReleasedProductV2: { dataAreaId: "usmf", ItemNumber: "FG-100", InventoryUnitSymbol: "ea" },
        },
      ],
    };
    const order = page.value[0];
    expect(order?.ProdutionOrderRouteOperations?.map((r) => r.OperationPriority)).toEqual(["Primary", "Secondary1"]);
    expect(order?.ProdutionOrderBOMLines?.[0]?.LineNumber).toBe(2.5);

    expectTypeOf<ProdStatus>().toEqualTypeOf<"Created" | "CostEstimated" | "Scheduled" | "Released" | "StartedUp" | "ReportedFinished" | "Completed">();
    expectTypeOf<NoYes>().toEqualTypeOf<"No" | "Yes">();
    expectTypeOf<InventTestOutcomeStatus>().toEqualTypeOf<"Fail" | "Pass">();
    expectTypeOf<RouteOprPriority>().toExtend<string>();
    expectTypeOf<ProductionOrderHeader["dataAreaId"]>().toEqualTypeOf<string>();
    expectTypeOf<ProductionOrderHeader["@odata.etag"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ProductionOrderHeader["ProductionOrderStatus"]>().toEqualTypeOf<ProdStatus | null | undefined>();
    expectTypeOf<ProductionOrderHeader["ScheduledQuantity"]>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<ProductionOrderHeader["ScheduledStartTime"]>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<ProductionOrderHeader["ScheduledStartDate"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<ProductionOrderHeader["ProdutionOrderBOMLines"]>().toEqualTypeOf<ProductionOrderBillOfMaterialLine[] | undefined>();
    expectTypeOf<ProductionOrderHeader["ProdutionOrderRouteOperations"]>().toEqualTypeOf<ProductionOrderRouteOperation[] | undefined>();
    expectTypeOf<ProductionOrderHeader["ReleasedProductV2"]>().toEqualTypeOf<ReleasedProductV2 | null | undefined>();
    expectTypeOf<ProductionOrderBillOfMaterialLine["LineNumber"]>().toEqualTypeOf<number>();
    expectTypeOf<ProductionOrderRouteOperation["OperationPriority"]>().toEqualTypeOf<RouteOprPriority>();
    expectTypeOf<ItemBatch["BatchExpirationDate"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<QualityOrderHeader["QualityOrderPolicyType"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<QualityOrderLineResult["TestResult"]>().toEqualTypeOf<InventTestOutcomeStatus | null | undefined>();
    expectTypeOf<D365WireRows["ProductionOrderHeaders"]>().toEqualTypeOf<ProductionOrderHeader>();
    expectTypeOf<ProductionOrderHeadersCollection["value"]>().toEqualTypeOf<ProductionOrderHeader[]>();
    expectTypeOf<keyof D365WireRows>().toEqualTypeOf<D365EntitySet>();
  });

  it("refuse UI labels, booleans for NoYes, decimal strings and unknown properties at compile time", () => {
    // @ts-expect-error "Ended" is the UI label of Completed, not a member name
    const ended: ProdStatus = "Ended";
    // @ts-expect-error NoYes is sent as "Yes"/"No", not a JSON boolean
    const flag: NoYes = true;
    // @ts-expect-error decimals are JSON numbers in OData V4
    const qty: ProductionOrderHeader = { dataAreaId: "usmf", ProductionOrderNumber: "P1", ScheduledQuantity: "64,5" };
    // @ts-expect-error the correctly spelt navigation does not exist on the tenant
    const nav: ProductionOrderHeader = { dataAreaId: "usmf", ProductionOrderNumber: "P1", ProductionOrderBOMLines: [] };
    expect([ended, flag, qty.ScheduledQuantity, nav.ProductionOrderNumber]).toEqual(["Ended", true, "64,5", "P1"]);
  });
});
