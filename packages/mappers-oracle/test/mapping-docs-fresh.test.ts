import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ORACLE_MAPPINGS_DOC, renderOracleMappingDoc } from "../../../scripts/generate-mapping-docs.js";

describe("committed mapping docs", () => {
  it("docs/guides/oracle-mappings.md matches the mapper declarations (run `pnpm run generate:mapping-docs` when this fails)", () => {
    const rendered = renderOracleMappingDoc();
    expect(rendered).toContain("| WorkOrderNumber |");
    expect(rendered).toContain("### Known losses");
    expect(rendered).toContain("uncertain");
    expect(fs.readFileSync(ORACLE_MAPPINGS_DOC, "utf8")).toBe(rendered);
  });
});
