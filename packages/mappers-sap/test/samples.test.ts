import { safeParseObject } from "@mfgsync/canonical";
import { SAP_ENTITY_CATALOGS, productionOrderMapper } from "@mfgsync/mappers-sap";
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
});
