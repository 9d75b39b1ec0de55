import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SCHEMAS_DIR, renderSchemas } from "../../../scripts/generate-schemas.js";
import { OUTPUT as UNITS_OUTPUT, deriveUnits } from "../../../scripts/generate-units.js";
import { MODEL_DOC, renderModelDoc } from "../../../scripts/generate-model-doc.js";

const shared = path.resolve(import.meta.dirname, "../../../../shared");
const hasShared = fs.existsSync(path.join(shared, "standards/uom/unece-rec20-units-of-measure.json"));

describe("committed generated files", () => {
  it("packages/canonical/schemas matches the zod schemas (run `pnpm run generate:schemas` when this fails)", () => {
    const expected = renderSchemas();
    const committed = fs.readdirSync(SCHEMAS_DIR).sort();
    expect(committed).toEqual([...expected.keys()].sort());
    for (const [file, content] of expected) {
      expect(fs.readFileSync(path.join(SCHEMAS_DIR, file), "utf8"), file).toBe(content);
    }
  });

  it("docs/guides/canonical-model.md matches the schemas and their TSDoc (run `pnpm run generate:model-doc`)", () => {
    const rendered = renderModelDoc();
    expect(rendered).toContain("| `baseUnit` | UnitCode | yes |");
    expect(fs.readFileSync(MODEL_DOC, "utf8")).toBe(rendered);
  });

  it.skipIf(!hasShared)("the bundled Rec 20 table matches ../shared/standards/uom (run `pnpm run generate:units`)", () => {
    expect(fs.readFileSync(UNITS_OUTPUT, "utf8")).toBe(deriveUnits(shared));
  });
});
