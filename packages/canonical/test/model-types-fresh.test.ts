import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { TYPE_TEST, renderModelTypes, targets } from "../../../scripts/generate-model-types.js";

describe("the named types of @mfgsync/canonical", () => {
  it("are what scripts/generate-model-types.ts writes from the schemas (run `pnpm run generate:model-types` when this fails)", () => {
    const rendered = renderModelTypes();
    expect(rendered.size).toBeGreaterThan(10);
    for (const [file, content] of rendered) expect(fs.readFileSync(file, "utf8"), file).toBe(content);
  });

  it("list each object's fields with their TSDoc, and the type test covers every one of them", () => {
    const rendered = renderModelTypes();
    const order = [...rendered].find(([file]) => file.endsWith("production-order/production-order.ts"))![1];
    expect(order).toMatch(/export type ProductionOrder = \{\n[^]*\/\*\* Producing plant\. B2MML: `HierarchyScope`\. \*\/\n  plant: PlantCode;\n[^]*  operations: Operation\[\];\n/);
    expect(order).toContain("state: CodedValue<RequestState>;");
    const test = rendered.get(TYPE_TEST)!;
    for (const { name } of targets()) expect(test, name).toContain(`expectTypeOf<types.${name}>().toEqualTypeOf<z.infer<typeof schemas.${name}>>()`);
  });
});
