// Child rows are paired with the vendor data kept for them by their match key:
// decode refuses two rows of one collection with the same key, encode two items
// with the same key (issue 12: exact numbers kept per row key collided).
import { MAPPING_CODES } from "@mfgsync/mapping";
import { catalogFit } from "@mfgsync/mapping/conformance";
import { describe, expect, it } from "vitest";
import { odataDeclaration, odataMapper, restMapper } from "./support/acme.js";

const LINE = { dataAreaId: "usmf", OrderNumber: "P000123", ItemNumber: "RM-1", LineQuantity: 2.5, UnitSymbol: "kg", IsBackflushed: "Yes" };
const ROW = {
  dataAreaId: "usmf", OrderNumber: "P000123", ItemNumber: "FG-1", ScheduledQuantity: 10, Status: "Released", SiteId: "1",
  Lines: [{ ...LINE, LineNumber: 1 }, { ...LINE, LineNumber: 2, ItemNumber: "RM-2" }],
  Route: [
    { dataAreaId: "usmf", OrderNumber: "P000123", OperationNumber: 10, OperationPriority: "Primary", ResourceId: "WC1" },
    { dataAreaId: "usmf", OrderNumber: "P000123", OperationNumber: 10, OperationPriority: "Secondary1", ResourceId: "OP-A" },
  ],
};
const CONTEXT = { plantTimeZones: { "1": "UTC" } };

describe("duplicate child row keys", () => {
  it("decode refuses a second row with the same key, naming the key's vendor properties, at the row", () => {
    const r = odataMapper.decode({ ...ROW, Lines: [{ ...LINE, LineNumber: 1 }, { ...LINE, LineNumber: 2 }, { ...LINE, LineNumber: 1, LineQuantity: 7 }] }, CONTEXT);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ path: "/Lines/2", code: MAPPING_CODES.duplicateRowKey });
    expect(r.issues[0]?.message).toContain("LineNumber");
    expect(r.issues[0]?.message).toContain("rows 0 and 2");
  });

  it("rows that share a group key are not duplicates (secondary route rows), nor are rows without a key", () => {
    const r = odataMapper.decode(ROW, CONTEXT);
    expect(r.ok ? [] : r.issues).toEqual([]);
    // Flattened grandchildren are keyed per parent row: the same item number under two operations is fine.
    const material = (n: number) => ({ MaterialId: n, MaterialSequenceNumber: 1, ItemNumber: "RM-1", Quantity: 1, UOMCode: "Kg" });
    const order = {
      WorkOrderId: 1, WorkOrderNumber: "WO-1", OrganizationCode: "M1", ItemNumber: "FG", PlannedStartQuantity: 1, UOMCode: "Ea", UnitOfMeasure: "Each", StatusCode: "RELEASED",
      Operation: [{ OperationId: 1, OperationSequenceNumber: 10, Material: [material(11)] }, { OperationId: 2, OperationSequenceNumber: 20, Material: [material(12)] }],
    };
    expect(restMapper.decode(order).ok).toBe(true);
    const twice = { ...order, Operation: [{ OperationId: 1, OperationSequenceNumber: 10, Material: [material(11), material(12)] }] };
    const refused = restMapper.decode(twice);
    expect(!refused.ok && refused.issues.map((i) => [i.path, i.code])).toEqual([["/Operation/0/Material/1", MAPPING_CODES.duplicateRowKey]]);
    expect(!refused.ok && refused.issues[0]?.message).toContain("MaterialSequenceNumber");
  });

  it("encode refuses two canonical items with the same key at the second item's key, instead of writing rows decode refuses", () => {
    const decoded = odataMapper.decode(ROW, CONTEXT);
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.issues));
    const first = decoded.value.components[0];
    if (first === undefined) throw new Error("no component");
    const r = odataMapper.encode({ ...decoded.value, components: [first, ...decoded.value.components.slice(1), { ...first, requiredQuantity: { value: "9", unit: "KGM" } }] }, CONTEXT);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([["/components/2/item", MAPPING_CODES.duplicateRowKey]]);
    expect(r.issues[0]?.message).toContain("LineNumber");
  });

  it("catalogFit keeps one item per match key, so that conformance properties only write what the vendor can hold", () => {
    const decoded = odataMapper.decode(ROW, CONTEXT);
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.issues));
    const [a, b] = decoded.value.components;
    if (a === undefined || b === undefined) throw new Error("components");
    const fitted = catalogFit<typeof decoded.value>(odataDeclaration)({ ...decoded.value, components: [a, b, { ...a, material: b.material }] });
    expect(fitted.components.map((c) => c.item)).toEqual(["1", "2"]);
    expect(odataMapper.encode(fitted, CONTEXT).ok).toBe(true);
  });
});
