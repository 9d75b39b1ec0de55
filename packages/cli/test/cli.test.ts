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

  it("reports a JSON syntax error as such, with where it is, not as a schema issue", async () => {
    const r = await cli(["validate", "--entity", "lot", "-"], '{\n  "kind": "lot",\n  not json\n}');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^✗ stdin: not valid JSON at line 3, column 3: /);
    expect(r.out).not.toContain("schema issue");
    const json = await cli(["validate", "--entity", "lot", "--format", "json", "-"], "{ not json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, checked: 0, issues: [{ path: "", code: "json.invalid", message: expect.stringContaining("line 1, column 3") }] });
  });

  it("says an empty input is empty", async () => {
    const r = await cli(["validate", "--entity", "lot", "-"], " \n");
    expect(r.code).toBe(1);
    expect(r.out).toBe("✗ stdin: not valid JSON: the input is empty\n");
  });

  it("exits 2 for a missing --entity, a bad --format or an unknown option, and 66 for a file it cannot read", async () => {
    expect((await cli(["validate", "-"], "{}")).code).toBe(2);
    expect((await cli(["validate", "--entity", "lot", "--format", "xml", "-"], "{}")).code).toBe(2);
    expect((await cli(["validate", "--entity", "lot", "--bogus", "-"], "{}")).code).toBe(2);
    const missing = await cli(["validate", "--entity", "lot", "/nonexistent/file.json"]);
    expect(missing.code).toBe(66);
    expect(missing.err).toBe('mfgsync validate: cannot read input file "/nonexistent/file.json": no such file or directory (ENOENT)\n');
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

  it("ends with a summary that counts what it printed: no \"everything checked out\" after rule errors or warnings", async () => {
    const r = await cli(["demo"]);
    const lines = r.out.split("\n");
    const last = lines.filter(Boolean).at(-1) ?? "";
    const sap = r.out.slice(r.out.indexOf("SAP S/4HANA OData V2"));
    const ruleErrors = sap.split("\n").filter((l) => /^ {6}error {3}\S+\//.test(l)).length;
    const mappingWarnings = sap.split("\n").filter((l) => /^ {6}warning \S+\.\S+ {2}/.test(l) && !/^ {6}warning \S+\/\S+/.test(l)).length;
    const flagged = lines.filter((l) => l.startsWith("  ! ")).length;
    if (ruleErrors > 0) {
      expect(last).toContain(`The rules found ${ruleErrors} error(s) in ${flagged} SAP sample`);
      expect(flagged).toBeGreaterThan(0);
    }
    if (mappingWarnings > 0) expect(last).toContain(`${mappingWarnings} mapping warning(s)`);
    expect(last.includes("Everything checked out")).toBe(ruleErrors === 0 && mappingWarnings === 0);
    // The bundled SAP fixtures do carry rule errors (a Major defect without lots, planned dates out of order): the summary must say so.
    expect(ruleErrors).toBeGreaterThan(0);
  });

  it("reports the same as JSON, summary counts included", async () => {
    const text = await cli(["demo"]);
    const r = await cli(["demo", "--format", "json"]);
    expect(r.code).toBe(text.code);
    const report = JSON.parse(r.out) as { ok: boolean; message: string; summary: { failed: number; sapRuleErrors: number }; sections: Array<{ id: string; items: Array<{ name: string; status: string; details: unknown[] }> }> };
    expect(report.ok).toBe(true);
    expect(report.sections.map((s) => s.id)).toEqual(["canonical", "rules", "sap", "oracle", "d365"]);
    expect(text.out).toContain(report.message);
    expect(report.summary.sapRuleErrors).toBe(report.sections[2]?.items.flatMap((i) => i.details).filter((d) => (d as { kind: string; severity: string }).kind === "finding" && (d as { severity: string }).severity === "error").length);
    expect(report.summary.failed).toBe(0);
  });
});

describe("--format json works for every command", () => {
  it.each([
    ["validate", ["validate", "--entity", "lot", "--format", "json", path.join(examples, "lot.json")], (v: unknown) => expect(v).toMatchObject({ ok: true, checked: 1 })],
    ["rules", ["rules", "--format", "json"], (v: unknown) => expect(Array.isArray(v)).toBe(true)],
    ["schema", ["schema", "--entity", "lot", "--format", "json"], (v: unknown) => expect(v).toMatchObject({ $id: schemaId("lot") })],
    ["demo", ["demo", "--format", "json"], (v: unknown) => expect(v).toMatchObject({ ok: true })],
  ] as const)("%s", async (_name, args, check) => {
    const r = await cli([...args]);
    expect(r.code).toBe(0);
    check(JSON.parse(r.out));
  });

  it("and says which formats a command has when one is wrong", async () => {
    const r = await cli(["schema", "--entity", "lot", "--format", "text"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--format must be json");
  });
});

describe("200,000 failing items", () => {
  it("validate reports them all, as text and as JSON, without overflowing the stack", async () => {
    const input = JSON.stringify(new Array(200_000).fill(null));
    const text = await cli(["validate", "--entity", "lot", "-"], input);
    expect(text.code).toBe(1);
    expect(text.out.startsWith("✗ stdin: 200000 schema issue(s) in 200000 lot\n")).toBe(true);
    expect(text.out.split("\n").filter(Boolean)).toHaveLength(200_001);
    const json = await cli(["validate", "--entity", "lot", "--format", "json", "-"], input);
    expect((JSON.parse(json.out) as { issues: unknown[] }).issues).toHaveLength(200_000);
  });
});
