import { productionOrderMapper } from "@mfgsync/mappers-sap";
import { describe, expect, it } from "vitest";
import { entitiesOf, fixture } from "./helpers/fixtures.js";

const ORDER = entitiesOf(fixture("production-order/order-1000000-teco.json"))[0] as Record<string, unknown>;
const CONTEXT = { plantTimeZones: { "1710": "America/New_York" } };

function issuesOf(input: unknown) {
  const result = productionOrderMapper.decode(input, CONTEXT);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues.map((i) => ({ path: i.path, code: i.code }));
}

function withOperation(change: Record<string, unknown>): Record<string, unknown> {
  const ops = (ORDER["to_ProductionOrderOperation"] as { results: Record<string, unknown>[] }).results;
  return { ...ORDER, to_ProductionOrderOperation: { results: [{ ...ops[0], ...change }, ops[1]] } };
}

describe("bad SAP input gives issues with JSON Pointer paths, never a crash", () => {
  it("an unknown unit", () => {
    expect(issuesOf({ ...ORDER, ProductionUnitISOCode: "", ProductionUnitSAPCode: "", ProductionUnit: "QQ" })).toEqual([{ path: "/ProductionUnit", code: "unit.unknown" }]);
  });

  it("an unknown unit in an expanded operation points into the navigation", () => {
    expect(issuesOf(withOperation({ OperationUnit: "QQ", OperationUnitISOCode: "", OperationUnitSAPCode: "" }))).toEqual([
      { path: "/to_ProductionOrderOperation/results/0/OperationUnit", code: "unit.unknown" },
    ]);
  });

  it("/Date(abc)/", () => {
    expect(issuesOf({ ...ORDER, MfgOrderScheduledStartDate: "/Date(abc)/" })).toEqual([{ path: "/MfgOrderScheduledStartDate", code: "format.invalid" }]);
  });

  it("a date that is not at UTC midnight", () => {
    expect(issuesOf({ ...ORDER, MfgOrderScheduledStartDate: "/Date(1496707200123)/" })).toEqual([{ path: "/MfgOrderScheduledStartDate", code: "date.not-midnight" }]);
  });

  it("a malformed time", () => {
    expect(issuesOf({ ...ORDER, MfgOrderScheduledStartTime: "07:00" })).toEqual([{ path: "/MfgOrderScheduledStartTime", code: "format.invalid" }]);
  });

  it("12,5 as a decimal", () => {
    expect(issuesOf({ ...ORDER, TotalQuantity: "12,5" })).toEqual([{ path: "/TotalQuantity", code: "decimal.format" }]);
  });

  it("a decimal as a JSON number and a negative quantity", () => {
    expect(issuesOf({ ...ORDER, TotalQuantity: 12.5 })).toEqual([{ path: "/TotalQuantity", code: "type.invalid" }]);
    expect(issuesOf({ ...ORDER, TotalQuantity: "-5" })).toEqual([{ path: "/TotalQuantity", code: "value.too-small" }]);
  });

  it("more decimal places than the SAP field has", () => {
    expect(issuesOf({ ...ORDER, TotalQuantity: "1.2345" })).toEqual([{ path: "/TotalQuantity", code: "decimal.scale" }]);
  });

  it("over-long strings, in mapped and in carried properties", () => {
    expect(issuesOf({ ...ORDER, ManufacturingOrder: "1234567890123" })).toEqual([{ path: "/ManufacturingOrder", code: "value.too-big" }]);
    expect(issuesOf({ ...ORDER, MRPController: "ABCD" })).toEqual([{ path: "/MRPController", code: "value.too-big" }]);
  });

  it("a missing or empty key", () => {
    const { ManufacturingOrder: _key, ...noKey } = ORDER;
    expect(issuesOf(noKey)).toEqual([{ path: "/ManufacturingOrder", code: "field.required" }]);
    expect(issuesOf({ ...ORDER, ManufacturingOrder: "" })).toEqual([{ path: "/ManufacturingOrder", code: "field.required" }]);
  });

  it("a missing required canonical value", () => {
    expect(issuesOf({ ...ORDER, Material: "" })).toEqual([{ path: "/Material", code: "field.required" }]);
  });

  it("__proto__, constructor and prototype keys", () => {
    const hostile = JSON.parse(`{"ManufacturingOrder":"1","__proto__":{"polluted":true},"constructor":1}`) as Record<string, unknown>;
    const issues = issuesOf({ ...ORDER, ...hostile });
    expect(issues).toContainEqual({ path: "/__proto__", code: "field.unknown" });
    expect(issues).toContainEqual({ path: "/constructor", code: "field.unknown" });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    const nested = JSON.parse(`{"UnknownNav":{"results":[{"__proto__":{"x":1}}]}}`) as Record<string, unknown>;
    expect(issuesOf({ ...ORDER, ...nested })).toEqual([{ path: "/UnknownNav/results/0/__proto__", code: "field.unknown" }]);
  });

  it("an invalid status flag and a wrongly typed status set", () => {
    expect(issuesOf({ ...ORDER, OrderIsReleased: "Y" })).toEqual([{ path: "/OrderIsReleased", code: "value.invalid" }]);
    expect(issuesOf({ ...ORDER, to_ProductionOrderStatus: "REL" })).toEqual([{ path: "/to_ProductionOrderStatus", code: "type.invalid" }]);
  });

  it("a non-object entity, a non-array navigation and deeply nested junk", () => {
    expect(issuesOf(null)).toEqual([{ path: "", code: "type.invalid" }]);
    expect(issuesOf([ORDER])).toEqual([{ path: "", code: "type.invalid" }]);
    expect(issuesOf({ ...ORDER, to_ProductionOrderOperation: { results: "x" } })).toEqual([{ path: "/to_ProductionOrderOperation", code: "type.invalid" }]);
    let deep: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(issuesOf({ ...ORDER, Junk: deep })[0]).toMatchObject({ code: "input.too-deep" });
  });

  it("reports several problems at once", () => {
    expect(issuesOf({ ...ORDER, TotalQuantity: "12,5", MfgOrderPlannedStartDate: "/Date(abc)/", ManufacturingOrderType: "TOOLONG" }).map((i) => i.path).sort()).toEqual([
      "/ManufacturingOrderType", "/MfgOrderPlannedStartDate", "/TotalQuantity",
    ]);
  });

  it("an invalid context is an issue, not an exception", () => {
    const result = productionOrderMapper.decode(ORDER, { plantTimeZones: { "1710": "Mars/Olympus" } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.code).toBe("time-zone.invalid");
  });

  it("decodeWire: text that is not JSON, an OData error and paths into the envelope", () => {
    const notJson = productionOrderMapper.decodeWire("{ d: ");
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.issues[0]?.code).toBe("json.invalid");
    const error = productionOrderMapper.decodeWire({ error: { code: "SY/530", message: { lang: "en", value: "Order does not exist" } } });
    expect(error.ok).toBe(false);
    if (!error.ok) expect(error.issues[0]?.message).toContain("Order does not exist");
    const wire = productionOrderMapper.decodeWire({ d: { results: [ORDER, { ...ORDER, TotalQuantity: "12,5" }] } }, CONTEXT);
    expect(wire.ok).toBe(true);
    if (!wire.ok) return;
    expect(wire.results[0]?.ok).toBe(true);
    const second = wire.results[1];
    expect(second && !second.ok && second.issues[0]?.path).toBe("/d/results/1/TotalQuantity");
  });

  it("encode of something that is not a canonical order", () => {
    for (const input of [null, 42, "order", [], { kind: "production-order" }, JSON.parse('{"__proto__":{"x":1}}')]) {
      const result = productionOrderMapper.encode(input, CONTEXT);
      expect(result.ok).toBe(false);
    }
  });
});
