import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG_DIR, GENERATED_DIR, ROOT, deriveSapCatalogs, type CatalogProperty, type EntityCatalog } from "../../../scripts/sap-catalog.js";
import { SAP_ENTITY_CATALOGS } from "../src/generated/catalog.js";
import type { A_InspectionLot, A_ProductionOrder_2, A_ProductionOrderOperation_2 } from "../src/generated/wire-types.js";

// MFGSYNC_SHARED points at the shared folder from a checkout that is not next to it (a worktree).
const shared = process.env["MFGSYNC_SHARED"] ?? path.resolve(import.meta.dirname, "../../../../shared");
const hasShared = fs.existsSync(path.join(shared, "vendor-specs/sap/odata"));
const catalogRoot = path.join(ROOT, CATALOG_DIR);

interface IndexEntry {
  service: string;
  entityType: string;
  entitySet: string;
  path: string;
  derivedFrom: "spec" | "notes";
  propertyCount: number;
}

const index = JSON.parse(fs.readFileSync(path.join(catalogRoot, "index.json"), "utf8")) as { catalogs: IndexEntry[] };
const committed = new Map<string, EntityCatalog>(
  index.catalogs.map((e) => [e.entitySet, JSON.parse(fs.readFileSync(path.join(catalogRoot, e.path), "utf8")) as EntityCatalog]),
);

function catalog(set: string): EntityCatalog {
  const c = committed.get(set);
  if (!c) throw new Error(`no committed catalog for ${set}`);
  return c;
}

function prop(set: string, name: string): CatalogProperty {
  const p = catalog(set).properties.find((x) => x.name === name);
  if (!p) throw new Error(`${set}.${name} not catalogued`);
  return p;
}

function listJson(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

describe("SAP entity catalogs", () => {
  it.skipIf(!hasShared)("committed catalogs and generated TS match the vendor specs (run `pnpm run generate:sap-catalog`)", () => {
    const expected = deriveSapCatalogs(shared);
    for (const [rel, content] of expected) {
      expect(fs.readFileSync(path.join(ROOT, rel), "utf8"), rel).toBe(content);
    }
    const expectedJson = [...expected.keys()]
      .filter((k) => k.startsWith(`${CATALOG_DIR}/`))
      .map((k) => k.slice(CATALOG_DIR.length + 1))
      .sort();
    expect(listJson(catalogRoot)).toEqual(expectedJson);
    expect(expected.has(`${GENERATED_DIR}/wire-types.ts`)).toBe(true);
  });

  it("index.json lists every catalog file with its property count", () => {
    expect(listJson(catalogRoot)).toEqual([...index.catalogs.map((e) => e.path), "index.json"].sort());
    for (const e of index.catalogs) {
      const c = catalog(e.entitySet);
      expect(c.service).toBe(e.service);
      expect(c.entityType).toBe(e.entityType);
      expect(c.derivedFrom).toBe(e.derivedFrom);
      expect(c.properties.length).toBe(e.propertyCount);
      expect(e.path).toBe(`${c.service}/${c.entityType}.json`);
    }
  });

  it("covers the entities the mappers need", () => {
    for (const set of [
      "A_Product",
      "A_ProductDescription",
      "A_ProductPlant",
      "A_ProductUnitsOfMeasure",
      "A_ProductWorkScheduling",
      "A_ProductPlantQualityMgmt",
      "A_ProductionOrder_2",
      "A_ProductionOrderItem_2",
      "A_ProductionOrderOperation_2",
      "A_ProductionOrderComponent_2",
      "A_ProductionOrderStatus_2",
      "ProdnOrdConf2",
      "ProdnOrdConfMatlDocItm",
      "A_InspectionLot",
      "A_InspectionCharacteristic",
      "A_InspectionResult",
      "A_InspLotUsageDecision",
      "A_Defect",
      "Batch",
    ]) {
      expect(committed.has(set), set).toBe(true);
    }
  });

  it("every catalog has keys that are non-nullable properties, and inferred facts are explained", () => {
    for (const c of committed.values()) {
      expect(c.keys.length, c.entitySet).toBeGreaterThanOrEqual(1);
      for (const k of c.keys) {
        const p = c.properties.find((x) => x.name === k);
        expect(p, `${c.entitySet}.${k}`).toBeDefined();
        expect(p?.nullable, `${c.entitySet}.${k}`).toBe(false);
      }
      for (const p of c.properties) {
        if (p.inferred) expect(p.inferredNote, `${c.entitySet}.${p.name}`).toBeTruthy();
        if (p.edmType === "Edm.Decimal") expect(p.scale, `${c.entitySet}.${p.name}`).not.toBeNull();
        if (p.edmType !== "Edm.String" && p.edmType !== "Edm.Binary") expect(p.maxLength).toBeNull();
      }
      for (const n of c.navigationProperties) if (n.inferred) expect(n.inferredNote).toBeTruthy();
    }
  });

  it("records the concrete production order facts", () => {
    const po = catalog("A_ProductionOrder_2");
    expect(po.service).toBe("API_PRODUCTION_ORDER_2_SRV");
    expect(po.entityType).toBe("A_ProductionOrder_2Type");
    expect(po.keys).toEqual(["ManufacturingOrder"]);
    expect(prop("A_ProductionOrder_2", "ManufacturingOrder")).toMatchObject({ edmType: "Edm.String", maxLength: 12, nullable: false });
    expect(prop("A_ProductionOrder_2", "TotalQuantity")).toMatchObject({ edmType: "Edm.Decimal", precision: 13, scale: 3 });
    expect(prop("A_ProductionOrder_2", "MfgOrderPlannedStartDate")).toMatchObject({ edmType: "Edm.DateTime", displayFormat: "Date" });
    expect(prop("A_ProductionOrder_2", "MfgOrderPlannedStartTime").edmType).toBe("Edm.Time");
    // An ABAP timestamp string, not a DateTime (notes section 4).
    expect(prop("A_ProductionOrder_2", "LastChangeDateTime")).toMatchObject({ edmType: "Edm.String", maxLength: 14 });
    expect(prop("A_ProductionOrder_2", "OrderIsTechnicallyCompleted")).toMatchObject({ edmType: "Edm.String", maxLength: 1 });
    expect(po.navigationProperties).toContainEqual({
      name: "to_ProductionOrderOperation",
      target: "A_ProductionOrderOperation_2",
      targetType: "A_ProductionOrderOperation_2Type",
      multiplicity: "*",
    });
    expect(catalog("A_ProductionOrderOperation_2").keys).toEqual(["OrderInternalBillOfOperations", "OrderIntBillOfOperationsItem"]);
    expect(catalog("A_ProductionOrderComponent_2").keys).toEqual(["Reservation", "ReservationItem"]);
    expect(catalog("A_ProductionOrderStatus_2").keys).toEqual(["ManufacturingOrder", "StatusCode"]);
    expect(prop("A_ProductionOrderComponent_2", "ComponentScrapInPercent")).toMatchObject({ edmType: "Edm.Decimal", precision: 5, scale: 2 });
  });

  it("records the concrete product master facts from the EDMX", () => {
    expect(catalog("A_Product").keys).toEqual(["Product"]);
    expect(prop("A_Product", "Product")).toMatchObject({ edmType: "Edm.String", maxLength: 40, nullable: false, label: "Produkt" });
    expect(prop("A_Product", "GrossWeight")).toMatchObject({ edmType: "Edm.Decimal", precision: 13, scale: 3 });
    expect(prop("A_Product", "LastChangeDateTime")).toMatchObject({ edmType: "Edm.DateTimeOffset", precision: 7 });
    expect(prop("A_Product", "IsBatchManagementRequired").edmType).toBe("Edm.Boolean");
    expect(prop("A_ProductUnitsOfMeasure", "QuantityNumerator")).toMatchObject({ edmType: "Edm.Decimal", precision: 5, scale: 0 });
    expect(catalog("A_ProductDescription").keys).toEqual(["Product", "Language"]);
    expect(catalog("A_ProductPlant").keys).toEqual(["Product", "Plant"]);
    expect(catalog("A_ProductPlant").navigationProperties).toContainEqual(
      expect.objectContaining({ name: "to_PlantQualityMgmt", target: "A_ProductPlantQualityMgmt", multiplicity: "0..1" }),
    );
  });

  it("records confirmation, QM and defect facts", () => {
    expect(catalog("ProdnOrdConf2").keys).toEqual(["ConfirmationGroup", "ConfirmationCount"]);
    expect(prop("ProdnOrdConf2", "ExternalSystemConfirmation").edmType).toBe("Edm.Guid");
    expect(catalog("ProdnOrdConfMatlDocItm").keys).toEqual([
      "ConfirmationGroup",
      "ConfirmationCount",
      "MaterialDocument",
      "MaterialDocumentItem",
      "MaterialDocumentYear",
    ]);
    expect(prop("ProdnOrdConfMatlDocItm", "Batch")).toMatchObject({ edmType: "Edm.String", maxLength: 10 });
    expect(prop("A_InspectionLot", "InspectionLot")).toMatchObject({ edmType: "Edm.String", maxLength: 12, nullable: false });
    expect(prop("A_InspectionLot", "InspectionLotContainer")).toMatchObject({ edmType: "Edm.Decimal", precision: 6, scale: 3 });
    // The Ballerina form loses DateTime vs DateTimeOffset: it must be flagged, not silently guessed.
    expect(prop("A_InspectionLot", "ChangedDateTime")).toMatchObject({ edmType: "Edm.DateTimeOffset", inferred: true });
    expect(catalog("A_InspectionCharacteristic").keys).toEqual(["InspectionLot", "InspPlanOperationInternalID", "InspectionCharacteristic"]);
    expect(prop("A_InspectionCharacteristic", "InspSpecTargetValue").edmType).toBe("Edm.Double");
    expect(prop("A_InspectionCharacteristic", "InspSpecDecimalPlaces").edmType).toBe("Edm.Byte");
    expect(prop("A_InspectionSubset", "ShopFloorItem").edmType).toBe("Edm.Int64");
    expect(prop("A_InspLotUsageDecision", "InspectionLotUsageDecisionCode")).toMatchObject({ edmType: "Edm.String", maxLength: 4 });
    expect(catalog("A_Defect").keys).toEqual(["DefectInternalID"]);
    expect(prop("A_Defect", "DefectInternalID")).toMatchObject({ edmType: "Edm.String", maxLength: 12 });
    expect(prop("A_Defect", "NumberOfDefects").edmType).toBe("Edm.Int32");
  });

  it("marks the API_BATCH_SRV catalog as derived from notes", () => {
    const batch = catalog("Batch");
    expect(batch.derivedFrom).toBe("notes");
    expect(batch.note).toMatch(/research notes/);
    expect(batch.note).toMatch(/\$metadata/);
    expect(batch.keys).toEqual(["Material", "BatchIdentifyingPlant", "Batch"]);
    expect(prop("Batch", "Batch")).toMatchObject({ edmType: "Edm.String", maxLength: 10 });
    expect(prop("Batch", "MatlBatchIsInRstrcdUseStock").edmType).toBe("Edm.Boolean");
    expect(prop("Batch", "LastChangeDateTime")).toMatchObject({ edmType: "Edm.DateTimeOffset", precision: 7 });
    for (const c of committed.values()) if (c.entitySet !== "Batch") expect(c.derivedFrom, c.entitySet).toBe("spec");
  });

  it("exports the same data as typed constants, without the labels and quick info of the JSON files", () => {
    expect(Object.keys(SAP_ENTITY_CATALOGS).sort()).toEqual([...committed.keys()].sort());
    for (const [set, c] of Object.entries(SAP_ENTITY_CATALOGS)) {
      const file = catalog(set);
      const withoutDocs = { ...file, properties: file.properties.map(({ label: _label, quickInfo: _quickInfo, ...facts }) => facts) };
      expect(JSON.parse(JSON.stringify(c)), set).toStrictEqual(withoutDocs);
    }
    // The labels are still there for the docs.
    expect(prop("A_Product", "Product").label).toBe("Produkt");
    expect(SAP_ENTITY_CATALOGS.A_ProductionOrder_2.keys[0]).toBe("ManufacturingOrder");
  });

  it("wire types accept SAP V2 JSON shapes", () => {
    const op: A_ProductionOrderOperation_2 = {
      OrderInternalBillOfOperations: "1000000",
      OrderIntBillOfOperationsItem: "1",
      ManufacturingOrderOperation: "0010",
      OpActualExecutionStartTime: "PT00H00M00S",
    };
    const order: A_ProductionOrder_2 = {
      __metadata: { uri: "https://host/sap/opu/odata/sap/API_PRODUCTION_ORDER_2_SRV/A_ProductionOrder_2('1000000')", type: "API_PRODUCTION_ORDER_2_SRV.A_ProductionOrder_2Type" },
      ManufacturingOrder: "1000000",
      TotalQuantity: "500",
      MfgOrderPlannedStartDate: "/Date(1496707200000)/",
      OrderIsTechnicallyCompleted: "X",
      to_ProductionOrderOperation: { results: [op] },
      to_ProductionOrderStatus: { __deferred: { uri: "https://host/x" } },
    };
    const lot: A_InspectionLot = { InspectionLot: "10000000001", InspectionLotHasUsageDecision: true, InspLotNmbrOpenLongTermCharc: 0 };
    expect(order.ManufacturingOrder).toBe("1000000");
    expect(lot.InspectionLot).toHaveLength(11);
  });
});
