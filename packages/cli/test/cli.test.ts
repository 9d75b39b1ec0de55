import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SCHEMA_NAMES, schemaId } from "@mfgsync/canonical";
import { cli } from "./helpers.js";

const examples = path.resolve(import.meta.dirname, "../../canonical/examples");
const example = (name: string) => JSON.parse(fs.readFileSync(path.join(examples, `${name}.json`), "utf8")) as Record<string, unknown>;

describe("mfgsync (no command)", () => {
  it("prints help and exits 2 without a command, 0 with --help", async () => {
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.out).toContain("validate");
    expect((await cli(["--help"])).code).toBe(0);
  });

  it("exits 2 on an unknown command and names it", async () => {
    const r = await cli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "frobnicate"');
  });
});

describe("mfgsync schema", () => {
  it("prints the versioned JSON Schema of an object", async () => {
    const r = await cli(["schema", "--entity", "production-order"]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.out) as { $id: string; $schema: string };
    expect(schema.$id).toBe(schemaId("production-order"));
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("rejects an unknown entity with a usage error listing the valid names", async () => {
    const r = await cli(["schema", "--entity", "widget"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("production-order");
  });
});

describe("mfgsync validate", () => {
  it("exits 0 for every bundled example", async () => {
    for (const name of SCHEMA_NAMES) {
      const r = await cli(["validate", "--entity", name, path.join(examples, `${name}.json`)]);
      expect(r.code, `${name}: ${r.out}`).toBe(0);
    }
  });

  it("exits 1 and reports each issue with its JSON Pointer path and code (JSON format, stdin)", async () => {
    const lot = example("lot");
    const bad = { ...lot, quantity: { value: "12,5", unit: "PCE" } };
    const r = await cli(["validate", "--entity", "lot", "--format", "json", "-"], JSON.stringify(bad));
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { ok: boolean; issues: Array<{ path: string; code: string }> };
    expect(report.ok).toBe(false);
    expect(report.issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: "/quantity/value", code: "decimal.format" }),
      expect.objectContaining({ path: "/quantity/unit", code: "unit.unknown" }),
    ]));
  });

  it("validates arrays element by element, prefixing paths with the index", async () => {
    const lot = example("lot");
    const r = await cli(["validate", "--entity", "lot", "--format", "json", "-"], JSON.stringify([lot, { ...lot, kind: "material" }]));
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { checked: number; issues: Array<{ path: string }> };
    expect(report.checked).toBe(2);
    expect(report.issues.map((i) => i.path)).toContain("/1/kind");
  });

  it("reports invalid JSON as an issue, not a crash", async () => {
    const r = await cli(["validate", "--entity", "lot", "-"], "{ not json");
    expect(r.code).toBe(1);
    expect(r.out).toContain("json.invalid");
  });

  it("exits 2 for a missing --entity, a bad --format or a missing file", async () => {
    expect((await cli(["validate", "-"], "{}")).code).toBe(2);
    expect((await cli(["validate", "--entity", "lot", "--format", "xml", "-"], "{}")).code).toBe(2);
    expect((await cli(["validate", "--entity", "lot", "/nonexistent/file.json"])).code).toBe(2);
    expect((await cli(["validate", "--entity", "lot", "--bogus", "-"], "{}")).code).toBe(2);
  });
});

describe("mfgsync demo", () => {
  it("checks every bundled example and exits 0", async () => {
    const r = await cli(["demo"]);
    expect(r.code, r.out).toBe(0);
    for (const name of SCHEMA_NAMES) expect(r.out).toContain(`✓ ${name}`);
  });

  it("maps the bundled SAP order and batch fixtures to canonical, runs the rules and maps them back without loss", async () => {
    const r = await cli(["demo"]);
    expect(r.out).toMatch(/✓ production-order\/\S+ → order \d+/);
    expect(r.out).toMatch(/✓ lot\/\S+ → batch \S+/);
    expect(r.out).toContain("round trip lossless");
    expect(r.out).not.toContain("LOST DATA");
    expect(r.out).toContain("Rule catalog on the canonical objects");
  });
});
