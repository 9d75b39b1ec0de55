import type { ProductionOrder } from "@mfgsync/canonical";
import { safeParseProductionOrder } from "@mfgsync/canonical";
import { arbitraryProductionOrder } from "@mfgsync/canonical/testing";
import { ORACLE_VENDOR, workOrderMapper } from "@mfgsync/mappers-oracle";
import { stringifyWireJson } from "@mfgsync/mapping";
import { describeConformance } from "@mfgsync/mapping/testing";
import { describe, expect, it } from "vitest";
import { fixtureEntities, fixtureText } from "./helpers/fixtures.js";
import { ORACLE_TEST_UNITS, SCHEME, fitWorkOrder } from "./helpers/fit.js";

const RELEASED = fixtureEntities("work-order/work-orders-released-v3-collection.json")[0] as Record<string, unknown>;
const COMPLETED = fixtureEntities("work-order/work-order-completed-v2-bare-arrays.json")[0] as Record<string, unknown>;
const PLAIN = fixtureEntities("work-order/work-orders-plain-array.json");

describeConformance("oracle:production-order", {
  mapper: workOrderMapper,
  fixtures: [
    { name: "released order with a tenant user status, framework v3 collection children, local offsets, nulls", vendor: RELEASED },
    { name: "completed order, framework v2 bare-array children, unit by name, order-level views and lots", vendor: COMPLETED },
    ...PLAIN.map((vendor, i) => ({ name: `order ${i + 1} of a plain array (no children)`, vendor })),
  ],
  arbitrary: arbitraryProductionOrder({ scheme: SCHEME, units: ORACLE_TEST_UNITS }),
  fit: fitWorkOrder,
  numRuns: 150,
});

/** A JSON payload has no undefined properties: patches with undefined remove the attribute. */
function json(vendor: unknown): unknown {
  return Object.fromEntries(Object.entries(vendor as Record<string, unknown>).filter(([, v]) => v !== undefined));
}

function decoded(vendor: unknown, context?: Parameters<typeof workOrderMapper.decode>[1]): ProductionOrder {
  const r = workOrderMapper.decode(json(vendor) as never, context);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("oracle:production-order decode", () => {
  it("maps the released order: scoped user key, exact surrogate ids, exact quantity, instants, the system status", () => {
    const order = decoded(RELEASED);
    expect(safeParseProductionOrder(order).ok).toBe(true);
    expect(order.id).toEqual({ value: "MX-WO-4711", scheme: "oracle-fusion", scope: { type: "organization", value: "MX1" } });
    expect(order.crossReferences).toEqual([{ value: "300100211458761", scheme: "oracle-fusion.work-order-id" }]);
    expect(order.material.id.crossReferences).toEqual([{ value: "300100187700412", scheme: "oracle-fusion.inventory-item-id" }]);
    expect(order.plant).toBe("MX1");
    expect(order.plannedQuantity).toEqual({ value: "480.50", unit: "H87" });
    expect(order.confirmedYield).toEqual({ value: "0", unit: "H87" });
    expect(Date.parse(order.plannedStart ?? "")).toBe(Date.parse("2026-12-04T01:30:00Z"));
    expect(order.state).toEqual({ value: "Released", originalCode: "MX_REL_KITTED", originalList: "oracle:WorkOrderStatusCode" });
    expect(order.operations.map((o) => [o.sequence, o.description, o.workCenter, o.state.value])).toEqual([["10", "Machining", "MX-CNC", "Released"], ["20", "Inspect", "MX-QC", "Released"]]);
    expect(order.components).toHaveLength(1);
    expect(order.components[0]).toMatchObject({ item: "10", issuingOperation: "10", requiredQuantity: { value: "1201.250", unit: "KGM" }, withdrawnQuantity: { value: "0", unit: "KGM" }, storageLocation: "RM01", materialUse: { value: "Consumed" } });
    expect(order.extensions?.["oracle"]?.["WorkOrderType"]).toBe("STANDARD");
  });

  it("reads the unit from its name, the component quantity from ExtendedQuantity when Quantity is null, and completed states", () => {
    const order = decoded(COMPLETED);
    expect(order.plannedQuantity).toEqual({ value: "12", unit: "KGM" });
    expect(order.confirmedYield).toEqual({ value: "11.5", unit: "KGM" });
    expect(order.confirmedScrap).toEqual({ value: "0.5", unit: "KGM" });
    expect(order.state.value).toBe("Completed");
    expect(order.components.map((c) => [c.material.id.value, c.requiredQuantity.value])).toEqual([["BODY-3/8", "12"], ["SEAL-9", "24"]]);
    expect(Array.isArray(order.extensions?.["oracle"]?.["WorkOrderLotNumber"])).toBe(true);
  });

  it("maps every seeded system status, and unknown ones to Other with the user status kept", () => {
    expect(PLAIN.map((o) => decoded(o).state.value)).toEqual(["Held", "Forecast", "Cancelled"]);
    const custom = decoded({ ...PLAIN[0], WorkOrderSystemStatusCode: "ORA_NEW_THING", WorkOrderStatusCode: "X1" });
    expect(custom.state).toEqual({ value: "Other", originalCode: "X1", originalList: "oracle:WorkOrderStatusCode" });
  });

  it("takes the state from a user status through the context's code table when no system status is sent", () => {
    const body = { ...PLAIN[0], WorkOrderSystemStatusCode: undefined, WorkOrderStatusCode: "MX_REL_KITTED" };
    expect(decoded(body).state.value).toBe("Other");
    expect(decoded(body, { codeTables: { "oracle:WorkOrderStatusCode": { MX_REL_KITTED: "Released" } } }).state.value).toBe("Released");
    expect(decoded({ ...body, WorkOrderStatusCode: "ORA_RELEASED" }).state.value).toBe("Released");
    const wrong = workOrderMapper.decode(json(body) as never, { codeTables: { "oracle:WorkOrderStatusCode": { MX_REL_KITTED: "Kitted" } } });
    expect(!wrong.ok && wrong.issues[0]?.path).toBe("/WorkOrderStatusCode");
  });
});

describe("oracle:production-order encode", () => {
  it("writes the collection child shape that was read (items objects) and bare arrays where they were read", () => {
    const v3 = workOrderMapper.encode(decoded(RELEASED));
    expect(v3.ok).toBe(true);
    const ops = (v3.ok ? v3.value : {}) as Record<string, unknown>;
    expect(ops["WorkOrderOperation"]).toMatchObject({ count: 2, hasMore: false, limit: 25, offset: 0 });
    expect(Array.isArray((ops["WorkOrderOperation"] as { items?: unknown }).items)).toBe(true);
    const v2 = workOrderMapper.encode(decoded(COMPLETED));
    expect(v2.ok && Array.isArray((v2.value as Record<string, unknown>)["WorkOrderOperation"])).toBe(true);
  });

  it("writes exact numbers and the nulls it read, and UTC +00:00 for a changed instant", () => {
    const order = decoded(RELEASED);
    const wire = workOrderMapper.encodeWire(order);
    expect(wire.ok && wire.value).toContain('"PlannedStartQuantity":480.50');
    expect(wire.ok && wire.value).toContain('"WorkOrderId":300100211458761');
    expect(wire.ok && wire.value).toContain('"ScrappedQuantity":null');
    expect(wire.ok && wire.value).toContain('"PlannedStartDate":"2026-12-03T19:30:00-06:00"');
    const moved = workOrderMapper.encode({ ...order, plannedStart: "2026-12-04T02:30:00-06:00" });
    expect(moved.ok ? [] : moved.issues).toEqual([]);
    expect(moved.ok && (moved.value as Record<string, unknown>)["PlannedStartDate"]).toBe("2026-12-04T08:30:00+00:00");
  });

  it("writes a fresh order's state as a seeded user status, or the tenant's code from the code table", () => {
    const { extensions: _e, ...fresh } = decoded(PLAIN[1]);
    const seeded = workOrderMapper.encode({ ...fresh, state: { value: "Released" } });
    expect(seeded.ok && seeded.value).toMatchObject({ WorkOrderStatusCode: "ORA_RELEASED" });
    expect(seeded.ok && "WorkOrderSystemStatusCode" in seeded.value).toBe(false);
    const tenant = workOrderMapper.encode({ ...fresh, state: { value: "Released" } }, { codeTables: { "oracle:WorkOrderStatusCode": { MX_REL_KITTED: "Released" } } });
    expect(tenant.ok && tenant.value).toMatchObject({ WorkOrderStatusCode: "MX_REL_KITTED" });
    const other = workOrderMapper.encode({ ...fresh, state: { value: "Other" } });
    expect(other.ok).toBe(false);
  });

  it("leaves the canonical object it encodes unchanged (kept vendor values are copied, not written into)", () => {
    const order = decoded(RELEASED);
    const before = structuredClone(order);
    expect(workOrderMapper.encodeWire(order).ok).toBe(true);
    expect(order).toEqual(before);
    expect(safeParseProductionOrder({ ...order }).ok).toBe(true);
  });

  it("refuses a component whose issuing operation the order lacks", () => {
    const order = decoded(RELEASED);
    const r = workOrderMapper.encode({ ...order, components: [{ ...order.components[0]!, issuingOperation: "99" }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path).toBe("/components/0");
  });
});

describe("oracle:production-order bad input", () => {
  const bad = (patch: Record<string, unknown>) => {
    const r = workOrderMapper.decode(json({ ...PLAIN[0], ...patch }) as never);
    return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.message}`);
  };
  it("refuses a quantity sent as a string, naming the attribute", () => {
    expect(bad({ PlannedStartQuantity: "480,5" }).join("\n")).toMatch(/^\/PlannedStartQuantity .*/);
  });
  it("refuses flags that are not JSON booleans", () => {
    expect(bad({ FirmPlannedFlag: "Y" })[0]).toMatch(/^\/FirmPlannedFlag/);
    expect(bad({ FirmPlannedFlag: "true" })[0]).toMatch(/^\/FirmPlannedFlag/);
  });
  it("refuses dates that are not ISO date-times, and over-long codes", () => {
    expect(bad({ PlannedStartDate: "03.12.2026" })[0]).toMatch(/^\/PlannedStartDate/);
    expect(bad({ UOMCode: "EACH" })[0]).toMatch(/^\/UOMCode/);
    expect(bad({ CanceledReason: "x".repeat(241) })[0]).toMatch(/^\/CanceledReason/);
  });
  it("refuses a missing organisation, a fractional sequence number and a child that is not a collection", () => {
    expect(bad({ OrganizationCode: undefined })[0]).toMatch(/^\/OrganizationCode/);
    expect(bad({ WorkOrderOperation: [{ OperationSequenceNumber: 10.5 }] })[0]).toMatch(/^\/WorkOrderOperation\/0\/OperationSequenceNumber/);
    expect(bad({ WorkOrderOperation: { rows: [] } })[0]).toMatch(/^\/WorkOrderOperation/);
  });
  it("refuses an over-long code on encode too, naming the attribute", () => {
    const order = decoded(PLAIN[0]);
    const r = workOrderMapper.encode({ ...order, plannedQuantity: { value: "1", unit: "KGM" } }, { unitsOut: { KGM: "KILO" } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message).toContain("UOMCode");
  });
});

describe("ORACLE_VENDOR", () => {
  it("registers the work order mapper for production orders and reads whole payloads", () => {
    expect(ORACLE_VENDOR.name).toBe("oracle");
    const mapper = ORACLE_VENDOR.mappers["production-order"];
    expect(mapper?.entitySet).toBe("workOrders");
    const wire = mapper?.decodeWire(fixtureText("work-order/work-orders-plain-array.json"));
    expect(wire?.ok && wire.results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(stringifyWireJson({ n: 1 })).toBe('{"n":1}');
  });
});
