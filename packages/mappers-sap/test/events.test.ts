import { safeParseEvent } from "@mfgsync/canonical";
import { SAP_ENTITY_CATALOGS, decodeBusinessEvent, decodeBusinessEvents, decodeConfirmationEvents, decodeConfirmationEventsWire } from "@mfgsync/mappers-sap";
import { describe, expect, it } from "vitest";
import { HAVE_SAMPLES, entitiesOf, fixture, fixtureText, sampleRecords, sampleToWire } from "./helpers/fixtures.js";

const CONTEXT = { plantTimeZones: { "1710": "America/New_York" }, identifiers: { issuer: "S4P-100" } };

describe("SAP business events become references to the object to read", () => {
  it("reads a CloudEvents batch of production order, inspection lot, product and batch events", () => {
    const r = decodeBusinessEvents(fixtureText("events/business-events-batch.json"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const refs = r.results.map((x) => (x.ok ? x.value : undefined));
    expect(refs.map((x) => [x?.object, x?.id.value, x?.change])).toEqual([
      ["production-order", "1000123", "created"], ["production-order", "1000123", "changed"], ["inspection", "890000000123", "cancelled"],
      ["material", "D20_EPDM_SMRT_S", "changed"], ["lot", "0000000008", "created"],
    ]);
    expect(refs[0]?.read).toEqual({
      service: "API_PRODUCTION_ORDER_2_SRV", entitySet: "A_ProductionOrder_2", key: { ManufacturingOrder: "1000123" },
      path: "/A_ProductionOrder_2('1000123')?$expand=to_ProductionOrderOperation,to_ProductionOrderComponent,to_ProductionOrderStatus",
    });
    expect(refs[2]?.read.alsoRead).toContain("A_InspectionResult");
    expect(refs[4]?.read.path).toBe("/Batch(Material='FG226',BatchIdentifyingPlant='',Batch='0000000008')");
    expect(refs[0]?.event).toEqual({ id: "a5b1c2d3-0000-4000-8000-000000000001", source: "/default/sap.s4.beh/S4PCLNT100", time: "2026-03-02T05:30:12Z" });
  });

  it("quotes and escapes key literals", () => {
    const r = decodeBusinessEvent({ specversion: "1.0", id: "1", source: "s", type: "sap.s4.beh.product.v1.Product.Created.v1", data: { Product: "O'NEIL/7" } });
    expect(r.ok && r.value.read.path).toBe("/A_Product('O''NEIL%2F7')?$expand=to_Description,to_Plant,to_ProductUnitsOfMeasure");
  });

  it("gives issues for unknown types, missing keys and broken envelopes", () => {
    const unknown = decodeBusinessEvent({ specversion: "1.0", id: "1", source: "s", type: "sap.s4.beh.salesorder.v1.SalesOrder.Created.v1", data: {} });
    expect(!unknown.ok && unknown.issues[0]).toMatchObject({ path: "/type", code: "event.unsupported" });
    const noKey = decodeBusinessEvent({ specversion: "1.0", id: "1", source: "s", type: "sap.s4.beh.productionorder.v1.ProductionOrder.Changed.v1", data: { ManufacturingOrder: "" } });
    expect(!noKey.ok && noKey.issues[0]).toMatchObject({ path: "/data/ManufacturingOrder", code: "field.required" });
    const broken = decodeBusinessEvents([{ type: 5 }, null]);
    expect(broken.ok && broken.results.map((x) => (x.ok ? [] : x.issues.map((i) => i.path)))).toEqual([["/0/id", "/0/source", "/0/type", "/0/specversion", "/0/data"], ["/1"]]);
    expect(decodeBusinessEvents("{").ok).toBe(false);
  });
});

describe("order confirmations become production-confirmed and genealogy events", () => {
  const CONFIRMATIONS = entitiesOf(fixture("events/confirmations-order-2000022.json")) as Record<string, unknown>[];

  it("emits production-confirmed and material-consumed for the first operation", () => {
    const r = decodeConfirmationEvents(CONFIRMATIONS[0], CONTEXT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((e) => e.type)).toEqual(["dev.mfgsync.production.confirmed.v1", "dev.mfgsync.material.consumed.v1"]);
    for (const event of r.value) expect(safeParseEvent(event).ok).toBe(true);
    const [confirmed, consumed] = r.value;
    expect(confirmed).toMatchObject({
      source: "urn:mfgsync:sap-s4hana:S4P-100", subject: "2000022", time: "2016-09-21T11:11:07-04:00", correlationid: "sap-confirmation:207/1",
      data: { order: { value: "2000022" }, operation: "0010", confirmation: { value: "207/1" }, yield: { value: "10", unit: "H87" }, final: true, workCenter: "ASSEMBLY", plant: "1710" },
    });
    expect(consumed).toMatchObject({
      correlationid: "sap-confirmation:207/1",
      data: { material: { id: { value: "RM124" } }, lot: { value: "RM-0815" }, quantity: { value: "100", unit: "H87" }, materialUse: "Consumed", movementType: "261", movement: { value: "2016/4900000550/1" } },
    });
  });

  it("emits material-produced for the goods receipt, skips other movements with a warning, and keeps ids stable", () => {
    const r = decodeConfirmationEventsWire(fixtureText("events/confirmations-order-2000022.json"), CONTEXT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const last = r.results[3];
    expect(last?.ok && last.value.map((e) => e.type)).toEqual(["dev.mfgsync.production.confirmed.v1", "dev.mfgsync.material.produced.v1"]);
    expect(last?.ok && last.value[1]?.data).toMatchObject({ material: { id: { value: "FG226" } }, lot: { value: "0000000008" }, materialUse: "Produced" });
    expect(last?.warnings).toContainEqual(expect.objectContaining({ path: "/d/results/3/to_ProdnOrdConfMatlDocItm/results/1/GoodsMovementType", code: "event.skipped" }));
    const again = decodeConfirmationEvents(CONFIRMATIONS[3], CONTEXT);
    expect(again.ok && last?.ok && again.value.map((e) => e.id)).toEqual(last?.ok ? last.value.map((e) => e.id) : []);
  });

  it("treats a reversal as reversed movements without a production-confirmed event", () => {
    const movements = (CONFIRMATIONS[0]!["to_ProdnOrdConfMatlDocItm"] as { results: Record<string, unknown>[] }).results;
    const reversal = { ...CONFIRMATIONS[0], IsReversal: true, to_ProdnOrdConfMatlDocItm: { results: [{ ...movements[0], GoodsMovementType: "262" }] } };
    const r = decodeConfirmationEvents(reversal, CONTEXT);
    expect(r.ok && r.value.map((e) => [e.type, (e.data as { reversal?: boolean }).reversal])).toEqual([["dev.mfgsync.material.consumed.v1", true]]);
    expect(r.warnings.map((w) => w.code)).toContain("event.skipped");
  });

  it("gives issues with paths for bad confirmations", () => {
    const r = decodeConfirmationEvents({ ...CONFIRMATIONS[0], ConfirmationYieldQuantity: "1,5", OrderID: "" }, CONTEXT);
    expect(!r.ok && r.issues.map((i) => i.path).sort()).toEqual(["/ConfirmationYieldQuantity", "/OrderID"]);
  });

  it.skipIf(!HAVE_SAMPLES)("maps the shared confirmation samples", () => {
    for (const record of sampleRecords("production-order-confirmation/production-order-confirmation-conf-by-orderid-01-confirmation-sample.json")) {
      const r = decodeConfirmationEvents(sampleToWire(record, SAP_ENTITY_CATALOGS.ProdnOrdConf2), CONTEXT);
      expect(r.ok).toBe(true);
      if (r.ok) for (const event of r.value) expect(safeParseEvent(event).ok).toBe(true);
    }
  });
});
