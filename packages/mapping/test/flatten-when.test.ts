import type { ProductionOrder } from "@mfgsync/canonical";
import { MAPPING_CODES, child, compileMapper, declareMapper, entity, field, jsonDecimal, materialRef, oracleRestProfile, quantity, unitCode } from "@mfgsync/mapping";
import { describe, expect, it } from "vitest";
import { REST_MATERIAL, REST_OPERATION, REST_ORDER, restDeclaration } from "./support/acme.js";

// Two children of an operation flattened into the order's one components array (materials consumed, outputs
// produced): `flatten.when` says which items each child writes back.
const produced = (c: Readonly<Record<string, unknown>>) => (c["materialUse"] as { value?: unknown } | undefined)?.value === "Co-product Produced";
const row = (use: string) => entity({
  entity: use === "Consumed" ? "Material" : "Output", catalog: { ...REST_MATERIAL, entitySet: use === "Consumed" ? "Material" : "Output" }, constants: { materialUse: { value: use } },
  fields: [
    field("MaterialSequenceNumber", "item", jsonDecimal()),
    field("ItemNumber", "material", materialRef({ scoped: true }), { required: true }),
    field(["Quantity", "UOMCode"], "requiredQuantity", quantity(jsonDecimal(), unitCode()), { required: true }),
  ],
});
const link = { canonical: "issuingOperation", parent: "sequence" };
const mapper = compileMapper<Record<string, unknown>, "production-order">(declareMapper({
  ...restDeclaration,
  name: "acme-rest:two-flattened",
  root: entity({
    ...restDeclaration.root,
    catalog: REST_ORDER,
    children: [child("Operation", "operations", entity({
      entity: "Operation", catalog: { ...REST_OPERATION, navigationProperties: [{ name: "Material", multiplicity: "*" }, { name: "Output", multiplicity: "*" }] },
      constants: { state: { value: "Released" } },
      fields: [field("OperationSequenceNumber", "sequence", jsonDecimal(), { required: true })],
      children: [
        child("Material", "components", row("Consumed"), { match: "item", flatten: { into: "components", link, when: (c) => !produced(c) } }),
        child("Output", "components", row("Co-product Produced"), { match: "item", flatten: { into: "components", link, when: produced } }),
      ],
    }), { match: "sequence" })],
  }),
}));

const ORDER = {
  WorkOrderId: 300100111016254, WorkOrderNumber: "WO-1", OrganizationCode: "M1", ItemNumber: "FG", PlannedStartQuantity: 1, UOMCode: "Ea", StatusCode: "RELEASED",
  Operation: [{ OperationSequenceNumber: 10, Material: [{ MaterialSequenceNumber: 1, ItemNumber: "RM", Quantity: 2, UOMCode: "Kg" }], Output: [{ MaterialSequenceNumber: 1, ItemNumber: "CO", Quantity: 3, UOMCode: "Kg" }] }],
};

describe("flatten.when: two children flattened into one root array", () => {
  it("reads both children into the array and writes each item back under the child that takes it", () => {
    const r = mapper.decode(ORDER);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.components.map((c) => [c.material.id.value, c.materialUse.value, c.issuingOperation])).toEqual([["RM", "Consumed", "10"], ["CO", "Co-product Produced", "10"]]);
    const back = mapper.encode(r.value);
    expect(back.ok ? back.value : back.issues).toEqual(ORDER);
    // An item whose use changes moves to the other child.
    const moved: ProductionOrder = { ...r.value, components: r.value.components.map((c, i) => ({ ...c, item: String(i + 1), materialUse: { value: "Co-product Produced" as const } })) };
    const written = mapper.encode(moved);
    expect(written.ok ? [] : written.issues).toEqual([]);
    const op = ((written.ok ? written.value : {}) as { Operation?: { Material?: unknown[]; Output?: unknown[] }[] }).Operation?.[0];
    expect([op?.Material?.length, op?.Output?.length]).toEqual([0, 2]);
  });

  it("reports an item neither operation holds once, for the child that takes it", () => {
    const r = mapper.decode(ORDER);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const orphan = mapper.encode({ ...r.value, components: r.value.components.map((c, i) => (i === 1 ? { ...c, issuingOperation: "99" } : c)) });
    expect(orphan.ok ? [] : orphan.issues.map((i) => [i.path, i.code])).toEqual([["/components/1", MAPPING_CODES.unplaced]]);
    expect(orphan.ok ? "" : orphan.issues[0]?.message).toContain("Output rows");
  });
});
