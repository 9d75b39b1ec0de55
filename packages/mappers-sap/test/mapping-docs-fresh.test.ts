import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { SAP_MAPPINGS_DOC, renderSapMappingDoc } from "../../../scripts/generate-mapping-docs.js";

describe("committed mapping docs", () => {
  it("docs/guides/sap-mappings.md matches the mapper declarations (run `pnpm run generate:mapping-docs` when this fails)", () => {
    const rendered = renderSapMappingDoc();
    expect(rendered).toContain("| ManufacturingOrder | Edm.String(12), key | `id` |");
    expect(rendered).toContain("### Known losses");
    expect(fs.readFileSync(SAP_MAPPINGS_DOC, "utf8")).toBe(rendered);
  });
});
