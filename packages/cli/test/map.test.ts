import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough, Readable, Writable } from "node:stream";
import type { CliIo } from "@mfgsync/cli";
import { run } from "@mfgsync/cli";
import { afterAll, describe, expect, it } from "vitest";
import { mapNdjson } from "../src/ndjson.js";

const FIXTURES = path.resolve(import.meta.dirname, "../../mappers-sap/fixtures/production-order");
const ORDER = JSON.stringify(JSON.parse(fs.readFileSync(path.join(FIXTURES, "order-1000000-teco.json"), "utf8")));
const COLLECTION_ONE = JSON.parse(fs.readFileSync(path.join(FIXTURES, "orders-1000123-released-collection.json"), "utf8")) as { d: { results: Record<string, unknown>[] } };
// Two orders in one collection line.
const COLLECTION = JSON.stringify({ d: { results: [...COLLECTION_ONE.d.results, { ...COLLECTION_ONE.d.results[0], ManufacturingOrder: "1000124" }] } });
const CONTEXT = { plantTimeZones: { "1010": "Europe/Berlin", "1710": "America/New_York" } };
const BAD_UNIT = ORDER.replace('"ProductionUnitISOCode":"PCE"', '"ProductionUnitISOCode":"XXX"').replace('"ProductionUnit":"PC"', '"ProductionUnit":"XX"').replace('"ProductionUnitSAPCode":"ST"', '"ProductionUnitSAPCode":"XX"');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mfgsync-map-test-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A writable that keeps what it receives. */
function sink(options: { highWaterMark?: number; slow?: boolean } = {}) {
  const chunks: string[] = [];
  const stream = new Writable({
    highWaterMark: options.highWaterMark ?? 16 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString("utf8"));
      if (options.slow) setTimeout(callback, 1);
      else callback();
    },
  });
  return { stream, text: () => chunks.join(""), lines: () => chunks.join("").split("\n").filter(Boolean) };
}

/** Runs the CLI with its streams and files in memory. */
async function cli(argv: string[], options: { stdin?: string; tty?: boolean } = {}) {
  const out = sink();
  let err = "";
  const io: CliIo = {
    out: (s) => out.stream.write(s),
    err: (s) => (err += s),
    readText: async (file) => fs.promises.readFile(file, "utf8"),
    stdout: out.stream,
    stdin: Readable.from([options.stdin ?? ""]),
    stderrIsTTY: options.tty === true,
  };
  const code = await run(argv, io);
  return { code, out: out.text(), lines: out.lines(), err };
}

const MAP = ["map", "--from", "sap", "--to", "canonical", "--entity", "production-order"];

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe("mfgsync map --ndjson", () => {
  const context = write("context.json", JSON.stringify(CONTEXT));

  it("maps every line, sends failed lines with their issues to the dead-letter file and summarises", async () => {
    const input = write("orders.ndjson", [ORDER, "", BAD_UNIT, "{not json", COLLECTION, ORDER].join("\n") + "\n");
    const dead = path.join(dir, "dead.ndjson");
    const r = await cli([...MAP, "--context", context, "--ndjson", "--dead-letter", dead, input]);
    expect(r.code).toBe(1);
    const objects = r.lines.map((l) => JSON.parse(l) as { kind: string; id: { value: string } });
    const collectionSize = (JSON.parse(COLLECTION) as { d: { results: unknown[] } }).d.results.length;
    expect(objects).toHaveLength(2 + collectionSize);
    expect(objects.every((o) => o.kind === "production-order")).toBe(true);
    expect(objects[0]?.id.value).toBe("1000000");
    const letters = fs.readFileSync(dead, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { line: number; input: string; issues: { code: string; path: string }[] });
    expect(letters.map((l) => l.line)).toEqual([3, 4]);
    expect(letters[0]?.input).toBe(BAD_UNIT);
    expect(letters[0]?.issues.some((i) => i.code === "unit.unknown")).toBe(true);
    expect(letters[1]?.issues[0]?.code).toBe("json.invalid");
    expect(r.err).toMatch(new RegExp(`mapped 3 of 5 lines, ${2 + collectionSize} objects written, 2 failed \\(see .*dead\\.ndjson\\)`));
    expect(r.err).not.toContain("\r"); // no progress bar when stderr is not a terminal
  });

  it("exits 0 when every line maps, reads standard input, and draws a progress bar on a terminal", async () => {
    const r = await cli([...MAP, "--context", context, "--ndjson", "-"], { stdin: `${ORDER}\r\n${ORDER}`, tty: true });
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(2);
    expect(r.err).toContain("\r");
    expect(r.err).toMatch(/mapped 2 of 2 lines, 0 failed/);
  });

  it("without --dead-letter, says how to keep the failed lines", async () => {
    const input = write("bad.ndjson", `${BAD_UNIT}\n`);
    const r = await cli([...MAP, "--context", context, "--ndjson", input]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([]);
    expect(r.err).toContain("use --dead-letter FILE to keep them");
  });

  it("encodes canonical NDJSON back to SAP entities", async () => {
    const first = await cli([...MAP, "--context", context, "--ndjson", write("one.ndjson", ORDER)]);
    const canonical = write("canonical.ndjson", first.out);
    const r = await cli(["map", "--from", "canonical", "--to", "sap", "--entity", "production-order", "--context", context, "--ndjson", canonical]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.lines[0] ?? "{}") as { ManufacturingOrder: string }).ManufacturingOrder).toBe("1000000");
  });

  it("reports a missing input file as a usage problem", async () => {
    const r = await cli([...MAP, "--ndjson", path.join(dir, "nope.ndjson")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("nope.ndjson");
  });
});

describe("mapNdjson", () => {
  const identity = (value: unknown) => ({ ok: true as const, value });

  it("splits lines across chunks, multi-byte characters included, and keeps a last line without newline", async () => {
    const text = '{"a":"Grüße"}\n[1,{"b":2}]\n{"c":"ü"}';
    const bytes = Buffer.from(text, "utf8");
    // One byte per chunk: every line and the two-byte "ü" are split.
    const input = Readable.from(Array.from(bytes, (b) => Buffer.from([b])));
    const out = sink();
    const summary = await mapNdjson({ input, output: out.stream, mapOne: identity });
    // An array line is a collection: one output per element.
    expect(out.lines().map((l) => JSON.parse(l) as unknown)).toEqual([{ a: "Grüße" }, 1, { b: 2 }, { c: "ü" }]);
    expect(summary).toMatchObject({ lines: 3, mapped: 3, failed: 0, skipped: 0, outputs: 4, bytes: bytes.length });
  });

  it("fails a line longer than the limit without keeping it, and goes on", async () => {
    const long = `{"x":"${"a".repeat(5000)}"}`;
    const input = Readable.from([`{"ok":1}\n${long.slice(0, 3000)}`, `${long.slice(3000)}\n{"ok":2}\n`]);
    const out = sink();
    const dead = sink();
    const summary = await mapNdjson({ input, output: out.stream, deadLetter: dead.stream, mapOne: identity, maxLineBytes: 1024 });
    expect(out.lines()).toEqual(['{"ok":1}', '{"ok":2}']);
    const letter = JSON.parse(dead.lines()[0] ?? "{}") as { line: number; inputBytes: number; inputHead: string; issues: { code: string }[] };
    expect(letter).toMatchObject({ line: 2, inputBytes: long.length });
    expect(letter.inputHead.length).toBeLessThanOrEqual(1024);
    expect(letter.issues[0]?.code).toBe("line.too-long");
    expect(summary).toMatchObject({ lines: 3, mapped: 2, failed: 1 });
  });

  it("respects backpressure: a slow consumer slows the reading instead of filling memory", async () => {
    const total = 3000;
    let produced = 0;
    let maxAhead = 0;
    const out = sink({ highWaterMark: 1024, slow: true });
    const input = new Readable({
      highWaterMark: 1024,
      read() {
        const written = out.lines().length;
        maxAhead = Math.max(maxAhead, produced - written);
        if (produced >= total) this.push(null);
        else this.push(`{"n":${produced++},"pad":"${"x".repeat(200)}"}\n`);
      },
    });
    const summary = await mapNdjson({ input, output: out.stream, mapOne: identity });
    expect(out.lines()).toHaveLength(total);
    expect(summary.mapped).toBe(total);
    // Without backpressure the whole input would be read ahead of the slow output.
    expect(maxAhead).toBeLessThan(total / 4);
  });

  it("stops with an error when the output goes away", async () => {
    const output = new PassThrough({ highWaterMark: 64 });
    const input = Readable.from(Array.from({ length: 2000 }, (_, i) => `{"n":${i},"pad":"${"y".repeat(100)}"}\n`));
    const run = mapNdjson({ input, output, mapOne: identity });
    output.destroy();
    await expect(run).rejects.toThrow();
  });

  it("counts blank lines as skipped and reports progress", async () => {
    const seen: number[] = [];
    const summary = await mapNdjson({
      input: Readable.from(["\n  \n", '{"a":1}\n']), output: sink().stream, mapOne: identity, onProgress: (s) => seen.push(s.lines), progressIntervalMs: 0,
    });
    expect(summary).toMatchObject({ lines: 3, mapped: 1, skipped: 2 });
    expect(seen.at(-1)).toBe(3);
  });
});
