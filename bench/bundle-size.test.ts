import { build } from "esbuild";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bundleSize } from "./bundle-size.js";

const root = path.resolve(import.meta.dirname, "..");

describe("browser bundles of the runtime packages", () => {
  it("uuidV5 in a browser bundle (uuid's browser build, not node:crypto) gives the RFC 9562 test vector", async () => {
    const result = await build({
      stdin: { contents: `export { uuidV5 } from "@mfgsync/canonical";`, resolveDir: root, loader: "ts" },
      bundle: true, platform: "browser", format: "esm", write: false, logLevel: "silent", conditions: ["@mfgsync/source"],
    });
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/node:crypto|createHash/);
    const { uuidV5 } = (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)) as { uuidV5: (n: string, ns: string) => string };
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    // A lone surrogate is hashed as U+FFFD (TextEncoder), not refused.
    expect(uuidV5("\uD800", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe(uuidV5("\uFFFD", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"));
  });

  it("the canonical events bundle for the browser, without eval", async () => {
    const size = await bundleSize("events", `import { createEvent } from "@mfgsync/canonical"; globalThis.x = createEvent;`);
    expect(size.minifiedBytes).toBeGreaterThan(1000);
    expect(size.gzipBytes).toBeLessThan(size.minifiedBytes);
    expect(size.evalFree).toBe(true);
  });

  it("an app that only validates does not bundle the rules' rationales; one that lists the rules does", async () => {
    const bundle = async (contents: string) => (await build({
      stdin: { contents, resolveDir: root, loader: "ts" }, bundle: true, platform: "browser", format: "esm", write: false, logLevel: "silent", conditions: ["@mfgsync/source"],
    })).outputFiles[0]!.text;
    const { BUILTIN_RULES } = await import("@mfgsync/validators");
    const rationale = BUILTIN_RULES.find((rule) => rule.id === "unit/active-code")!.rationale.slice(0, 60);
    expect(rationale.length).toBe(60);
    expect(await bundle(`import { validate } from "@mfgsync/validators"; globalThis.x = validate;`)).not.toContain(rationale);
    expect(await bundle(`import { BUILTIN_RULES } from "@mfgsync/validators"; globalThis.x = BUILTIN_RULES;`)).toContain(rationale);
  });
});
