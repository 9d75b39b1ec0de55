import { safeParseProductionOrder } from "@mfgsync/canonical";
import type { ProductionOrder } from "@mfgsync/canonical";
import { JsonNumber, MAPPING_CODES, parseWireJson, stringifyWireJson } from "@mfgsync/mapping";
import { checkVendorRoundTrip, conformanceChecks } from "@mfgsync/mapping/conformance";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { restMapper } from "./support/acme.js";

const link = (rel: string) => ({ rel, href: `https://pod/fscmRestApi/resources/11.13.18.05/orders/300100111016254/${rel}`, name: rel, kind: "item" });

/** A work order as the REST framework sends it (version 3+: children as collection objects). */
const ORDER_TEXT = `{
  "WorkOrderId": 300100111016254, "WorkOrderNumber": "WO-1001", "OrganizationCode": "M1", "ItemNumber": "FG-100",
  "PlannedStartQuantity": 12.30, "UOMCode": "Ea", "UnitOfMeasure": "Each", "StatusCode": "RELEASED",
  "PlannedStartDate": "2026-12-03T19:30:00-06:00", "PlannedCompletionDate": "2026-12-05", "FirmPlannedFlag": false,
  "LotControlCode": 2, "LotControlValue": "Full lot control", "Description": null, "LastUpdateDate": null,
  "Operation": { "items": [
    { "OperationId": 1, "OperationSequenceNumber": 10, "OperationName": "Mix", "WorkCenterCode": null,
      "Material": { "items": [ { "MaterialId": 11, "MaterialSequenceNumber": 1, "ItemNumber": "RM-1", "Quantity": 4.50, "UOMCode": "Kg" } ], "count": 1, "hasMore": false, "limit": 25, "offset": 0, "links": [] },
      "links": [] },
    { "OperationId": 2, "OperationSequenceNumber": 20, "OperationName": "Fill", "WorkCenterCode": "WC2", "Material": [] }
  ], "count": 2, "hasMore": false, "limit": 25, "offset": 0, "links": [] },
  "links": [${JSON.stringify(link("self"))}]
}`;

function decoded(text = ORDER_TEXT, context = {}) {
  const r = restMapper.decodeWire(text, context);
  if (!r.ok || !r.results[0]?.ok) throw new Error(JSON.stringify(r));
  return r.results[0].value;
}

describe("oracle-rest profile through a small mapper", () => {
  it("reads the REST framework's JSON: exact numbers, organisation-scoped keys, surrogate ids as cross-references, offsets as instants", () => {
    const order = decoded();
    expect(safeParseProductionOrder(order).ok).toBe(true);
    expect(order.id).toEqual({ value: "WO-1001", scheme: "acme", scope: { type: "organization", value: "M1" } });
    expect(order.crossReferences).toEqual([{ value: "300100111016254", scheme: "acme.work-order-id" }]);
    expect(order.plannedQuantity).toEqual({ value: "12.30", unit: "H87" });
    expect(order.plannedStart).toBe("2026-12-03T19:30:00-06:00");
    expect(Date.parse(order.plannedStart ?? "")).toBe(Date.parse("2026-12-04T01:30:00Z"));
    expect(order.plannedEnd).toBe("2026-12-05");
    expect(order.components).toEqual([
      { materialUse: { value: "Consumed" }, item: "1", material: { id: { value: "RM-1", scheme: "acme", scope: { type: "organization", value: "M1" } } }, requiredQuantity: { value: "4.50", unit: "KGM" }, issuingOperation: "10" },
    ]);
  });

  it("keeps nulls as a compact list, not in the vendor's namespace, and writes them back", () => {
    const order = decoded();
    const books = (order.extensions?.["mfgsync"]?.["acme"] ?? {}) as { nulls?: string[] };
    // Oracle's "no value" is null, so nulls of mapped attributes need no keeping, except read-only ones (a fresh
    // write leaves those out); the unmapped Description is listed too.
    expect(books.nulls).toEqual(["Description", "LastUpdateDate"]);
    expect(order.extensions?.["acme"]?.["Description"]).toBeUndefined();
    expect(order.extensions?.["acme"]?.["LotControlValue"]).toBe("Full lot control");
    const back = restMapper.encode(order);
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(back.value["Description"]).toBeNull();
    expect(back.value["LastUpdateDate"]).toBeNull();
    expect(back.value["WorkCenterCode"]).toBeUndefined();
    expect(((back.value["Operation"] as { items: Record<string, unknown>[] }).items[0] ?? {})["WorkCenterCode"]).toBeNull();
  });

  it("writes every child back in the shape it was read (collection object or bare array), links left out as transport", () => {
    const parsed = parseWireJson(ORDER_TEXT);
    if (!parsed.ok) throw new Error("parse");
    expect(checkVendorRoundTrip(restMapper, parsed.value).problems).toEqual([]);
    const back = restMapper.encodeWire(decoded());
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(back.value).toContain('"PlannedStartQuantity":12.30');
    expect(back.value).toContain('"Quantity":4.50');
    expect(back.value).toContain('"WorkOrderId":300100111016254');
    expect(back.value).toContain('"Material":[]');
    expect(back.value).toContain('"count":2');
    expect(back.value).not.toContain('"links"');
    const v2 = ORDER_TEXT.replace(/"Operation": \{ "items": /, '"Operation": ').replace(/\], "count": 2, "hasMore": false, "limit": 25, "offset": 0, "links": \[\] \},\n  "links"/, '],\n  "links"');
    const parsedV2 = parseWireJson(v2);
    if (!parsedV2.ok) throw new Error(v2);
    expect(Array.isArray((parsedV2.value as Record<string, unknown>)["Operation"])).toBe(true);
    expect(checkVendorRoundTrip(restMapper, parsedV2.value).problems).toEqual([]);
  });

  it("keeps int64 ids above 2^53 exactly", () => {
    const order = decoded(ORDER_TEXT.replace("300100111016254", "9007199254740993"));
    expect(order.crossReferences?.[0]?.value).toBe("9007199254740993");
    const back = restMapper.encodeWire(order);
    expect(back.ok && back.value.includes('"WorkOrderId":9007199254740993')).toBe(true);
  });

  it("refuses strings for quantities and flags, naming the attribute", () => {
    for (const [bad, attribute, code] of [['"PlannedStartQuantity": "480,5"', "PlannedStartQuantity", "type.invalid"], ['"FirmPlannedFlag": "Y"', "FirmPlannedFlag", "type.invalid"], ['"PlannedStartQuantity": "480.5"', "PlannedStartQuantity", "type.invalid"]] as const) {
      const text = ORDER_TEXT.replace(/"PlannedStartQuantity": 12\.30|"FirmPlannedFlag": false/g, (m) => (m.startsWith(`"${attribute}"`) ? bad : m));
      const r = restMapper.decodeWire(text);
      const issues = r.ok && !r.results[0]?.ok ? r.results[0]?.issues ?? [] : [];
      expect(issues.map((i) => `${i.path} ${i.code}`)).toContain(`/${attribute} ${code}`);
      expect(issues.find((i) => i.path === `/${attribute}`)?.message).toContain(attribute);
    }
  });

  it("writes fresh instants in UTC with +00:00 and unset attributes as null, read-only ones not at all", () => {
    const order = decoded();
    const { extensions: _e, ...fresh } = order;
    const r = restMapper.encode({ ...fresh, plannedStart: "2026-03-29T01:30:00+01:00" } as ProductionOrder);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value["PlannedStartDate"]).toBe("2026-03-29T00:30:00+00:00");
    expect(r.value["LastUpdateDate"]).toBeUndefined();
    expect(r.value["UnitOfMeasure"]).toBeUndefined();
    const noDate = restMapper.encode({ ...fresh, plannedStart: undefined } as ProductionOrder);
    expect(noDate.ok && noDate.value["PlannedStartDate"]).toBeNull();
  });

  it("puts flattened components back under their operation and refuses one whose operation the order lacks", () => {
    const order = decoded();
    const moved = restMapper.encode({ ...order, components: [...order.components, { ...order.components[0]!, item: "2", issuingOperation: "20" }] });
    if (!moved.ok) throw new Error(JSON.stringify(moved.issues));
    const ops = (moved.value["Operation"] as { items: Record<string, unknown>[] }).items;
    expect((ops[1]?.["Material"] as unknown[]).length).toBe(1);
    const orphan = restMapper.encode({ ...order, components: [{ ...order.components[0]!, issuingOperation: "99" }] });
    expect(orphan.ok).toBe(false);
    if (!orphan.ok) expect(orphan.issues[0]).toMatchObject({ path: "/components/0", code: MAPPING_CODES.unplaced });
  });

  it("refuses to write a material scoped to another organisation than the order", () => {
    const order = decoded();
    const r = restMapper.encode({ ...order, material: { id: { value: "FG-100", scheme: "acme", scope: { type: "organization", value: "M2" } } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path).toBe("/material/id/scope");
  });

  it("maps tenant status codes through the context's code table", () => {
    const text = ORDER_TEXT.replace('"RELEASED"', '"ZZ_KITTED"');
    expect(decoded(text).state).toEqual({ value: "Other", originalCode: "ZZ_KITTED", originalList: "acme:status" });
    const context = { codeTables: { "acme:status": { ZZ_KITTED: "Released" } } };
    const order = decoded(text, context);
    expect(order.state.value).toBe("Released");
    const fresh = restMapper.encode({ ...order, state: { value: "Released" } }, context);
    expect(fresh.ok && fresh.value["StatusCode"]).toBe("ZZ_KITTED");
  });

  it("patch mode writes only the changed writable attributes", () => {
    const order = decoded();
    const changed = { ...order, plannedQuantity: { value: "15", unit: "H87" }, lastChangedAt: "2026-12-06T00:00:00+00:00" };
    const patch = restMapper.encode(changed, {}, { mode: "patch", original: order });
    if (!patch.ok) throw new Error(JSON.stringify(patch.issues));
    expect(patch.value).toEqual({ PlannedStartQuantity: 15 });
  });

  it("lists each resource with its key path and what changed", () => {
    const order = decoded();
    const r = restMapper.encodeResources({ ...order, operations: [order.operations[0]!, { ...order.operations[1]!, description: "Fill and seal" }] }, {}, { original: order, mode: "patch" });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.map((x) => `${x.entitySet} ${x.keyPath} ${x.change}`)).toEqual([
      "orders orders/300100111016254 unchanged", "Operation Operation/1 unchanged", "Material Material/11 unchanged", "Operation Operation/2 changed",
    ]);
    expect(r.value[3]?.body).toEqual({ OperationName: "Fill and seal" });
  });

  it("says first when the payload is another resource than the mapper reads", () => {
    const other = ORDER_TEXT.replace("/orders/300100111016254/self", "/inventoryItemLots/ABC");
    const r = restMapper.decodeWire(other);
    expect(r.ok && !r.results[0]?.ok && r.results[0]?.issues[0]?.code).toBe(MAPPING_CODES.entityMismatch);
  });

  it("reads envelopes, single items and plain arrays, and keeps their paging facts", () => {
    const one = JSON.parse(ORDER_TEXT) as unknown;
    const envelope = stringifyWireJson({ items: [one, one], count: 2, hasMore: true, limit: 2, offset: 0, links: [] });
    const r = restMapper.decodeWire(envelope);
    expect(r.ok && r.results.map((x) => x.ok)).toEqual([true, true]);
    expect(r.ok && r.paging).toEqual({ hasMore: true, count: 2, offset: 0, limit: 2 });
    expect(restMapper.decodeWire([one]).ok).toBe(true);
    const error = restMapper.decodeWire('{"title":"Bad Request","status":"400","o:errorDetails":[{"detail":"Attribute X is not valid"}]}');
    expect(error.ok ? "" : error.issues[0]?.message).toContain("Attribute X is not valid");
  });

  it("passes the runner-neutral conformance checks: fixtures and Oracle-typical mutations", () => {
    const parsed = parseWireJson(ORDER_TEXT);
    if (!parsed.ok) throw new Error("parse");
    const checks = conformanceChecks({
      mapper: restMapper, fixtures: [{ name: "work order", vendor: parsed.value }], arbitrary: fc.constant(decoded()), fit: (o) => o, numRuns: 300,
    }).filter((c) => !c.name.startsWith("declares"));
    for (const check of checks) expect(check.run().problems, check.name).toEqual([]);
    expect(restMapper.profile.mutations.some((m) => m instanceof JsonNumber)).toBe(true);
  });
});
