// `map --ndjson --jobs N`: worker threads must write exactly what one thread writes. The workers run the built
// dist/worker.js (Node 20 cannot load TypeScript in a worker thread): `pnpm test` builds first (alone: `pnpm run build`).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import type { CliIo } from "@mfgsync/cli";
import { run } from "@mfgsync/cli";
import { afterAll, describe, expect, it } from "vitest";
import { mapNdjson } from "../src/ndjson.js";
import { mapNdjsonParallel } from "../src/parallel.js";
import { mapStep } from "@mfgsync/mapping";
import { productionOrderMapper } from "@mfgsync/mappers-sap";
import { parseJson } from "../src/format.js";

const FIXTURES = path.resolve(import.meta.dirname, "../../mappers-sap/fixtures/production-order");
const ORDER = JSON.stringify(JSON.parse(fs.readFileSync(path.join(FIXTURES, "order-1000000-teco.json"), "utf8")));
const CONTEXT = { plantTimeZones: { "1010": "Europe/Berlin" } };
const BAD_UNIT = ORDER.replace('"ProductionUnitISOCode":"PCE"', '"ProductionUnitISOCode":"XXX"').replace('"ProductionUnit":"PC"', '"ProductionUnit":"XX"').replace('"ProductionUnitSAPCode":"ST"', '"ProductionUnitSAPCode":"XX"');
const PLUGIN = path.join(import.meta.dirname, "fixtures", "acme-plugin.mjs");
const MAP = ["map", "--from", "sap", "--to", "canonical", "--entity", "production-order"];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mfgsync-parallel-test-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** About 1.5 MB of every kind of line (several batches, so the workers start): orders, bad units, no JSON, no UTF-8, blank, CRLF; a last line without newline. */
function mixedFile(name: string): string {
  const lines: Buffer[] = [];
  for (let i = 0; i < 500; i++) {
    const order = ORDER.replace('"ManufacturingOrder":"1000000"', `"ManufacturingOrder":"${2000000 + i}"`);
    if (i % 97 === 5) lines.push(Buffer.from(BAD_UNIT));
    else if (i % 89 === 7) lines.push(Buffer.from("{not json"));
    else if (i % 83 === 9) lines.push(Buffer.concat([Buffer.from('{"d":{"x":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}}')]));
    else if (i % 79 === 11) lines.push(Buffer.from("   "));
    else lines.push(Buffer.from(i % 3 === 0 ? `${order}\r` : order));
  }
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.concat(lines.flatMap((l, i) => (i < lines.length - 1 ? [l, Buffer.from("\n")] : [l]))));
  return file;
}

function sink() {
  const chunks: Buffer[] = [];
  const stream = new Writable({ write(chunk: Buffer, _e, callback) { chunks.push(Buffer.from(chunk)); callback(); } });
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

async function cli(argv: string[]) {
  const out = sink();
  let err = "";
  const io: CliIo = { out: (s) => out.stream.write(s), err: (s) => (err += s), readText: async (f) => fs.promises.readFile(f, "utf8"), stdout: out.stream, stdin: Readable.from([""]) };
  const code = await run(argv, io);
  return { code, out: out.text(), err };
}

describe("mfgsync map --ndjson --jobs", () => {
  const input = mixedFile("mixed.ndjson");
  const context = path.join(dir, "context.json");
  fs.writeFileSync(context, JSON.stringify(CONTEXT));

  it("writes the same output, dead letters, warnings and counts with 2 worker threads as with 1 thread", async () => {
    const runs = [];
    for (const jobs of ["1", "2"]) {
      const dead = path.join(dir, `dead-${jobs}.ndjson`);
      const warnings = path.join(dir, `warnings-${jobs}.ndjson`);
      const r = await cli([...MAP, "--context", context, "--ndjson", "--jobs", jobs, "--dead-letter", dead, "--warnings", warnings, "--format", "json", input]);
      const summary = JSON.parse(r.err) as Record<string, unknown>;
      delete summary["seconds"];
      runs.push({ code: r.code, out: r.out, dead: fs.readFileSync(dead, "utf8"), warnings: fs.readFileSync(warnings, "utf8"), summary: JSON.stringify(summary).replaceAll(`-${jobs}.ndjson`, "") });
    }
    const [one, two] = runs;
    expect(one!.code).toBe(1);
    const failing = Array.from({ length: 500 }, (_, i) => i).filter((i) => i % 97 === 5 || i % 89 === 7 || i % 83 === 9).map((i) => i + 1);
    const blank = Array.from({ length: 500 }, (_, i) => i).filter((i) => i % 79 === 11 && !failing.includes(i + 1)).length;
    expect(one!.dead.split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { line: number }).line)).toEqual(failing);
    expect(one!.out.split("\n").filter(Boolean)).toHaveLength(500 - failing.length - blank);
    expect(two).toEqual(one);
  });

  it("streams a too-long line in order between the workers' batches, as one thread does", async () => {
    const long = `{"d":{"Note":"${"n".repeat(300_000)}"}}`;
    const text = [ORDER, long, ...Array.from({ length: 400 }, () => ORDER), long, BAD_UNIT].join("\n") + "\n";
    const outs = [];
    for (const jobs of [1, 2]) {
      const out = sink();
      const dead = sink();
      const step = mapStep(productionOrderMapper, { context: CONTEXT });
      const input = Readable.from(Array.from({ length: Math.ceil(text.length / 65536) }, (_, i) => text.slice(i * 65536, (i + 1) * 65536)));
      const common = { input, output: out.stream, deadLetter: dead.stream, maxLineBytes: 100_000 };
      const summary = jobs === 1
        ? await mapNdjson({ ...common, step })
        : await mapNdjsonParallel({ ...common, jobs, step, parse: parseJson, task: { command: "map", vendor: "sap", direction: "decode", entity: "production-order", context: CONTEXT, plugins: [] } });
      outs.push({ out: out.text(), dead: dead.text(), summary });
    }
    expect(outs[0]!.dead.split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { line: number; issues: { code: string }[] }).issues[0]?.code)).toEqual(["line.too-long", "line.too-long", "unit.unknown"]);
    expect(outs[1]).toEqual(outs[0]);
  });

  it("loads --plugin modules in the worker threads too", async () => {
    const lot = JSON.stringify({ LotNumber: "L1", ItemNumber: "RM-1", ExpirationDate: null, SupplierLotNumber: "S-1", Note: "x".repeat(2000) });
    const file = path.join(dir, "acme.ndjson");
    fs.writeFileSync(file, `${lot}\n`.repeat(1000));
    const args = ["--plugin", PLUGIN, "map", "--from", "acme", "--to", "canonical", "--entity", "lot", "--ndjson"];
    const one = await cli([...args, "--jobs", "1", file]);
    const two = await cli([...args, "--jobs", "2", file]);
    expect(one.err).toContain("mapped 1,000 of 1,000 lines");
    expect(one.code).toBe(0);
    expect(one.out.split("\n").filter(Boolean)).toHaveLength(1000);
    expect(two.code).toBe(0);
    expect(two.out).toBe(one.out);
  });

  it("refuses a bad --jobs, and --jobs without --ndjson", async () => {
    for (const bad of ["0", "two", "1.5", "-1"]) {
      const r = await cli([...MAP, "--ndjson", `--jobs=${bad}`, input]);
      expect(r.code).toBe(2);
      expect(r.err).toContain("--jobs must be a whole number from 1 to 256");
    }
    const r = await cli([...MAP, "--jobs", "2", input]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--jobs needs --ndjson");
  });
});
