import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { D365_MAPPINGS_DOC, MAPPING_PAGES, renderD365MappingDoc } from "../../../scripts/generate-mapping-docs.js";

describe("committed mapping docs", () => {
  it("docs/guides/d365-mappings.md matches the mapper declarations (run `pnpm run generate:mapping-docs` when this fails)", () => {
    const rendered = renderD365MappingDoc();
    expect(MAPPING_PAGES.map((p) => p.file)).toContain(D365_MAPPINGS_DOC);
    expect(rendered).toContain("| ProductionOrderNumber | Edm.String, key | `id` |");
    expect(rendered).toContain("QualityOrderLineResults");
    expect(rendered).toContain("### Known losses");
    expect(fs.readFileSync(D365_MAPPINGS_DOC, "utf8")).toBe(rendered);
  });
});
