// The worked examples of docs/guides/writing-a-mapper.md are code that runs:
// this test writes the guide's mapper declarations and its usage block into
// files and imports them, with `console.assert` turned into a throwing check.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const guide = fs.readFileSync(path.resolve(import.meta.dirname, "../../../docs/guides/writing-a-mapper.md"), "utf8");
const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
const dir = path.join(import.meta.dirname, "guide");

describe("the mapper guide's worked examples", () => {
  it("declare an OData V4 and an Oracle REST mapper that round-trip and refuse bad input", async () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const [v4, oracle, usage] = blocks;
    // The two declarations share one module; their imports are merged by dropping the duplicates.
    const imports = new Set<string>();
    const body: string[] = [];
    for (const line of `${v4}\n${oracle}`.split("\n")) (line.startsWith("import ") ? imports : { add: (l: string) => body.push(l) }).add(line);
    const merged = [...imports].join("\n").replace(/import \{ ([^}]*) \} from "@mfgsync\/mapping";\nimport \{ ([^}]*) \} from "@mfgsync\/mapping";/, (_m, a: string, b: string) => `import { ${[...new Set([...a.split(", "), ...b.split(", ")])].join(", ")} } from "@mfgsync/mapping";`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "mappers.ts"), `${merged}\n${body.join("\n")}\n`);
    fs.writeFileSync(path.join(dir, "usage.ts"), `const checks: boolean[] = [];\nconst __assert = (ok: unknown) => { if (!ok) throw new Error("a guide assertion failed at check " + (checks.length + 1)); checks.push(true); };\n${(usage ?? "").replace(/console\.assert\(/g, "__assert(")}\nexport const passed = checks.length;\n`);
    const module = (await import(/* @vite-ignore */ path.join(dir, "usage.ts"))) as { passed: number };
    expect(module.passed).toBe(6);
  });

  it("registers a vendor as the guide shows", async () => {
    const registry = blocks.find((b) => b.includes("createRegistry"));
    expect(registry).toBeDefined();
    fs.writeFileSync(path.join(dir, "registry.ts"), `${registry}\nexport const found = registry.mapper("sap", "lot")?.entitySet;\n`);
    const module = (await import(/* @vite-ignore */ path.join(dir, "registry.ts"))) as { found: string };
    expect(module.found).toBe("Batch");
  });
});
