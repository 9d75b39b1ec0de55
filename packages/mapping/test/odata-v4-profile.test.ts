import { safeParseProductionOrder } from "@mfgsync/canonical";
import { MAPPING_CODES, odataV4EnumLiteral, odataV4Literal, odataV4Profile, parseWireJson } from "@mfgsync/mapping";
import { checkVendorRoundTrip, conformanceChecks } from "@mfgsync/mapping/conformance";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ODATA_ROUTE, odataMapper } from "./support/acme.js";

const ROW = {
  "@odata.etag": 'W/"JzEsNTYzNzE0NDU3NzsxJw=="', dataAreaId: "usmf", OrderNumber: "P000123", ItemNumber: "FG-1", ScheduledQuantity: 10, Status: "Released", IsLocked: "No",
  ScheduledStartDate: "2026-03-02T00:00:00Z", ScheduledStartTime: 23400, DeliveryDate: "1900-01-01T00:00:00Z", SiteId: "1",
  Lines: [
    { "@odata.etag": 'W/"1"', dataAreaId: "USMF", OrderNumber: "P000123", LineNumber: 1, ItemNumber: "RM-1", LineQuantity: 2.5, UnitSymbol: "kg", IsBackflushed: "Yes" },
    { "@odata.etag": 'W/"2"', dataAreaId: "usmf", OrderNumber: "P000123", LineNumber: 2.5, ItemNumber: "RM-2", LineQuantity: 1, UnitSymbol: "ea", IsBackflushed: "No" },
  ],
  Route: [
    { dataAreaId: "usmf", OrderNumber: "P000123", OperationNumber: 10, OperationPriority: "Primary", ResourceId: "WC1" },
    { dataAreaId: "usmf", OrderNumber: "P000123", OperationNumber: 20, OperationPriority: "Primary", ResourceId: "WC2" },
    { dataAreaId: "usmf", OrderNumber: "P000123", OperationNumber: 10, OperationPriority: "Secondary1", ResourceId: "OP-A" },
  ],
};
const ENVELOPE = JSON.stringify({ "@odata.context": "https://usmf.example/data/$metadata#Orders", value: [ROW], "@odata.nextLink": "https://usmf.example/data/Orders?$skiptoken=2" });
const CONTEXT = { plantTimeZones: { "1": "America/New_York" } };

function decoded(row: unknown = ROW) {
  const r = odataMapper.decode(row, CONTEXT);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("odata-v4 profile through a small mapper", () => {
  it("reads value envelopes with their paging facts, company-scoped keys, enums, NoYes and date sentinels", () => {
    const r = odataMapper.decodeWire(ENVELOPE, CONTEXT);
    expect(r.ok && r.paging).toEqual({ next: "https://usmf.example/data/Orders?$skiptoken=2" });
    const order = r.ok && r.results[0]?.ok ? r.results[0].value : undefined;
    expect(order && safeParseProductionOrder(order).ok).toBe(true);
    expect(order?.id).toEqual({ value: "P000123", scheme: "acme", scope: { type: "company", value: "usmf" } });
    expect(order?.state).toEqual({ value: "Released", originalCode: "Released", originalList: "acme:OrderStatus" });
    expect(order?.scheduledStart).toBe("2026-03-02T06:30:00-05:00");
    expect(order?.plannedEnd).toBeUndefined();
    expect(order?.components.map((c) => [c.item, c.backflush, c.material.id.scope?.value])).toEqual([["1", true, "USMF"], ["2.5", false, "usmf"]]);
  });

  it("keeps ETags, writes them back and exposes them for If-Match, with key paths in the qualified form", () => {
    const order = decoded();
    expect(odataMapper.etag(order)).toBe('W/"JzEsNTYzNzE0NDU3NzsxJw=="');
    const resources = odataMapper.encodeResources(order, CONTEXT);
    if (!resources.ok) throw new Error(JSON.stringify(resources.issues));
    expect(resources.value.map((r) => [r.keyPath, r.etag])).toEqual([
      ["Orders(dataAreaId='usmf',OrderNumber='P000123')", 'W/"JzEsNTYzNzE0NDU3NzsxJw=="'],
      ["OrderLines(dataAreaId='USMF',OrderNumber='P000123',LineNumber=1)", 'W/"1"'],
      ["OrderLines(dataAreaId='usmf',OrderNumber='P000123',LineNumber=2.5)", 'W/"2"'],
      ["OrderRoute(dataAreaId='usmf',OrderNumber='P000123',OperationNumber=10,OperationPriority=Acme.RouteOprPriority'Primary')", undefined],
      ["OrderRoute(dataAreaId='usmf',OrderNumber='P000123',OperationNumber=20,OperationPriority=Acme.RouteOprPriority'Primary')", undefined],
      ["OrderRoute(dataAreaId='usmf',OrderNumber='P000123',OperationNumber=10,OperationPriority=Acme.RouteOprPriority'Secondary1')", undefined],
    ]);
    expect(odataV4EnumLiteral("Microsoft.Dynamics.DataEntities.ProdStatus", "Released")).toBe("Microsoft.Dynamics.DataEntities.ProdStatus'Released'");
    expect(odataV4Literal("O'Brien")).toBe("'O''Brien'");
    expect(odataV4Profile.formatKey("OrderRoute", { OperationNumber: 10, OperationPriority: "Primary" }, ODATA_ROUTE)).toBe("OrderRoute(OperationNumber=10,OperationPriority=Acme.RouteOprPriority'Primary')");
  });

  it("gives back exactly what was read: etags, the 1900 sentinel, the company's spelling per row and secondary route rows in their places", () => {
    expect(checkVendorRoundTrip(odataMapper, ROW, CONTEXT).problems).toEqual([]);
    const back = odataMapper.encode(decoded(), CONTEXT);
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect((back.value["Route"] as Record<string, unknown>[]).map((r) => `${r["OperationNumber"]}/${r["OperationPriority"]}`)).toEqual(["10/Primary", "20/Primary", "10/Secondary1"]);
  });

  it("keeps secondary rows with their primary and drops them with it", () => {
    const order = decoded();
    const without10 = odataMapper.encode({ ...order, operations: order.operations.filter((o) => o.sequence !== "10") }, CONTEXT);
    expect(without10.ok && (without10.value["Route"] as unknown[]).length).toBe(1);
    const reordered = odataMapper.encode({ ...order, operations: [...order.operations].reverse() }, CONTEXT);
    expect(reordered.ok && (reordered.value["Route"] as Record<string, unknown>[]).map((r) => `${r["OperationNumber"]}/${r["OperationPriority"]}`)).toEqual(["20/Primary", "10/Primary", "10/Secondary1"]);
    // Rows of a group stay together even when the canonical order changes.
  });

  it("compares companies case-insensitively: USMF and usmf are one", () => {
    const order = decoded();
    const r = odataMapper.encode({ ...order, material: { id: { value: "FG-1", scheme: "acme", scope: { type: "company", value: "USMF" } } } }, CONTEXT);
    expect(r.ok).toBe(true);
    const other = odataMapper.encode({ ...order, material: { id: { value: "FG-1", scheme: "acme", scope: { type: "company", value: "demf" } } } }, CONTEXT);
    expect(other.ok).toBe(false);
  });

  it("refuses unknown enum members, NoYes spellings and decimal strings, naming the property", () => {
    const bad = (patch: Record<string, unknown>, line: Record<string, unknown> = {}) => {
      const r = odataMapper.decode({ ...ROW, ...patch, Lines: [{ ...ROW.Lines[0], ...line }] }, CONTEXT);
      return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.code}`);
    };
    expect(bad({ Status: "Ended" })).toEqual(["/Status value.invalid"]);
    expect(bad({}, { IsBackflushed: "True" })).toEqual(["/Lines/0/IsBackflushed value.invalid"]);
    expect(bad({ ScheduledQuantity: "64,5" })).toEqual(["/ScheduledQuantity type.invalid"]);
  });

  it("leaves unset properties out of fresh writes", () => {
    const { extensions: _e, ...fresh } = decoded();
    const r = odataMapper.encode({ ...fresh, scheduledStart: undefined }, CONTEXT);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value["ScheduledStartDate"]).toBeUndefined();
    expect(r.value["@odata.etag"]).toBeUndefined();
    expect(r.value["dataAreaId"]).toBe("usmf");
  });

  it("warns when it writes a wall clock of the repeated hour, and reads it back as the first occurrence", () => {
    const { extensions: _e, ...fresh } = decoded();
    const second = "2026-11-01T01:30:00-05:00"; // the second 01:30 in New York
    const r = odataMapper.encode({ ...fresh, scheduledStart: second }, CONTEXT);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.warnings.map((w) => w.code)).toContain(MAPPING_CODES.ambiguousLocalTime);
    const back = odataMapper.decode(r.value, CONTEXT);
    expect(back.ok && back.value.scheduledStart).toBe("2026-11-01T01:30:00-04:00");
  });

  it("passes the runner-neutral conformance checks: fixtures and OData V4-typical mutations", () => {
    const parsed = parseWireJson(JSON.stringify(ROW));
    if (!parsed.ok) throw new Error("parse");
    const checks = conformanceChecks({
      mapper: odataMapper, fixtures: [{ name: "order", vendor: parsed.value, context: CONTEXT }], arbitrary: fc.constant(decoded()), fit: (o) => o, numRuns: 300, context: CONTEXT,
    }).filter((c) => !c.name.startsWith("declares"));
    for (const check of checks) expect(check.run().problems, check.name).toEqual([]);
  });
});
