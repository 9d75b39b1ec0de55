import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import type { CliIo } from "@mfgsync/cli";
import { run } from "@mfgsync/cli";
import { afterAll, describe, expect, it } from "vitest";

const EXAMPLES = path.resolve(import.meta.dirname, "../../canonical/examples");
const example = (name: string) => JSON.stringify(JSON.parse(fs.readFileSync(path.join(EXAMPLES, `${name}.json`), "utf8")));
const LOT = example("lot");
const BROKEN_LOT = LOT.replace('"kind":"lot"', '"kind":"lot","unexpected":1');
const EVENT = example("material-consumed");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mfgsync-validate-ndjson-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

async function cli(argv: string[]) {
  const chunks: Buffer[] = [];
  const stdout = new Writable({ write(chunk: Buffer, _e, callback) { chunks.push(Buffer.from(chunk)); callback(); } });
  let err = "";
  const io: CliIo = { out: (s) => stdout.write(s), err: (s) => (err += s), readText: async (f) => fs.promises.readFile(f, "utf8"), stdout, stdin: Readable.from([""]) };
  const code = await run(argv, io);
  return { code, out: Buffer.concat(chunks).toString("utf8"), err };
}

describe("mfgsync validate --ndjson", () => {
  it("writes the valid lines, sends the others with their findings to the dead letters, and summarises; exit 1", async () => {
    const input = write("lots.ndjson", `${LOT}\n${BROKEN_LOT}\n\n{not json\r\n${LOT}\n`);
    const dead = path.join(dir, "dead.ndjson");
    const r = await cli(["validate", "--entity", "lot", "--ndjson", "--dead-letter", dead, input]);
    expect(r.code).toBe(1);
    expect(r.out.split("\n").filter(Boolean).map((l) => JSON.parse(l) as unknown)).toEqual([JSON.parse(LOT), JSON.parse(LOT)]);
    const letters = fs.readFileSync(dead, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { line: number; input: string; issues: Array<{ code: string; ruleId?: string }> });
    expect(letters.map((l) => [l.line, l.input])).toEqual([[2, BROKEN_LOT], [4, "{not json"]]);
    expect(letters[0]?.issues[0]).toMatchObject({ ruleId: "schema/valid", severity: "error" });
    expect(letters[1]?.issues[0]?.code).toBe("json.invalid");
    expect(r.err).toMatch(/^2 of 4 lines valid, 2 failed \(see .*dead\.ndjson\) in /);
  });

  it("exits 0 when every line is valid; --format json makes the summary one JSON line", async () => {
    const r = await cli(["validate", "--entity", "lot", "--ndjson", "--format", "json", write("good.ndjson", `${LOT}\n${LOT}\n`)]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.err)).toMatchObject({ lines: 2, valid: 2, failed: 0, outputs: 2 });
  });

  it("records accepted events, so a repeated event is a duplicate; its warnings go to --warnings", async () => {
    const dead = path.join(dir, "dead-events.ndjson");
    const warnings = path.join(dir, "warnings-events.ndjson");
    const r = await cli(["validate", "--entity", "material-consumed", "--ndjson", "--dead-letter", dead, "--warnings", warnings, write("events.ndjson", `${EVENT}\n${EVENT}\n`)]);
    expect(r.code).toBe(1);
    expect(r.out.split("\n").filter(Boolean)).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(dead, "utf8"))).toMatchObject({ line: 2, issues: [{ code: "event/duplicate" }] });
    expect(JSON.parse(fs.readFileSync(warnings, "utf8"))).toMatchObject({ line: 2, warnings: [{ code: "event/sequence", severity: "warning" }] });
    expect(r.err).toContain("1 × event/sequence, first on line 2");
  });

  it("refuses --jobs above 1 for events, and the NDJSON options without --ndjson", async () => {
    const events = write("events-2.ndjson", `${EVENT}\n`);
    const r = await cli(["validate", "--entity", "material-consumed", "--ndjson", "--jobs", "2", events]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--jobs must be 1 for events");
    for (const flag of ["--dead-letter", "--warnings"]) {
      const bad = await cli(["validate", "--entity", "lot", flag, path.join(dir, "x.ndjson"), events]);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain(`${flag} needs --ndjson`);
    }
  });

  it("checks objects in worker threads with the same output and dead letters as one thread (the built worker: `pnpm run build` first)", async () => {
    const lines = Array.from({ length: 800 }, (_, i) => (i % 101 === 3 ? BROKEN_LOT : i % 103 === 4 ? "[1" : LOT.replace('"value":"0000012345"', `"value":"${String(i).padStart(10, "0")}"`)));
    const input = write("many-lots.ndjson", lines.join("\n") + "\n");
    expect(fs.statSync(input).size).toBeGreaterThan(1_000_000);
    const runs = [];
    for (const jobs of ["1", "2"]) {
      const dead = path.join(dir, `dead-lots-${jobs}.ndjson`);
      const r = await cli(["validate", "--entity", "lot", "--ndjson", "--jobs", jobs, "--dead-letter", dead, input]);
      runs.push({ code: r.code, out: r.out, dead: fs.readFileSync(dead, "utf8"), summary: r.err.replace(/ in [\d.]+ s \([\d,]+ lines\/s\)/, "").replaceAll(`-${jobs}.ndjson`, "") });
    }
    expect(runs[0]!.code).toBe(1);
    expect(runs[0]!.dead.split("\n").filter(Boolean)).toHaveLength(lines.filter((l) => l === BROKEN_LOT || l === "[1").length);
    expect(runs[1]).toEqual(runs[0]);
  });
});
