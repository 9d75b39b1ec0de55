import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEvent } from "@mfgsync/canonical";
import { BUILTIN_RULES } from "@mfgsync/validators";
import { cli } from "./helpers.js";

const order = {
  schemaVersion: "1.0", kind: "production-order", id: { value: "1000123", scheme: "sap-s4hana" },
  material: { id: { value: "FG-1000", scheme: "sap-s4hana" } }, plant: "1010",
  plannedQuantity: { value: "100", unit: "H87" }, state: { value: "Released" },
  operations: [{ sequence: "0010", state: { value: "Released" } }], components: [],
};

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempJson(value: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mfgsync-cli-"));
  dirs.push(dir);
  const file = path.join(dir, "data.json");
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

describe("mfgsync validate with the rule catalog", () => {
  it("exits 0 for a sound order and 1 with rule findings at error level, reporting rule ids and paths", async () => {
    expect((await cli(["validate", "--entity", "production-order", "-"], JSON.stringify(order))).code).toBe(0);
    const bad = { ...order, operations: [{ sequence: "0020", state: { value: "Released" } }, { sequence: "0010", state: { value: "Released" } }] };
    const r = await cli(["validate", "--entity", "production-order", "--format", "json", "-"], JSON.stringify([order, bad]));
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { ok: boolean; issues: unknown[]; findings: Array<{ ruleId: string; path: string }>; counts: { error: number } };
    expect(report.issues).toEqual([]);
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: "order/operation-sequence", path: "/1/operations/1/sequence" })]);
    expect(report.counts.error).toBe(1);
    const text = await cli(["validate", "--entity", "production-order", "-"], JSON.stringify(bad));
    expect(text.out).toContain("order/operation-sequence");
  });

  it("applies --profile (severities, options) and --context (master data)", async () => {
    const bad = { ...order, operations: [] };
    const lenient = tempJson({ rules: { "order/released-has-operations": "warning" } });
    expect((await cli(["validate", "--entity", "production-order", "-"], JSON.stringify(bad))).code).toBe(1);
    const warned = await cli(["validate", "--entity", "production-order", "--profile", lenient, "-"], JSON.stringify(bad));
    expect(warned.code).toBe(0);
    expect(warned.out).toContain("warning");
    const plants = tempJson({ plants: ["2000"] });
    const unknownPlant = await cli(["validate", "--entity", "production-order", "--context", plants, "--format", "json", "-"], JSON.stringify(order));
    expect(unknownPlant.code).toBe(1);
    expect(JSON.parse(unknownPlant.out).findings).toEqual([expect.objectContaining({ ruleId: "plant/known", path: "/plant" })]);
  });

  it("detects duplicates inside one batch of events", async () => {
    const consumed = createEvent("material-consumed", {
      source: "urn:mfgsync:mes:line-3", subject: "1000123", time: "2026-03-03T10:00:00Z", sequence: 1, correlationId: "t",
      data: { order: { value: "1000123", scheme: "sap-s4hana" }, material: { id: { value: "RM-200", scheme: "sap-s4hana" } }, quantity: { value: "1", unit: "KGM" }, materialUse: "Consumed", occurredAt: "2026-03-03T10:00:00Z" },
    });
    const r = await cli(["validate", "--entity", "material-consumed", "--format", "json", "-"], JSON.stringify([consumed, consumed]));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).findings.map((f: { ruleId: string; path: string }) => `${f.ruleId} ${f.path}`)).toEqual(["event/duplicate /1/id", "event/sequence /1/sequence"]);
  });

  it("exits 2 for an invalid profile or context file, 66 for a missing one", async () => {
    const badProfile = tempJson({ rules: { "order/no-such-rule": "error" } });
    const r = await cli(["validate", "--entity", "production-order", "--profile", badProfile, "-"], JSON.stringify(order));
    expect(r.code).toBe(2);
    expect(r.err).toContain("order/no-such-rule");
    expect((await cli(["validate", "--entity", "lot", "--context", tempJson({ plants: "1010" }), "-"], "{}")).code).toBe(2);
    const missing = await cli(["validate", "--entity", "lot", "--context", "/nonexistent/context.json", "-"], "{}");
    expect(missing.code).toBe(66);
    expect(missing.err).toContain('cannot read --context file "/nonexistent/context.json"');
  });
});

describe("mfgsync rules", () => {
  it("lists the catalog as JSON: id, default severity, applies-to, description", async () => {
    const r = await cli(["rules", "--format", "json"]);
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.out) as Array<{ id: string; defaultSeverity: string; appliesTo: string[]; description: string }>;
    expect(rules.map((rule) => rule.id)).toEqual(BUILTIN_RULES.map((rule) => rule.id));
    expect(rules.find((rule) => rule.id === "lot/restricted-not-used")).toEqual({
      id: "lot/restricted-not-used", defaultSeverity: "error", appliesTo: ["material-consumed", "lot-shipped", "production-order"], description: expect.stringContaining("Restricted"),
    });
  });

  it("lists the catalog as text and refuses unknown formats", async () => {
    const r = await cli(["rules"]);
    expect(r.code).toBe(0);
    for (const rule of BUILTIN_RULES) expect(r.out).toContain(rule.id);
    expect(r.out).toContain("applies to: all events");
    expect((await cli(["rules", "--format", "xml"])).code).toBe(2);
    expect((await cli(["--help"])).out).toContain("rules");
  });
});
