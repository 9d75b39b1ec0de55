import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { BUILTIN_RULES } from "@mfgsync/validators";
import { RULES_DOC, renderRulesDoc } from "../../../scripts/generate-rules-doc.js";

describe("docs/guides/rules.md", () => {
  it("matches the rules' metadata (run `pnpm run generate:rules-doc` when this fails)", () => {
    expect(fs.readFileSync(RULES_DOC, "utf8")).toBe(renderRulesDoc());
  });

  it("lists every rule with its description and rationale", () => {
    const doc = renderRulesDoc();
    for (const rule of BUILTIN_RULES) {
      expect(doc, rule.id).toContain(`### ${rule.id}\n\n${rule.description}\n`);
      expect(doc, rule.id).toContain(`**Why.** ${rule.rationale}\n`);
    }
  });
});
