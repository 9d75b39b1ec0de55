import type { ProductionOrder } from "@mfgsync/canonical";
import { safeParseProductionOrder } from "@mfgsync/canonical";
import { arbitraryProductionOrder } from "@mfgsync/canonical/testing";
import {
  ORACLE_DECLARATIONS, ORACLE_VENDOR, isProcessProductionOrder, isProcessWorkOrderRecord, oracleProductionOrderMapper, processWorkOrderMapper, workOrderMapper,
} from "@mfgsync/mappers-oracle";
import { describeConformance } from "@mfgsync/mapping/testing";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixtureEntities, fixtureText } from "./helpers/fixtures.js";
import { ORACLE_TEST_UNITS, SCHEME, fitProcessWorkOrder, fitWorkOrder } from "./helpers/fit.js";

const RESIN_FILE = "production-order/process-work-order-resin-v3-collection.json";
const PLAIN_FILE = "production-order/process-work-orders-v2-bare-arrays.json";
const RESIN = fixtureEntities(RESIN_FILE)[0] as Record<string, unknown>;
const [SYRUP, HELD] = fixtureEntities(PLAIN_FILE) as [Record<string, unknown>, Record<string, unknown>];

describeConformance("oracle:process-production-order", {
  mapper: processWorkOrderMapper,
  fixtures: [
    { name: "released batch: framework v3 collection children, materials, primary product, co-product and by-product outputs, a read-only view, local offsets, nulls", vendor: RESIN },
    { name: "completed batch: v2 bare arrays, planned start quantity beside the primary product quantity, an output without a type", vendor: SYRUP },
    { name: "held batch without operations", vendor: HELD },
  ],
  arbitrary: arbitraryProductionOrder({ scheme: SCHEME, units: ORACLE_TEST_UNITS }),
  fit: fitProcessWorkOrder,
  numRuns: 150,
});

/** A JSON payload has no undefined properties: patches with undefined remove the attribute. */
function json(vendor: unknown): unknown {
  return Object.fromEntries(Object.entries(vendor as Record<string, unknown>).filter(([, v]) => v !== undefined));
}

function decoded(vendor: unknown, mapper = processWorkOrderMapper): ProductionOrder {
  const r = mapper.decode(json(vendor) as never);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const uses = (order: ProductionOrder) => order.components.map((c) => [c.issuingOperation, c.item, c.material.id.value, c.materialUse.value, c.requiredQuantity.value, c.requiredQuantity.unit]);

describe("oracle:process-production-order decode", () => {
  it("maps the batch header: scoped key, process work order id, primary product with its item id, primary quantity and unit, status", () => {
    const order = decoded(RESIN);
    expect(safeParseProductionOrder(order).ok).toBe(true);
    expect(order.id).toEqual({ value: "PR-B-2026-0042", scheme: "oracle-fusion", scope: { type: "organization", value: "PR1" } });
    expect(order.crossReferences).toEqual([{ value: "300100223344556", scheme: "oracle-fusion.process-work-order-id" }]);
    expect(order.material.id.value).toBe("RESIN-A");
    expect(order.material.id.crossReferences).toEqual([{ value: "300100187799001", scheme: "oracle-fusion.inventory-item-id" }]);
    expect(order.plant).toBe("PR1");
    expect(order.plannedQuantity).toEqual({ value: "1250.500", unit: "KGM" });
    expect(order.confirmedYield).toEqual({ value: "0", unit: "KGM" });
    expect(Date.parse(order.plannedStart ?? "")).toBe(Date.parse("2026-12-07T12:00:00Z"));
    expect(order.state).toEqual({ value: "Released", originalCode: "ORA_RELEASED", originalList: "oracle:WorkOrderStatusCode" });
    expect(order.operations.map((o) => [o.sequence, o.description, o.workCenter, o.state.value])).toEqual([["10", "Mix", "PR-MIX-3", "Released"], ["20", "Cure and split", "PR-CURE-1", "Released"]]);
    expect(order.extensions?.["oracle"]?.["BatchQuantity"]).toBe(1300);
    expect(order.extensions?.["oracle"]?.["ProcessName"]).toBe("RESIN-A-MIX");
    expect(order.extensions?.["mfgsync"]?.["oracle.resource"]).toBe("processWorkOrders");
  });

  it("turns materials into consumed components and outputs into the primary product, a co-product and a by-product", () => {
    expect(uses(decoded(RESIN))).toEqual([
      ["10", "10", "RESIN-BASE", "Consumed", "1000", "KGM"],
      ["10", "20", "HARDENER-7", "Consumed", "260.50", "KGM"],
      ["20", "10", "CATALYST-2", "Consumed", "2.5", "KGM"],
      ["20", "10", "RESIN-A", "Produced", "1250.500", "KGM"],
      ["20", "20", "RESIN-A-FINES", "Co-product Produced", "40", "KGM"],
      ["20", "30", "SOLVENT-REC", "By-product Produced", "12.250", "LTR"],
    ]);
  });

  it("takes the planned start quantity when it is sent, the primary product by item number without ids, and an untyped output as a co-product", () => {
    const order = decoded(SYRUP);
    expect(order.plannedQuantity).toEqual({ value: "800", unit: "LTR" });
    expect(order.confirmedScrap).toEqual({ value: "2.25", unit: "LTR" });
    expect(order.crossReferences).toBeUndefined();
    expect(uses(order).slice(2).map((u) => u[3])).toEqual(["Produced", "Co-product Produced"]);
    const byNumber = decoded({ ...SYRUP, PrimaryProductId: undefined });
    expect(byNumber.components.find((c) => c.material.id.value === "SYRUP-12")?.materialUse.value).toBe("Produced");
    const otherItem = decoded({ ...SYRUP, ItemNumber: "SYRUP-13", PrimaryProductId: undefined });
    expect(otherItem.components.find((c) => c.material.id.value === "SYRUP-12")?.materialUse.value).toBe("Co-product Produced");
  });

  it("takes the primary product quantity when the planned start quantity is absent or null", () => {
    expect(decoded(HELD).plannedQuantity).toEqual({ value: "500", unit: "KGM" });
    expect(decoded({ ...SYRUP, PlannedStartQuantity: null }).plannedQuantity).toEqual({ value: "790.25", unit: "LTR" });
    expect(decoded(HELD).state.value).toBe("Held");
  });
});

describe("oracle:process-production-order encode", () => {
  it("writes each fixture back exactly, child shapes and nulls as read", () => {
    for (const vendor of [RESIN, SYRUP, HELD]) {
      const back = processWorkOrderMapper.encode(decoded(vendor));
      expect(back.ok ? back.value : back.issues).toEqual(processWorkOrderMapper.profile.stripTransport(vendor));
    }
  });

  it("writes exact numbers, and a fresh order's quantity as the primary product quantity", () => {
    const order = decoded(RESIN);
    const wire = processWorkOrderMapper.encodeWire(order);
    expect(wire.ok && wire.value).toContain('"PrimaryProductQuantity":1250.500');
    expect(wire.ok && wire.value).toContain('"WorkOrderId":300100223344556');
    const { extensions: _e, ...fresh } = decoded(HELD);
    const written = processWorkOrderMapper.encodeWire({ ...fresh, plannedQuantity: { value: "12.5", unit: "LTR" } });
    expect(written.ok && written.value).toContain('"PrimaryProductQuantity":12.5,"PrimaryProductUOMCode":"L"');
    expect(written.ok && written.value).not.toContain("PlannedStartQuantity");
  });

  it("writes a changed use as the output type: a co-product made a by-product, and back", () => {
    const order = decoded(RESIN);
    const fines = order.components.findIndex((c) => c.material.id.value === "RESIN-A-FINES");
    const components = order.components.map((c, i) => (i === fines ? { ...c, materialUse: { value: "By-product Produced" as const } } : c));
    const r = processWorkOrderMapper.encode({ ...order, components });
    expect(r.ok).toBe(true);
    const outputs = ((r.ok ? r.value : {}) as { Operation: { items: { Output: { items: { ItemNumber: string; OutputType: string }[] } }[] } }).Operation.items[1]?.Output.items;
    expect(outputs?.map((o) => [o.ItemNumber, o.OutputType])).toEqual([["RESIN-A", "PRODUCT"], ["RESIN-A-FINES", "BY_PRODUCT"], ["SOLVENT-REC", "BY_PRODUCT"]]);
    expect(uses(decoded(r.ok ? r.value : {}))[4]?.[3]).toBe("By-product Produced");
  });

  it("refuses a component whose issuing operation the order lacks, pointing at it", () => {
    const order = decoded(RESIN);
    const r = processWorkOrderMapper.encode({ ...order, components: order.components.map((c, i) => (i === 4 ? { ...c, issuingOperation: "99" } : c)) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toContain("/components/4");
  });
});

describe("oracle:process-production-order bad input", () => {
  const bad = (patch: Record<string, unknown>) => {
    const r = processWorkOrderMapper.decode(json({ ...SYRUP, ...patch }) as never);
    return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.message}`);
  };
  it("refuses quantities sent as strings and a missing unit, naming the attribute", () => {
    expect(bad({ PrimaryProductQuantity: "790,25", PlannedStartQuantity: undefined })[0]).toMatch(/^\/PrimaryProductQuantity /);
    expect(bad({ PrimaryProductUOMCode: null })[0]).toMatch(/^\/PrimaryProductUOMCode /);
    expect(bad({ BatchQuantity: "800" })[0]).toMatch(/^\/BatchQuantity /);
  });
  it("refuses a bad output type, output quantity and sequence number with paths into the operation's rows", () => {
    const op = (SYRUP["Operation"] as Record<string, unknown>[])[0] as Record<string, unknown>;
    const outputs = op["Output"] as Record<string, unknown>[];
    const withOutput = (o: Record<string, unknown>) => ({ Operation: [{ ...op, Output: [{ ...outputs[0], ...o }] }] });
    expect(bad(withOutput({ OutputType: 7 }))[0]).toMatch(/^\/Operation\/0\/Output\/0\/OutputType /);
    expect(bad(withOutput({ OutputQuantity: "many" }))[0]).toMatch(/^\/Operation\/0\/Output\/0\/OutputQuantity /);
    expect(bad(withOutput({ OutputSequenceNumber: 1.5 }))[0]).toMatch(/^\/Operation\/0\/Output\/0\/OutputSequenceNumber /);
    expect(bad({ Operation: [{ ...op, Material: { rows: [] } }] })[0]).toMatch(/^\/Operation\/0\/Material/);
    expect(bad({ Operation: [{ ...op, WorkCenterCode: "W".repeat(65) }] })[0]).toMatch(/^\/Operation\/0\/WorkCenterCode /);
    expect(bad({ Operation: [{ ...op, OperationName: "N".repeat(1001) }] })[0]).toMatch(/^\/Operation\/0\/OperationName /);
  });
  it("refuses a kept number beyond the range of a double, in the header and in an output row", () => {
    const text = fixtureText(RESIN_FILE);
    for (const [from, to, path] of [['"BatchQuantity": 1300', '"BatchQuantity": 1e400', "/items/0/BatchQuantity"], ['"CostAllocationPercentage": 10 }', '"CostAllocationPercentage": 1e400 }', "/items/0/Operation/items/1/Output/items/1/CostAllocationPercentage"]] as const) {
      expect(text).toContain(from);
      const wire = oracleProductionOrderMapper.decodeWire(text.replace(from, to), undefined, { validate: false });
      const result = wire.ok ? wire.results[0] : undefined;
      expect(result?.ok === false && result.issues.map((i) => `${i.path} ${i.code}`)).toEqual([`${path} value.too-big`]);
    }
  });
  it("refuses a repeated output sequence in one operation", () => {
    const op = (SYRUP["Operation"] as Record<string, unknown>[])[0] as Record<string, unknown>;
    const outputs = op["Output"] as Record<string, unknown>[];
    expect(bad({ Operation: [{ ...op, Output: [outputs[0], { ...outputs[1], OutputSequenceNumber: 10 }] }] })[0]).toMatch(/^\/Operation\/0\/Output\/1 /);
  });
});

describe("the Oracle production-order mapper (discrete and process work orders)", () => {
  const discrete = fixtureEntities("work-order/work-orders-released-v3-collection.json")[0] as Record<string, unknown>;

  it("is the one ORACLE_VENDOR registers, and the process declaration is documented beside the discrete one", () => {
    expect(ORACLE_VENDOR.mappers["production-order"]).toBe(oracleProductionOrderMapper);
    expect(ORACLE_DECLARATIONS.map((d) => d.root.entity)).toContain("processWorkOrders");
  });

  it("recognises a process work order by its self link or a process-only attribute", () => {
    expect(isProcessWorkOrderRecord(RESIN)).toBe(true);
    expect(isProcessWorkOrderRecord({ WorkOrderNumber: "X", links: [{ rel: "self", href: "https://h/fscmRestApi/resources/latest/processWorkOrders/00020000ABC" }] })).toBe(true);
    expect(isProcessWorkOrderRecord(HELD)).toBe(true);
    expect(isProcessWorkOrderRecord(discrete)).toBe(false);
    expect(isProcessWorkOrderRecord([RESIN])).toBe(false);
  });

  it("reads a payload of either kind and writes each order back as the kind it was read from", () => {
    for (const file of [RESIN_FILE, PLAIN_FILE, "work-order/work-orders-released-v3-collection.json", "work-order/work-orders-plain-array.json"]) {
      const wire = oracleProductionOrderMapper.decodeWire(fixtureText(file));
      expect(wire.ok).toBe(true);
      const entities = fixtureEntities(file);
      (wire.ok ? wire.results : []).forEach((r, i) => {
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(isProcessProductionOrder(r.value)).toBe(file.startsWith("production-order/"));
        const back = oracleProductionOrderMapper.encode(r.value);
        expect(back.ok ? back.value : back.issues).toEqual(oracleProductionOrderMapper.profile.stripTransport(entities[i]));
      });
    }
  });

  it("refuses a payload of another resource, and writes an order of another vendor as a discrete work order", () => {
    const lot = oracleProductionOrderMapper.decodeWire({ ...RESIN, links: [{ rel: "self", href: "https://h/fscmRestApi/resources/latest/inventoryItemLots/ABC" }] });
    expect(lot.ok && !lot.results[0]?.ok && lot.results[0]?.issues[0]?.code).toBe("entity.mismatch");
    const { extensions: _e, crossReferences: _x, ...foreign } = decoded(RESIN);
    const r = oracleProductionOrderMapper.encodeWire({ ...foreign, components: foreign.components.filter((c) => c.materialUse.value === "Consumed") });
    expect(r.ok ? r.value : r.issues).toContain('"PlannedStartQuantity":1250.500,"UOMCode":"Kg"');
    expect(r.ok && r.value).toContain('"WorkOrderOperation":[');
  });

  it("keeps the kind of a fitted order through encode and decode by the registered mapper (property)", () => {
    const arbitrary = arbitraryProductionOrder({ scheme: SCHEME, units: ORACLE_TEST_UNITS });
    let encoded = 0;
    fc.assert(fc.property(arbitrary, fc.boolean(), (order, process) => {
      const fitted = process ? fitProcessWorkOrder(order) : fitWorkOrder(order);
      const written = oracleProductionOrderMapper.encode(fitted);
      expect(written.ok || written.issues.every((i) => i.path.startsWith("/"))).toBe(true);
      if (!written.ok) return true;
      encoded++;
      expect(isProcessWorkOrderRecord(written.value)).toBe(process);
      const again = oracleProductionOrderMapper.decode(written.value);
      expect(again.ok).toBe(true);
      if (again.ok) expect(isProcessProductionOrder(again.value)).toBe(process);
      return true;
    }), { numRuns: 100 });
    expect(encoded).toBeGreaterThan(50);
    expect(workOrderMapper.entitySet).toBe(oracleProductionOrderMapper.entitySet);
  });
});
