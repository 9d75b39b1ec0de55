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

  it("reports a missing input file in one line, exit 66", async () => {
    const r = await cli([...MAP, "--ndjson", path.join(dir, "nope.ndjson")]);
    expect(r.code).toBe(66);
    expect(r.err).toBe(`mfgsync map: cannot read input file ${JSON.stringify(path.join(dir, "nope.ndjson"))}: no such file or directory (ENOENT)\n`);
  });
});

describe("mapNdjson", () => {
  const identity = (value: unknown) => ({ result: { ok: true as const, value } });

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

  it("fails a line longer than the limit and streams it whole to the dead letters, CRLF terminator left out, and goes on", async () => {
    const long = `{"x":"${"a".repeat(5000)}é"}`;
    // The long line arrives in three chunks, the last one ending in the \r of its CRLF.
    const input = Readable.from([`{"ok":1}\n${long.slice(0, 3000)}`, long.slice(3000, 4001), `${long.slice(4001)}\r`, `\n{"ok":2}\n`]);
    const out = sink();
    const dead = sink();
    const failures: number[] = [];
    const summary = await mapNdjson({ input, output: out.stream, deadLetter: dead.stream, mapOne: identity, maxLineBytes: 1024, onFailure: (line) => failures.push(line) });
    expect(out.lines()).toEqual(['{"ok":1}', '{"ok":2}']);
    const letter = JSON.parse(dead.lines()[0] ?? "{}") as { line: number; inputBytes: number; inputBase64: string; issues: { code: string }[] };
    expect(letter).toMatchObject({ line: 2, inputBytes: Buffer.byteLength(long) });
    expect(Buffer.from(letter.inputBase64, "base64").toString("utf8")).toBe(long);
    expect(letter.issues).toEqual([{ path: "", code: "line.too-long", message: expect.stringContaining(`${Buffer.byteLength(long)} bytes`) }]);
    expect(failures).toEqual([2]);
    expect(summary).toMatchObject({ lines: 3, mapped: 2, failed: 1 });
  });

  it("streams a too-long last line without newline whole, and keeps a \r inside it", async () => {
    const long = `${"b".repeat(2000)}\r${"c".repeat(2000)}`;
    const input = Readable.from([long.slice(0, 2001), long.slice(2001)]);
    const dead = sink();
    await mapNdjson({ input, output: sink().stream, deadLetter: dead.stream, mapOne: identity, maxLineBytes: 100 });
    const letter = JSON.parse(dead.lines()[0] ?? "{}") as { inputBase64: string; inputBytes: number };
    expect(Buffer.from(letter.inputBase64, "base64").toString("latin1")).toBe(long);
    expect(letter.inputBytes).toBe(long.length);
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

describe("mfgsync map: reports", () => {
  const context = write("context-2.json", JSON.stringify(CONTEXT));

  it("--format json prints the issues of a bad payload as JSON on standard output, exit 1", async () => {
    const r = await cli([...MAP, "--context", context, "--format", "json", write("bad-unit.json", BAD_UNIT)]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { ok: boolean; from: string; to: string; entity: string; issues: Array<{ path: string; code: string }>; value?: unknown };
    expect(report).toMatchObject({ ok: false, from: "sap", to: "canonical", entity: "production-order" });
    expect(report.value).toBeUndefined();
    expect(report.issues.some((i) => i.code === "unit.unknown" && i.path.startsWith("/d/"))).toBe(true);
    expect(r.err).toBe("");
  });

  it("--format json gives the value and the warnings of a good payload", async () => {
    const r = await cli([...MAP, "--format", "json", write("order.json", ORDER)]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { ok: boolean; value: { kind: string }; issues: unknown[]; warnings: Array<{ code: string }> };
    expect(report.ok).toBe(true);
    expect(report.value.kind).toBe("production-order");
    expect(report.issues).toEqual([]);
    expect(report.warnings.map((w) => w.code)).toContain("time-zone.default");
  });

  it("says a JSON syntax error is one, with its line and column", async () => {
    const r = await cli([...MAP, write("syntax.json", '{"d": {\n  "ManufacturingOrder": 1000000,\n}}')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^✗ cannot map .*syntax\.json: not valid JSON at line 3, column 1: /);
    expect(r.err).not.toContain("issue(s)");
  });

  it("maps a collection of 200,000 failing entities to a report of every issue, without overflowing the stack", async () => {
    const big = write("big.json", JSON.stringify({ d: { results: Array.from({ length: 200_000 }, () => ({ ManufacturingOrder: 1 })) } }));
    const r = await cli([...MAP, big]);
    expect(r.code).toBe(1);
    const count = Number(/: (\d+) issue\(s\)\n/.exec(r.err)?.[1]);
    expect(count).toBeGreaterThanOrEqual(200_000);
    expect(r.err).toContain("/d/results/199999/ManufacturingOrder");
  });
});

describe("mfgsync map --ndjson: warnings", () => {
  it("counts the mapping warnings by code in the summary, and writes each line's to --warnings, as the single-payload path reports them", async () => {
    const input = write("warned.ndjson", [ORDER, ORDER, BAD_UNIT, ORDER].join("\n") + "\n");
    const warningsFile = path.join(dir, "warnings.ndjson");
    const dead = path.join(dir, "dead-warned.ndjson");
    const r = await cli([...MAP, "--ndjson", "--warnings", warningsFile, "--dead-letter", dead, input]);
    expect(r.code).toBe(1);
    const single = await cli([...MAP, "--format", "json", write("single.json", ORDER)]);
    const expected = (JSON.parse(single.out) as { warnings: Array<{ path: string; code: string; message: string }> }).warnings;
    expect(expected.length).toBeGreaterThan(0);
    const perLine = fs.readFileSync(warningsFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { line: number; warnings: unknown[] });
    expect(perLine.map((l) => l.line)).toEqual([1, 2, 3, 4]);
    for (const entry of perLine) expect(entry.warnings).toEqual(expected);
    const total = expected.length * 4;
    expect(r.err).toContain(`${total} warning(s) on 4 line(s) (each line's in ${warningsFile}):`);
    expect(r.err).toMatch(new RegExp(`\\s${total / expected.length} × ${expected[0]!.code.replace(/\./g, "\\.")}, first on line 1: ${expected[0]!.path}  `));
    // The failed line keeps its warnings beside its issues.
    const letter = JSON.parse(fs.readFileSync(dead, "utf8").trim()) as { line: number; warnings: unknown[] };
    expect(letter.line).toBe(3);
    expect(letter.warnings).toEqual(expected);
  });

  it("with --format json, the summary is one JSON line on standard error, warnings by code included", async () => {
    const r = await cli([...MAP, "--ndjson", "--format", "json", write("warned-2.ndjson", `${ORDER}\n${ORDER}\n`)]);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(2);
    const summary = JSON.parse(r.err) as { lines: number; mapped: number; warnings: number; linesWithWarnings: number; warningsByCode: Array<{ code: string; count: number; first: { line: number } }> };
    expect(summary).toMatchObject({ lines: 2, mapped: 2, linesWithWarnings: 2 });
    expect(summary.warningsByCode.find((w) => w.code === "time-zone.default")).toMatchObject({ count: 2, first: { line: 1 } });
  });
});

describe("mfgsync map --ndjson: dead letters keep the line exactly", () => {
  it("a replay of the dead letters reproduces every failed line byte for byte, invalid UTF-8 included", async () => {
    const lines = [
      Buffer.from(ORDER),
      Buffer.concat([Buffer.from('{"d":{"ManufacturingOrder":"10'), Buffer.from([0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from('"}}')]),
      Buffer.from(BAD_UNIT),
      Buffer.from('{"d":{"Note":"a literal \uFFFD replacement character is fine"'),
      Buffer.from([0xe2, 0x82]), // a truncated € at the end of the input
    ];
    const input = path.join(dir, "raw.ndjson");
    fs.writeFileSync(input, Buffer.concat(lines.flatMap((line, i) => (i < lines.length - 1 ? [line, Buffer.from(i === 2 ? "\r\n" : "\n")] : [line]))));
    const dead = path.join(dir, "dead-raw.ndjson");
    const r = await cli([...MAP, "--context", write("context-3.json", JSON.stringify(CONTEXT)), "--ndjson", "--dead-letter", dead, input]);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(1);
    const letters = fs.readFileSync(dead, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { line: number; input: string; inputBase64?: string; issues: Array<{ code: string; message: string }> });
    expect(letters.map((l) => l.line)).toEqual([2, 3, 4, 5]);
    for (const letter of letters) {
      const replayed = letter.inputBase64 !== undefined ? Buffer.from(letter.inputBase64, "base64") : Buffer.from(letter.input, "utf8");
      expect(replayed.equals(lines[letter.line - 1]!), `line ${letter.line}`).toBe(true);
    }
    expect(letters[0]?.issues).toEqual([{ path: "", code: "encoding.invalid", message: expect.stringContaining("offset 30") }]);
    expect(letters[1]?.inputBase64).toBeUndefined();
    // A valid line that spells U+FFFD itself is no encoding problem (it fails as JSON: it is cut short).
    expect(letters[2]?.inputBase64).toBeUndefined();
    expect(letters[2]?.issues[0]?.code).toBe("json.invalid");
    expect(letters[3]?.issues[0]).toMatchObject({ code: "encoding.invalid", message: expect.stringContaining("offset 0") });
  });

  it("keeps a line whose mapper throws, with what it said, and goes on", async () => {
    const out = sink();
    const dead = sink();
    let calls = 0;
    const summary = await mapNdjson({
      input: Readable.from(['{"a":1}\n{"a":2}\n']), output: out.stream, deadLetter: dead.stream,
      mapOne: (value) => {
        if (++calls === 1) throw new TypeError("boom");
        return { result: { ok: true, value } };
      },
    });
    expect(summary).toMatchObject({ mapped: 1, failed: 1 });
    expect(JSON.parse(dead.lines()[0] ?? "{}")).toMatchObject({ line: 1, input: '{"a":1}', issues: [{ code: "mapping.failed", message: expect.stringContaining("boom") }] });
  });
});
