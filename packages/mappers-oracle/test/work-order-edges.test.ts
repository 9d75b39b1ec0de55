// Round trips and refusals the fuzz suite found for oracle:production-order (issue 10): duplicated
// operation rows, collection counts, a plant other than the scoping organisation, unknown system
// statuses, and the component amount read from ExtendedQuantity when Quantity is absent.
import { workOrderMapper } from "@mfgsync/mappers-oracle";
import { checkVendorRoundTrip } from "@mfgsync/mapping/conformance";
import { describe, expect, it } from "vitest";
import { fixtureEntities } from "./helpers/fixtures.js";

const RELEASED = fixtureEntities("work-order/work-orders-released-v3-collection.json")[0] as Record<string, unknown>;
const COMPLETED = fixtureEntities("work-order/work-order-completed-v2-bare-arrays.json")[0] as Record<string, unknown>;
const PLAIN = fixtureEntities("work-order/work-orders-plain-array.json");

const issuesOf = (vendor: unknown) => {
  const r = workOrderMapper.decode(vendor as never);
  return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.code}`);
};

describe("oracle:production-order edge cases", () => {
  it("refuses two operations with the same OperationSequenceNumber (materials are linked to their operation by it)", () => {
    const ops = COMPLETED["WorkOrderOperation"] as Record<string, unknown>[];
    const twice = { ...COMPLETED, WorkOrderOperation: [ops[0], { ...ops[0], WorkOrderOperationId: 300100098120041 }] };
    expect(issuesOf(twice)).toEqual(["/WorkOrderOperation/1 row.duplicate-key"]);
    const decoded = workOrderMapper.decode(COMPLETED as never);
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.issues));
    const order = decoded.value;
    const encoded = workOrderMapper.encode({ ...order, operations: [order.operations[0]!, { ...order.operations[0]!, description: "again" }] });
    expect(encoded.ok ? [] : encoded.issues.map((i) => i.path)).toEqual(["/operations/1/sequence"]);
  });

  it("refuses a child collection whose count is not its number of items, and one with rows beside the items", () => {
    const ops = RELEASED["WorkOrderOperation"] as Record<string, unknown>;
    expect(issuesOf({ ...RELEASED, WorkOrderOperation: { ...ops, count: 5 } })).toEqual(["/WorkOrderOperation type.invalid"]);
    expect(issuesOf({ ...RELEASED, WorkOrderOperation: { ...ops, offset: [] } })).toEqual(["/WorkOrderOperation type.invalid"]);
    expect(checkVendorRoundTrip(workOrderMapper, RELEASED).problems).toEqual([]);
  });

  it("refuses to write a plant other than the organisation that scopes the keys, and over-long organisations", () => {
    const decoded = workOrderMapper.decode(PLAIN[0] as never);
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.issues));
    const r = workOrderMapper.encode({ ...decoded.value, plant: "M1M1" });
    expect(r.ok ? [] : r.issues.map((i) => `${i.path} ${i.code}`)).toEqual(["/plant value.invalid"]);
    expect(r.ok ? "" : r.issues[0]?.message).toContain("OrganizationCode");
    expect(issuesOf({ ...PLAIN[0], OrganizationCode: "M".repeat(33) })).toEqual(["/OrganizationCode value.too-big"]);
  });

  it("writes back an unknown system status read without a user status", () => {
    for (const vendor of [{ ...PLAIN[1], WorkOrderStatusCode: "", WorkOrderSystemStatusCode: "NEW_THING" }, { ...PLAIN[2], WorkOrderStatusCode: undefined, WorkOrderSystemStatusCode: "canceled" }]) {
      const body = Object.fromEntries(Object.entries(vendor).filter(([, v]) => v !== undefined));
      const decoded = workOrderMapper.decode(body as never);
      expect(decoded.ok && decoded.value.state.value).toBe("Other");
      expect(checkVendorRoundTrip(workOrderMapper, body).problems).toEqual([]);
    }
  });

  it("writes the component amount back into ExtendedQuantity when Quantity was absent, and leaves Quantity out", () => {
    const ops = COMPLETED["WorkOrderOperation"] as Record<string, unknown>[];
    const materials = ops[0]?.["WorkOrderOperationMaterial"] as Record<string, unknown>[];
    const { Quantity: _q, ...noQuantity } = materials[0] as Record<string, unknown>;
    const body = { ...COMPLETED, WorkOrderOperation: [{ ...ops[0], WorkOrderOperationMaterial: [noQuantity, materials[1]] }] };
    expect(checkVendorRoundTrip(workOrderMapper, body).problems).toEqual([]);
    const decoded = workOrderMapper.decode(body as never);
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.issues));
    const changed = workOrderMapper.encode({ ...decoded.value, components: decoded.value.components.map((c, i) => (i === 0 ? { ...c, requiredQuantity: { ...c.requiredQuantity, value: "13" } } : c)) });
    const row = changed.ok ? ((changed.value["WorkOrderOperation"] as Record<string, unknown>[])[0]?.["WorkOrderOperationMaterial"] as Record<string, unknown>[])[0] : undefined;
    expect(row?.["ExtendedQuantity"]).toBe(13);
    expect(row !== undefined && "Quantity" in row).toBe(false);
  });
});
