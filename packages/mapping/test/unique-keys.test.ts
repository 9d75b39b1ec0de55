// Child rows whose match key repeats (refused by the core for every child with a match key) (Oracle operation sequence numbers, which the flattened
// operation materials link to), and Oracle REST collection counts that are not the rows' number.
import type { ProductionOrder } from "@mfgsync/canonical";
import { child, compileMapper, declareMapper, entity, parseWireJson } from "@mfgsync/mapping";
import { describe, expect, it } from "vitest";
import { restDeclaration, restMapper } from "./support/acme.js";

const operations = restDeclaration.root.children?.[0];
if (operations === undefined) throw new Error("the ACME REST declaration has an operation child");
const unique = compileMapper<Record<string, unknown>, "production-order">(declareMapper({
  ...restDeclaration,
  root: entity({ ...restDeclaration.root, children: [child(operations.navigation, operations.canonical, operations.entity, { match: "sequence" })] }),
}));

const op = (seq: number, materials: unknown[] = []) => ({ OperationSequenceNumber: seq, OperationName: `op ${seq}`, WorkCenterCode: null, Material: materials });
const material = (seq: number) => ({ MaterialSequenceNumber: seq, ItemNumber: "RM-1", Quantity: 1, UOMCode: "Kg" });
const order = (ops: unknown) => ({ WorkOrderId: 1, WorkOrderNumber: "WO-1", OrganizationCode: "M1", ItemNumber: "FG-1", PlannedStartQuantity: 1, UOMCode: "Ea", StatusCode: "RELEASED", Operation: ops });

describe("repeated child keys", () => {
  it("refuses a row that repeats an earlier row's key, at the row", () => {
    const r = unique.decode(order([op(10, [material(1)]), op(20), op(10, [material(2)])]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => [i.path, i.code])).toEqual([["/Operation/2", "row.duplicate-key"]]);
    const v3 = unique.decode(order({ items: [op(10), op(10)], count: 2, hasMore: false }));
    expect(!v3.ok && v3.issues[0]?.path).toBe("/Operation/items/1");
    // Every child with a match key is refused the same way (the materials would all go back under the first row 10).
    expect(restMapper.decode(order([op(10, [material(1)]), op(10, [material(2)])])).ok).toBe(false);
  });

  it("refuses to encode items with the same key, at the item's key", () => {
    const r = unique.decode(order([op(10, [material(1)]), op(20)]));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const twice: ProductionOrder = { ...r.value, operations: [r.value.operations[0]!, { ...r.value.operations[1]!, sequence: "10" }] };
    const back = unique.encode(twice);
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.issues.map((i) => [i.path, i.code])).toEqual([["/operations/1/sequence", "row.duplicate-key"]]);
    expect(unique.encode(r.value).ok).toBe(true);
  });
});

describe("oracle-rest collection counts", () => {
  it("refuses an expanded child whose count is not the number of its items, and writes the count of the rows written", () => {
    const bad = restMapper.decode(order({ items: [op(10)], count: 3, hasMore: false }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ path: "/Operation", code: "type.invalid", message: expect.stringContaining("count (3) must be the number of items (1)") });
    const text = parseWireJson(JSON.stringify(order({ items: [op(10)], count: 1, hasMore: false })));
    if (!text.ok) throw new Error("parse");
    const read = restMapper.decode(text.value as Record<string, unknown>);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const more = restMapper.encode({ ...read.value, operations: [...read.value.operations, { ...read.value.operations[0]!, sequence: "20" }] });
    expect(more.ok && more.value["Operation"]).toMatchObject({ count: 2, hasMore: false });
    const same = restMapper.encode(read.value);
    expect(same.ok && same.value["Operation"]).toMatchObject({ count: 1 });
  });
});
