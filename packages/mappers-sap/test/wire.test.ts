import { SAP_MAPPERS_BY_OBJECT, sapMapperFor, sapMappers } from "@mfgsync/mappers-sap";
import { unwrapODataV2 } from "@mfgsync/mapping";
import { describe, expect, it } from "vitest";

describe("OData V2 payloads", () => {
  it("finds entities in every envelope SAP (and callers) use, with their JSON Pointers", () => {
    const paths = (payload: unknown) => {
      const r = unwrapODataV2(payload);
      return r.ok ? [r.collection, r.entities.map((e) => e.path)] : r.issues.map((i) => i.code);
    };
    expect(paths({ d: { results: [{}, {}], __count: "2" } })).toEqual([true, ["/d/results/0", "/d/results/1"]]);
    expect(paths({ d: { ManufacturingOrder: "1" } })).toEqual([false, ["/d"]]);
    expect(paths([{}, {}])).toEqual([true, ["/0", "/1"]]);
    expect(paths({ results: [{}] })).toEqual([true, ["/results/0"]]);
    expect(paths({ ManufacturingOrder: "1" })).toEqual([false, [""]]);
    expect(paths('{"d":{"results":[]}}')).toEqual([true, []]);
    expect(paths("not json")).toEqual(["json.invalid"]);
    expect(paths(42)).toEqual(["type.invalid"]);
    expect(paths({ d: 5 })).toEqual(["type.invalid"]);
    expect(paths({ error: { code: "X", message: { value: "no" } } })).toEqual(["odata.error"]);
  });

  it("offers every mapper by name and by canonical object", () => {
    expect(Object.keys(sapMappers)).toEqual(["material", "productionOrder", "lot", "inspection", "nonconformance"]);
    expect(SAP_MAPPERS_BY_OBJECT["production-order"]).toBe(sapMappers.productionOrder);
    expect(sapMapperFor("lot")?.entitySet).toBe("Batch");
    expect(sapMapperFor("__proto__")).toBeUndefined();
  });

  it("decodes a collection with one result per entity and encodes each back to a bare entity", () => {
    const wire = sapMappers.lot.decodeWire({ d: { results: [{ Material: "M", BatchIdentifyingPlant: "", Batch: "B1", __metadata: { uri: "u" } }, { Material: "M" }] } });
    expect(wire.ok).toBe(true);
    if (!wire.ok) return;
    expect(wire.results.map((r) => r.ok)).toEqual([true, false]);
    const second = wire.results[1];
    expect(second && !second.ok && second.issues.map((i) => i.path)).toEqual(["/d/results/1/Batch"]);
    const first = wire.results[0];
    if (!first?.ok) return;
    const back = sapMappers.lot.encode(first.value);
    expect(back).toMatchObject({ ok: true, value: { Material: "M", BatchIdentifyingPlant: "", Batch: "B1" } });
    expect(back.ok && "__metadata" in back.value).toBe(false);
  });
});
