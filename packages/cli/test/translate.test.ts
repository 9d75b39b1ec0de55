import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../src/run.js";

const PLUGIN = path.join(import.meta.dirname, "fixtures", "acme-plugin.mjs");
const BATCH = JSON.stringify({ d: { Material: "FG226", BatchIdentifyingPlant: "1010", Batch: "0000000008", ShelfLifeExpirationDate: "/Date(1798675200000)/", BatchBySupplier: "S-77", BatchIsMarkedForDeletion: false, MatlBatchIsInRstrcdUseStock: false } });

async function cli(args: string[], stdin = "") {
  const out: string[] = [], err: string[] = [];
  const code = await run(args, { out: (s) => out.push(s), err: (s) => err.push(s), readText: async () => stdin });
  return { code, out: out.join(""), err: err.join("") };
}

describe("mfgsync translate and plugins", () => {
  it("loads a third-party mapper package with --plugin and translates SAP batches into its lots", async () => {
    const r = await cli(["--plugin", PLUGIN, "translate", "--from", "sap", "--to", "acme", "--entity", "lot", "--keep-foreign-ids", "-"], BATCH);
    expect(r.err).toContain("not carried over to acme");
    expect(r.err).toContain("/plant");
    expect(r.err).toContain("/extensions/sap");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ LotNumber: "0000000008", ItemNumber: "FG226", ExpirationDate: "2026-12-31", SupplierLotNumber: "S-77" });
  });

  it("refuses the source system's identifiers unless asked to keep them, naming the leg", async () => {
    const r = await cli(["--plugin", PLUGIN, "translate", "--from", "sap", "--to", "acme", "--entity", "lot", "--format", "json", "-"], BATCH);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { ok: boolean; issues: { path: string; code: string; message: string }[] };
    expect(report.ok).toBe(false);
    expect(report.issues[0]).toMatchObject({ path: "/id", code: "identifier.scheme" });
    expect(report.issues[0]?.message).toMatch(/^writing for acme/);
  });

  it("reports source issues against the payload, and duplicate keys as such", async () => {
    const bad = await cli(["--plugin", PLUGIN, "translate", "--from", "sap", "--to", "acme", "--entity", "lot", "-"], BATCH.replace('"Batch":"0000000008"', '"Batch":"0000000008","Batch":"9"'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("json.duplicate-key");
    expect(bad.err).toContain('"Batch"');
  });

  it("is a usage error for an unknown vendor, a canonical side or a plugin that is no mapper package", async () => {
    expect((await cli(["translate", "--from", "sap", "--to", "nope", "--entity", "lot"])).code).toBe(2);
    expect((await cli(["translate", "--from", "sap", "--to", "canonical", "--entity", "lot"])).err).toContain("mfgsync map");
    const notAPlugin = await cli(["--plugin", path.join(import.meta.dirname, "translate.test.ts"), "rules"]);
    expect(notAPlugin.code).toBe(2);
    expect(notAPlugin.err).toContain("--plugin");
    expect((await cli(["--plugin"])).code).toBe(2);
  });

  it("lists plugin vendors in map too", async () => {
    const r = await cli(["--plugin", PLUGIN, "map", "--from", "acme", "--to", "canonical", "--entity", "lot", "-"], JSON.stringify({ LotNumber: "L1", ItemNumber: "RM-1", ExpirationDate: null, SupplierLotNumber: null }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ kind: "lot", id: { value: "L1", scheme: "acme" } });
  });
});
