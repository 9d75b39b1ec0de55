// The examples (and the frozen 1.0 examples) through the `mfgsync validate` command, as a user runs it:
// schema check, then the rule catalog. Runs the CLI in-process.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { run } from "@mfgsync/cli";
import type { CliIo } from "@mfgsync/cli";
import { ISSUE_CODES, SCHEMA_NAMES } from "@mfgsync/canonical";
import { type Loose, readExample } from "./support.js";

async function validateWithCli(entity: string, file: string, stdin = ""): Promise<{ code: number; report: Loose }> {
  let out = "";
  const io: CliIo = { out: (s) => (out += s), err: (s) => (out += s), readText: async (f) => (f === "-" ? stdin : fs.promises.readFile(f, "utf8")) };
  const code = await run(["validate", "--entity", entity, "--format", "json", file], io);
  return { code, report: JSON.parse(out) as Loose };
}

const examples = fileURLToPath(new URL("../examples/", import.meta.url));
const v10 = fileURLToPath(new URL("./fixtures/v1.0/examples/", import.meta.url));

describe("mfgsync validate", () => {
  it.each(SCHEMA_NAMES)("passes the example %s: schema valid, no error from the rule catalog", async (name) => {
    const { code, report } = await validateWithCli(name, `${examples}${name}.json`);
    expect(report.issues).toEqual([]);
    expect(report.findings.filter((f: Loose) => f.severity === "error")).toEqual([]);
    expect(code).toBe(0);
  });

  it.each(fs.readdirSync(v10).map((f) => f.replace(/\.json$/, "")))("passes the 1.0 example %s", async (name) => {
    const { code, report } = await validateWithCli(name, `${v10}${name}.json`);
    expect(report.issues).toEqual([]);
    expect(code).toBe(0);
  });

  it("refuses an event with an invalid extension attribute name, and accepts valid ones", async () => {
    const event = readExample("lot-shipped") as Loose;
    const bad = await validateWithCli("lot-shipped", "-", JSON.stringify({ ...event, "X-Broker-Time": "now" }));
    expect(bad.code).toBe(1);
    expect(bad.report.issues).toEqual([expect.objectContaining({ path: "/X-Broker-Time", code: ISSUE_CODES.invalidAttributeName })]);
    const good = await validateWithCli("lot-shipped", "-", JSON.stringify({ ...event, traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", tracestate: "x=1" }));
    expect(good.code).toBe(0);
  });

  it("names the version of a newer object in one issue", async () => {
    const lot = readExample("lot") as Loose;
    const { code, report } = await validateWithCli("lot", "-", JSON.stringify({ ...lot, schemaVersion: "1.2", newField: true }));
    expect(code).toBe(1);
    expect(report.issues).toEqual([expect.objectContaining({ path: "/schemaVersion", code: ISSUE_CODES.newerVersion, message: expect.stringContaining('"1.2"') })]);
  });

  it("finds the rule violations of a shipment against a hold, given the lot's holds as context", async () => {
    const lot = readExample("lot") as Loose;
    const shipped = readExample("lot-shipped") as Loose;
    const context = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mfgsync-")), "context.json");
    fs.writeFileSync(context, JSON.stringify({ lots: [{ ...lot, holds: [{ ...lot.holds[0], quantity: undefined }] }] }));
    try {
      let out = "";
      const io: CliIo = { out: (s) => (out += s), err: (s) => (out += s), readText: async (f) => (f === "-" ? JSON.stringify(shipped) : fs.promises.readFile(f, "utf8")) };
      const code = await run(["validate", "--entity", "lot-shipped", "--context", context, "--format", "json", "-"], io);
      expect(code).toBe(1);
      expect((JSON.parse(out) as Loose).findings).toEqual([expect.objectContaining({ ruleId: "lot/hold-blocks", path: "/data/lot", severity: "error" })]);
    } finally {
      fs.rmSync(path.dirname(context), { recursive: true, force: true });
    }
  });
});
