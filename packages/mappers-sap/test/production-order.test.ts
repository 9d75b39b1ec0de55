import type { ProductionOrder } from "@mfgsync/canonical";
import { safeParseProductionOrder } from "@mfgsync/canonical";
import { arbitraryProductionOrder } from "@mfgsync/canonical/testing";
import { productionOrderMapper } from "@mfgsync/mappers-sap";
import { lossNormalizers } from "@mfgsync/mapping";
import { conformanceChecks } from "@mfgsync/mapping/conformance";
import { describeConformance } from "@mfgsync/mapping/testing";
import { describe, expect, it } from "vitest";
import { entitiesOf, fixture, fixtureText } from "./helpers/fixtures.js";
import { SAP_TEST_UNITS, SCHEME } from "./helpers/fit.js";
import { fitOrder } from "./helpers/fit-order.js";

const CONTEXT = { plantTimeZones: { "1710": "America/New_York", "1010": "Europe/Berlin" }, defaultTimeZone: "Asia/Tokyo" };
const TECO = entitiesOf(fixture("production-order/order-1000000-teco.json"))[0] as Record<string, unknown>;
const RELEASED = entitiesOf(fixture("production-order/orders-1000123-released-collection.json"))[0] as Record<string, unknown>;

describeConformance("sap:production-order", {
  mapper: productionOrderMapper,
  fixtures: [
    { name: "technically completed order (sandbox data, all properties, expanded)", vendor: TECO },
    { name: "released, partially confirmed order in KG with user status", vendor: RELEASED },
    { name: "the same order with the navigations deferred", vendor: { ...TECO, to_ProductionOrderOperation: { __deferred: { uri: "x" } }, to_ProductionOrderComponent: { __deferred: { uri: "y" } }, to_ProductionOrderStatus: { __deferred: { uri: "z" } } } },
  ],
  arbitrary: arbitraryProductionOrder({ scheme: SCHEME, units: SAP_TEST_UNITS }),
  fit: fitOrder,
  context: CONTEXT,
  numRuns: 150,
});

describe("sap:production-order decode", () => {
  it("maps the sandbox order: ids, quantities, dates in the plant's zone and the TECO status", () => {
    const result = productionOrderMapper.decode(TECO, CONTEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const order = result.value;
    expect(safeParseProductionOrder(order).ok).toBe(true);
    expect(order.id).toEqual({ value: "1000000", scheme: "sap-s4hana" });
    expect(order.plannedQuantity).toEqual({ value: "500", unit: "H87" });
    expect(order.plannedStart).toBe("2017-06-06");
    expect(order.scheduledStart).toBe("2017-06-06T07:00:00-04:00");
    expect(order.lastChangedAt).toBe("2020-07-23T12:57:18Z");
    expect(order.state).toEqual({ value: "Closed", originalCode: "TECO", originalList: "sap:order-status" });
    expect(order.operations.map((o) => o.sequence)).toEqual(["0010", "0020"]);
    expect(order.components[0]).toMatchObject({ item: "8", issuingOperation: "0020", backflush: true, materialUse: { value: "Consumed", originalCode: "261" } });
    expect(order.extensions?.["sap"]?.["MRPController"]).toBe("MZ1");
    expect(result.warnings).toEqual([]);
  });

  it("reads the released collection: ISO units, times in Europe/Berlin, the winning status, plant differences", () => {
    const wire = productionOrderMapper.decodeWire(fixtureText("production-order/orders-1000123-released-collection.json"), CONTEXT);
    expect(wire.ok && wire.collection).toBe(true);
    if (!wire.ok) return;
    const first = wire.results[0];
    expect(first?.ok).toBe(true);
    if (!first?.ok) return;
    const order = first.value;
    expect(order.plannedQuantity).toEqual({ value: "250.500", unit: "KGM" });
    expect(order.confirmedYield).toEqual({ value: "100.250", unit: "KGM" });
    expect(order.plannedStart).toBe("2026-03-02T06:30:00+01:00");
    expect(order.scheduledEnd).toBe("2026-03-03");
    expect(order.state).toEqual({ value: "Running", originalCode: "PCNF", originalList: "sap:order-status" });
    expect(order.operations[0]?.actualStart).toBe("2026-03-02T06:41:07+01:00");
    expect(order.components[0]?.plant).toBeUndefined();
    expect(order.components[1]?.plant).toBe("1020");
    expect(order.components[0]?.lot).toEqual({ value: "0000000008", scheme: "sap-s4hana" });
  });

  it("warns once per plant when no time zone is configured, and reads local times as UTC", () => {
    const result = productionOrderMapper.decode(TECO);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.scheduledStart).toBe("2017-06-06T07:00:00Z");
    expect(result.warnings.filter((w) => w.code === "time-zone.default")).toHaveLength(1);
    expect(result.warnings[0]?.path).toBe("/ProductionPlant");
  });

  it("lets the context override the status precedence", () => {
    const result = productionOrderMapper.decode(TECO, { ...CONTEXT, statusRules: { "sap:order-status": { states: { TECO: "Completed" } } } });
    expect(result.ok && result.value.state.value).toBe("Completed");
  });

  it("sets the issuer of every SAP identifier from the context", () => {
    const result = productionOrderMapper.decode(RELEASED, { ...CONTEXT, identifiers: { issuer: "S4P-100" } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.id.issuer).toBe("S4P-100");
    expect(result.value.components[0]?.lot?.issuer).toBe("S4P-100");
  });
});

describe("sap:production-order encode", () => {
  const decoded = productionOrderMapper.decode(RELEASED, CONTEXT);
  const order = decoded.ok ? decoded.value : (undefined as never);

  it("writes the bare entity without transport annotations", () => {
    const result = productionOrderMapper.encode(order, CONTEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).not.toHaveProperty("__metadata");
    expect(JSON.stringify(result.value)).not.toContain("__deferred");
  });

  it("lets a changed canonical value win over the SAP value kept in extensions", () => {
    const changed: ProductionOrder = { ...order, state: { value: "Closed" }, plannedQuantity: { value: "300", unit: "KGM" }, plannedStart: "2026-03-05T08:00:00+01:00" };
    const result = productionOrderMapper.encode(changed, CONTEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.OrderIsTechnicallyCompleted).toBe("X");
    expect(result.value.OrderIsReleased).toBe("");
    expect(result.value.OrderIsPartiallyConfirmed).toBe("");
    expect(result.value.to_ProductionOrderStatus).toBeUndefined();
    expect(result.value.TotalQuantity).toBe("300");
    expect(result.value.MfgOrderPlannedStartDate).toBe("/Date(1772668800000)/");
    expect(result.value.MfgOrderPlannedStartTime).toBe("PT08H00M00S");
    expect(result.value.MRPController).toBe("MZ1");
  });

  it("encodes an order from another system using its SAP cross-reference", () => {
    const mes: ProductionOrder = { ...order, id: { value: "WO-77", scheme: "mes" }, crossReferences: [{ value: "1000123", scheme: "sap-s4hana" }] };
    const result = productionOrderMapper.encode(mes, CONTEXT);
    expect(result.ok && result.value.ManufacturingOrder).toBe("1000123");
    const noSap = productionOrderMapper.encode({ ...mes, crossReferences: [] }, CONTEXT);
    expect(noSap.ok).toBe(false);
    if (!noSap.ok) expect(noSap.issues[0]).toMatchObject({ path: "/id", code: "identifier.scheme" });
  });

  it("refuses what SAP cannot hold, with paths into the canonical object", () => {
    const tooLong: ProductionOrder = { ...order, id: { value: "1234567890123", scheme: "sap-s4hana" }, state: { value: "Suspended" } };
    const result = productionOrderMapper.encode(tooLong, CONTEXT);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.path} ${i.code}`).sort()).toEqual(["/id value.too-big", "/state/value code.unmapped"]);
  });

  it("refuses a confirmed yield in another unit than the planned quantity", () => {
    const result = productionOrderMapper.encode({ ...order, confirmedYield: { value: "1", unit: "H87" } }, CONTEXT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toBe("/confirmedYield/unit");
  });

  it("writes a piece as PC, PCE and ST, and refuses a Rec 20 unit that SAP would read as another", () => {
    const pieces = productionOrderMapper.encode({ ...order, plannedQuantity: { value: "5", unit: "H87" }, confirmedYield: undefined, extensions: undefined }, CONTEXT);
    expect(pieces.ok).toBe(true);
    if (pieces.ok) expect([pieces.value.ProductionUnit, pieces.value.ProductionUnitISOCode, pieces.value.ProductionUnitSAPCode]).toEqual(["PC", "PCE", "ST"]);
    const sheet = productionOrderMapper.encode({ ...order, plannedQuantity: { value: "5", unit: "ST" }, confirmedYield: undefined, extensions: undefined }, CONTEXT);
    expect(sheet.ok).toBe(false);
  });
});

describe("sap:production-order round trips that once failed", () => {
  // These 17 of the seeds 1..1000 failed on mapping core 1: FC_SEED=5 drew an instant in the fall-back hour, which SAP's local date + time cannot tell from the
  // other occurrence; the declared loss now says what decode really reads. `scripts/sweep-seeds.ts` runs 1..1000.
  for (const seed of [5, 51, 52, 89, 96, 148, 195, 203, 335, 382, 437, 446, 582, 696, 783, 853, 902]) {
    it(`keeps every field SAP can hold for seed ${seed}`, () => {
      const check = conformanceChecks({
        mapper: productionOrderMapper, fixtures: [], arbitrary: arbitraryProductionOrder({ scheme: SCHEME, units: SAP_TEST_UNITS }), fit: fitOrder, context: CONTEXT, numRuns: 150, seed,
      }).find((c) => c.name.startsWith("canonical → vendor → canonical"));
      expect(check?.run().problems).toEqual([]);
    });
  }

  it("reads an instant of the repeated hour back as the first occurrence, and warns when writing it", () => {
    const base = productionOrderMapper.decode(RELEASED, CONTEXT);
    if (!base.ok) throw new Error("decode");
    const { extensions: _e, ...order } = base.value;
    const second = "2026-10-25T02:30:00+01:00"; // the second 02:30 in Berlin
    const encoded = productionOrderMapper.encode({ ...order, plannedStart: second }, CONTEXT);
    if (!encoded.ok) throw new Error(JSON.stringify(encoded.issues));
    expect(encoded.warnings.map((w) => w.code)).toContain("time.ambiguous");
    const back = productionOrderMapper.decode(encoded.value, CONTEXT);
    expect(back.ok && back.value.plannedStart).toBe("2026-10-25T02:30:00+02:00");
    expect(lossNormalizers.localDateTime(second, "Europe/Berlin")).toBe("2026-10-25T02:30:00+02:00");
  });
});
