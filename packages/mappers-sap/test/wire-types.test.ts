import fs from "node:fs";
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { MapResult } from "@mfgsync/mapping";
import type { A_Defect, A_InspectionLot, A_Product, A_ProductionOrder_2, Batch, SapEntitySet } from "@mfgsync/mappers-sap";
import { SAP_ENTITY_CATALOGS, batchMapper, inspectionMapper, materialMapper, nonconformanceMapper, productionOrderMapper } from "@mfgsync/mappers-sap";

const src = path.resolve(import.meta.dirname, "../src");

describe("SAP wire types are public", () => {
  it("every generated wire interface is exported by name from the package", () => {
    const generated = [...fs.readFileSync(path.join(src, "generated/wire-types.ts"), "utf8").matchAll(/^export interface (\w+)/gm)].map((m) => m[1]!);
    expect(generated.length).toBeGreaterThan(20);
    const index = fs.readFileSync(path.join(src, "index.ts"), "utf8");
    const block = /export type \{([^}]*)\} from "\.\/generated\/wire-types\.js";/.exec(index)?.[1] ?? "";
    const exported = block.split(",").map((s) => s.trim()).filter(Boolean);
    expect(exported.sort()).toEqual([...generated].sort());
  });

  it("the mappers are typed by the wire types, so encoded payloads can be annotated", () => {
    expectTypeOf(productionOrderMapper.encode).returns.toEqualTypeOf<MapResult<A_ProductionOrder_2>>();
    expectTypeOf(batchMapper.encode).returns.toEqualTypeOf<MapResult<Batch>>();
    expectTypeOf(materialMapper.encode).returns.toEqualTypeOf<MapResult<A_Product>>();
    expectTypeOf(inspectionMapper.encode).returns.toEqualTypeOf<MapResult<A_InspectionLot>>();
    expectTypeOf(nonconformanceMapper.encode).returns.toEqualTypeOf<MapResult<A_Defect>>();
    expectTypeOf<keyof typeof SAP_ENTITY_CATALOGS>().toEqualTypeOf<SapEntitySet>();
    const fixture = JSON.parse(fs.readFileSync(path.resolve(src, "../fixtures/production-order/order-1000000-teco.json"), "utf8")) as { d: A_ProductionOrder_2 };
    const context = { plantTimeZones: { "1010": "Europe/Berlin", "1710": "America/New_York" } };
    const decoded = productionOrderMapper.decode(fixture.d, context);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const encoded = productionOrderMapper.encode(decoded.value, context);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    const order: A_ProductionOrder_2 = encoded.value;
    expect(order.ManufacturingOrder).toBe(fixture.d.ManufacturingOrder);
    expect(Object.keys(SAP_ENTITY_CATALOGS)).toContain("A_ProductionOrder_2" satisfies SapEntitySet);
  });
});
