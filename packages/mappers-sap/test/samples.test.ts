import { safeParseObject } from "@mfgsync/canonical";
import { SAP_ENTITY_CATALOGS, materialMapper, nonconformanceMapper, productionOrderMapper } from "@mfgsync/mappers-sap";
import { checkVendorRoundTrip } from "@mfgsync/mapping/testing";
import { describe, expect, it } from "vitest";
import { HAVE_SAMPLES, sampleRecords, sampleToWire } from "./helpers/fixtures.js";

// The shared samples were logged and reformatted by a third-party tool (see
// shared/vendor-specs/sap/SOURCES.md): dates as JST date-times, navigation links
// as plain URIs. sampleToWire turns them back into OData V2 form using the catalog.

const CONTEXT = { plantTimeZones: { "1710": "America/New_York", "1010": "Europe/Berlin" } };

describe.skipIf(!HAVE_SAMPLES)("the shared SAP samples map to valid canonical objects", () => {
  it("production order: header with its components, operations and status set", () => {
    const [header] = sampleRecords("production-order/production-order-01-general-sample.json").map((r) => sampleToWire(r, SAP_ENTITY_CATALOGS.A_ProductionOrder_2));
    expect(header).toBeDefined();
    const order = {
      ...header,
      to_ProductionOrderComponent: { results: sampleRecords("production-order/production-order-02-component-sample.json").map((r) => sampleToWire(r, SAP_ENTITY_CATALOGS.A_ProductionOrderComponent_2)) },
      to_ProductionOrderOperation: { results: sampleRecords("production-order/production-order-04-operation-sample.json").map((r) => sampleToWire(r, SAP_ENTITY_CATALOGS.A_ProductionOrderOperation_2)) },
      to_ProductionOrderStatus: { results: sampleRecords("production-order/production-order-05-status-sample.json").map((r) => sampleToWire(r, SAP_ENTITY_CATALOGS.A_ProductionOrderStatus_2)) },
    };
    const result = productionOrderMapper.decode(order, CONTEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(safeParseObject("production-order", result.value).ok).toBe(true);
    expect(result.value.components).toHaveLength(7);
    expect(result.value.operations).toHaveLength(2);
    expect(result.value.state).toMatchObject({ value: "Closed", originalCode: "TECO" });
    // The samples lack the newer properties (ISO units...): the round trip still gives back exactly what was read.
    expect(checkVendorRoundTrip(productionOrderMapper, order, CONTEXT).problems).toEqual([]);
  });

  it("material: the general product with its descriptions, and the plant sample under its product", () => {
    const [general] = sampleRecords("product/product-master-general-01-sample.json").map((r) => sampleToWire(r, SAP_ENTITY_CATALOGS.A_Product));
    const descriptions = [
      ...sampleRecords("product/product-master-general-02-product-desc-sample.json"),
      ...sampleRecords("product/product-master-product-desc-by-product-01-sample.json"),
    ].map((r) => sampleToWire(r, SAP_ENTITY_CATALOGS.A_ProductDescription));
    const product = { ...general, to_Description: { results: descriptions } };
    const result = materialMapper.decode(product, CONTEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(safeParseObject("material", result.value).ok).toBe(true);
    expect(result.value.descriptions).toHaveLength(11);
    expect(checkVendorRoundTrip(materialMapper, product, CONTEXT).problems).toEqual([]);
    const plants = sampleRecords("product/product-master-plant-01-sample.json").map((r) => sampleToWire(r, SAP_ENTITY_CATALOGS.A_ProductPlant));
    const seal = { Product: "D20_EPDM_SMRT_S", ProductType: "FERT", BaseUnit: "PC", CrossPlantStatus: "", IsMarkedForDeletion: false, to_Plant: { results: plants } };
    const withPlant = materialMapper.decode(seal, CONTEXT);
    expect(withPlant.ok && withPlant.value.plants).toEqual([{ plant: "1010", lotControlled: false, storageLocation: "101E" }]);
  });

  it("nonconformance: every defect sample", () => {
    for (const file of ["defect/defect-header-01-sample.json", "defect/defect-defect-text-01-sample.json"]) {
      for (const record of sampleRecords(file)) {
        const defect = sampleToWire(record, SAP_ENTITY_CATALOGS.A_Defect);
        const result = nonconformanceMapper.decode(defect, CONTEXT);
        expect(result.ok).toBe(true);
        if (result.ok) expect(safeParseObject("nonconformance", result.value).ok).toBe(true);
        expect(checkVendorRoundTrip(nonconformanceMapper, defect, CONTEXT).problems).toEqual([]);
      }
    }
  });
});
