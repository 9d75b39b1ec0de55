import { mapStep, stringifyWireJson } from "@mfgsync/mapping";
import fs from "node:fs";
import os from "node:os";
import type { Readable, Writable } from "node:stream";
import type { Issue, Result } from "@mfgsync/canonical";
import type { MappingContext } from "@mfgsync/mapping";
import { EXIT, inputFailure, writeFailure } from "../exit.js";
import { formatIssues, isJsonSyntaxError, parseJson } from "../format.js";
import { formatOf, formatOption, parseCommandArgs } from "../help.js";
import type { CliIo } from "../io.js";
import { UsageError, checkStdin, closeOutputFile, createOutputFile, readInput } from "../io.js";
import type { NdjsonSummary } from "../ndjson.js";
import { NdjsonStreamError, mapNdjson } from "../ndjson.js";
import { mapNdjsonParallel } from "../parallel.js";
import type { MapEntity, WireMapper } from "../vendors.js";
import { MAP_ENTITIES, PLUGIN_URLS, vendorNamed, vendorNames } from "../vendors.js";
import type { Command } from "./types.js";

/** Outcome of mapping one payload: the output (one value, or an array for a collection) plus warnings. */
interface Mapped {
  readonly result: Result<unknown>;
  readonly warnings: readonly Issue[];
}

const prefixed = (issues: readonly Issue[], prefix: string) => issues.map((i) => ({ ...i, path: `${prefix}${i.path}` }));

/** Vendor wire payload (envelope, collection or bare entity; text or parsed) → canonical. */
export function decodePayload(mapper: WireMapper, payload: unknown, context: MappingContext | undefined): Mapped {
  const wire = mapper.decodeWire(payload, context, { validate: true });
  if (!wire.ok) return { result: wire, warnings: [] };
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const values: unknown[] = [];
  for (const r of wire.results) {
    for (const warning of r.warnings) warnings.push(warning);
    if (r.ok) values.push(r.value);
    else for (const issue of r.issues) issues.push(issue);
  }
  if (issues.length > 0) return { result: { ok: false, issues: issues as [Issue, ...Issue[]] }, warnings };
  if (!wire.collection && values.length !== 1) return { result: { ok: false, issues: [{ path: "", code: "payload.empty", message: "the payload holds no entity" }] }, warnings };
  return { result: { ok: true, value: wire.collection ? values : values[0] }, warnings };
}

/** Canonical object (or array of them) → bare vendor entity (or array). */
export function encodePayload(mapper: WireMapper, payload: unknown, context: MappingContext | undefined): Mapped {
  const list = Array.isArray(payload);
  const inputs = list ? payload : [payload];
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const values: unknown[] = [];
  inputs.forEach((input, index) => {
    const r = mapper.encode(input, context);
    const prefix = list ? `/${index}` : "";
    for (const warning of prefixed(r.warnings, prefix)) warnings.push(warning);
    if (r.ok) values.push(r.value);
    else for (const issue of prefixed(r.issues, prefix)) issues.push(issue);
  });
  if (issues.length > 0) return { result: { ok: false, issues: issues as [Issue, ...Issue[]] }, warnings };
  return { result: { ok: true, value: list ? values : values[0] }, warnings };
}

/** A one-line progress bar on stderr (only drawn when stderr is a terminal): bar and percent when the input size is known. */
function progressBar(io: CliIo, totalBytes: number | undefined) {
  const started = Date.now();
  const n = (x: number) => x.toLocaleString("en");
  return (s: NdjsonSummary) => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    let bar = "";
    if (totalBytes !== undefined && totalBytes > 0) {
      const done = Math.min(1, s.bytes / totalBytes);
      const filled = Math.round(done * 24);
      bar = `[${"#".repeat(filled)}${".".repeat(24 - filled)}] ${String(Math.floor(done * 100)).padStart(3)}%  `;
    }
    io.err(`\r  ${bar}${n(s.lines)} lines  ${n(s.mapped)} mapped  ${n(s.failed)} failed  ${n(Math.round(s.lines / seconds))} lines/s `);
  };
}

/** The closing summary on stderr: counts, where the failed lines went, and the warnings by code (what the single-payload path prints, summed up). */
function summaryText(s: NdjsonSummary, files: { deadLetter: string | undefined; warnings: string | undefined }, seconds: number, verb: "mapped" | "valid"): string {
  const n = (x: number) => x.toLocaleString("en");
  const failures = s.failed === 0 ? "" : files.deadLetter !== undefined ? ` (see ${files.deadLetter})` : " (use --dead-letter FILE to keep them)";
  const outputs = s.outputs !== s.mapped ? `, ${n(s.outputs)} objects written` : "";
  const head = verb === "mapped" ? `mapped ${n(s.mapped)} of ${n(s.lines - s.skipped)} lines${outputs}` : `${n(s.mapped)} of ${n(s.lines - s.skipped)} lines valid`;
  let text = `${head}, ${n(s.failed)} failed${failures} in ${seconds.toFixed(1)} s (${n(Math.round(s.lines / Math.max(seconds, 0.001)))} lines/s)\n`;
  if (s.warnings > 0) {
    text += `${n(s.warnings)} warning(s) on ${n(s.linesWithWarnings)} line(s)${files.warnings !== undefined ? ` (each line's in ${files.warnings})` : " (--warnings FILE keeps them line by line)"}:\n`;
    for (const w of s.warningsByCode) text += `  ${n(w.count).padStart(9)} × ${w.code}, first on line ${w.first.line}: ${w.first.path || "/"}  ${w.first.message}\n`;
  }
  return text;
}

/** A failed stream as the one line and exit code the user gets. */
export function streamFailure(error: unknown, files: { deadLetter: string | undefined; warnings: string | undefined; input: string }): unknown {
  if (!(error instanceof NdjsonStreamError)) return error;
  if (error.stream === "input") return inputFailure(error.cause, "input file", files.input);
  if (error.stream === "output") return writeFailure(error.cause, "standard output");
  return writeFailure(error.cause, error.stream === "dead-letter" ? "dead-letter file" : "warnings file", (error.stream === "dead-letter" ? files.deadLetter : files.warnings) ?? "");
}

/** The streams an NDJSON run reads and writes. Internal. */
export interface NdjsonStreams {
  readonly input: Readable;
  readonly output: Writable;
  readonly deadLetter?: Writable;
  readonly warnings?: Writable;
  readonly onProgress?: (summary: NdjsonSummary) => void;
}

/**
 * An NDJSON command's run (map and validate): the input checked before any
 * output file is created, the dead-letter and warnings files, the progress
 * bar, every failed stream as one line, the closing summary; exit 1 when a
 * line failed. Internal.
 */
export async function runNdjson(
  io: CliIo,
  options: { readonly file: string; readonly deadLetterFile: string | undefined; readonly warningsFile: string | undefined; readonly format: "text" | "json"; readonly verb: "mapped" | "valid" },
  run: (streams: NdjsonStreams) => Promise<NdjsonSummary>,
): Promise<number> {
  const { file, deadLetterFile, warningsFile, format } = options;
  // stat first: a missing or unreadable file is reported before any output file is created.
  let totalBytes: number | undefined;
  if (file === "-" && io.stdin === undefined) {
    try {
      checkStdin();
    } catch (error) {
      throw inputFailure(error, "input file", file);
    }
  }
  if (file !== "-") {
    try {
      const stat = await fs.promises.stat(file);
      if (stat.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
      totalBytes = stat.size;
    } catch (error) {
      throw inputFailure(error, "input file", file);
    }
  }
  const files = { deadLetter: deadLetterFile, warnings: warningsFile, input: file };
  const deadLetter = deadLetterFile === undefined ? undefined : await createOutputFile(deadLetterFile, "dead-letter file");
  let warningsOut: fs.WriteStream | undefined;
  try {
    warningsOut = warningsFile === undefined ? undefined : await createOutputFile(warningsFile, "warnings file");
  } catch (error) {
    deadLetter?.destroy();
    throw error;
  }
  const input = file === "-" ? (io.stdin ?? process.stdin) : fs.createReadStream(file);
  const showProgress = io.stderrIsTTY === true;
  const started = Date.now();
  let summary: NdjsonSummary;
  try {
    const streams: NdjsonStreams = {
      input,
      output: io.stdout ?? process.stdout,
      ...(deadLetter ? { deadLetter } : {}),
      ...(warningsOut ? { warnings: warningsOut } : {}),
      ...(showProgress ? { onProgress: progressBar(io, totalBytes) } : {}),
    };
    summary = await run(streams);
    // What is still buffered must reach the disk: a full disk shows here.
    if (deadLetter && deadLetterFile !== undefined) await closeOutputFile(deadLetter, "dead-letter file", deadLetterFile);
    if (warningsOut && warningsFile !== undefined) await closeOutputFile(warningsOut, "warnings file", warningsFile);
  } catch (error) {
    // A reader that went away (`| head`) stops the run quietly; any other failed stream is one line naming it.
    throw streamFailure(error, files);
  } finally {
    deadLetter?.destroy();
    warningsOut?.destroy();
    if (file !== "-") input.destroy();
  }
  if (showProgress) io.err("\n");
  const seconds = (Date.now() - started) / 1000;
  // validate counts its passed lines as `valid`.
  const { lines, mapped, ...counts } = summary;
  const passed = options.verb === "valid" ? { valid: mapped } : { mapped };
  if (format === "json") io.err(JSON.stringify({ lines, ...passed, ...counts, file, deadLetter: deadLetterFile ?? null, warningsFile: warningsFile ?? null, seconds }) + "\n");
  else io.err(summaryText(summary, files, seconds, options.verb));
  return summary.failed > 0 ? EXIT.problems : EXIT.ok;
}

const VENDOR_NAMES = vendorNames;

/** The `--jobs` option of the NDJSON commands. Internal. */
export function jobsOption(what: string) {
  return { name: "jobs", type: "string", value: "N", description: `with --ndjson: ${what} in N worker threads, in parallel (default: the number of cores, ${os.availableParallelism()} here); 1 works in this thread. The output, the dead letters and the summary are the same for any N: lines stay in input order` } as const;
}

/** The `--jobs` value: a whole number ≥ 1 (the cores by default), only with --ndjson. Internal. */
export function jobsOf(values: Record<string, string | boolean | undefined>, ndjson: boolean): number {
  const raw = values["jobs"];
  if (raw === undefined) return os.availableParallelism();
  if (!ndjson) throw new UsageError("--jobs needs --ndjson");
  const jobs = Number(raw);
  if (typeof raw !== "string" || !/^\d+$/.test(raw) || !Number.isSafeInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs must be a whole number from 1 to 256, not ${JSON.stringify(raw)}`);
  return jobs;
}

export const mapCommand: Command = {
  name: "map",
  summary: "map payloads between a vendor's wire format and canonical objects",
  usage: `mfgsync map --from <${VENDOR_NAMES().join("|")}|canonical> --to <canonical|${VENDOR_NAMES().join("|")}> --entity <name> [--context FILE] [--format text|json] [--ndjson [--dead-letter FILE] [--warnings FILE] [--jobs N]] [FILE|-]`,
  description: "Maps a vendor payload exactly as the vendor's API sends it (an OData envelope, a collection or a bare entity) to canonical objects, or canonical objects (one, or an array) to the vendor's entity, and writes the result as JSON on standard output. Mapping warnings (a plant without a configured time zone, a vendor field without a catalog entry) go to standard error. With --ndjson the input is one payload per line, streamed with bounded memory: each output object is one line, lines that fail go to --dead-letter with their issues, and a summary with counts (warnings by code included) ends the run on standard error.",
  operand: ["FILE", "the payload file (NDJSON with --ndjson); - or nothing reads standard input"],
  options: [
    { name: "from", type: "string", value: "SOURCE", description: `what the input is: canonical, or a vendor (${VENDOR_NAMES().join(", ")}) (required)` },
    { name: "to", type: "string", value: "TARGET", description: `what to write: canonical, or a vendor (${VENDOR_NAMES().join(", ")}); one of --from and --to is canonical (required)` },
    { name: "entity", type: "string", value: "NAME", description: `the canonical object (required): ${MAP_ENTITIES.join(", ")}` },
    { name: "context", type: "string", value: "FILE", description: "a mapping context (JSON), e.g. {\"plantTimeZones\": {\"1010\": \"Europe/Berlin\"}}: the plants' time zones for vendor local dates and times" },
    formatOption(["text", "json"], "text: the mapped JSON on standard output, issues and warnings as text on standard error. json: one report {ok, from, to, entity, file, value, issues, warnings} on standard output. With --ndjson the output stays NDJSON and json makes the closing summary one JSON line on standard error"),
    { name: "ndjson", type: "boolean", description: "read one payload per line and write one object per line, streaming" },
    { name: "dead-letter", type: "string", value: "FILE", description: "with --ndjson: write each failed line here as {line, input, inputBase64?, issues, warnings?} (the format is in the CLI README); a replay gives back the line byte for byte" },
    { name: "warnings", type: "string", value: "FILE", description: "with --ndjson: write the mapping warnings of each line here as {line, warnings}" },
    jobsOption("map"),
  ],
  examples: [
    ["mfgsync map --from sap --to canonical --entity production-order --context plants.json order.json", "an SAP A_ProductionOrder_2 payload to a canonical production order"],
    ["mfgsync map --from canonical --to sap --entity lot lot.json", "a canonical lot back to an SAP Batch entity"],
    ["mfgsync map --from sap --to canonical --entity production-order --format json order.json", "a JSON report with the value or the issues, and the warnings"],
    ["mfgsync map --from sap --to canonical --entity lot --ndjson --dead-letter failed.ndjson batches.ndjson > lots.ndjson", "stream a file of SAP batches, one per line, keeping the lines that fail"],
    ["mfgsync map --from sap --to canonical --entity production-order --ndjson --jobs 4 orders.ndjson > orders.canonical.ndjson", "map a large file on four cores; the lines come out in input order"],
  ],
  async run(args, io) {
    const { values, operand } = parseCommandArgs(mapCommand, args);
    const names = VENDOR_NAMES();
    const from = values["from"] as string | undefined;
    const to = values["to"] as string | undefined;
    const entity = values["entity"] as string | undefined;
    if (!from || !to || from === to || (from !== "canonical" && to !== "canonical")) throw new UsageError(`--from and --to must be canonical and a vendor (${names.join(", ")}), one each`);
    const vendorName = from === "canonical" ? to : from;
    const vendor = vendorNamed(vendorName);
    if (!vendor) throw new UsageError(`unknown vendor ${JSON.stringify(vendorName)}; the vendors are: ${names.join(", ")}`);
    if (!entity || !(MAP_ENTITIES as readonly string[]).includes(entity)) throw new UsageError(`${entity === undefined ? "--entity is required" : `unknown --entity ${JSON.stringify(entity)}`}; the names are: ${MAP_ENTITIES.join(", ")}`);
    const mapper = vendor.mappers[entity as MapEntity];
    if (!mapper) throw new UsageError(`the ${vendor.name} mappers do not cover ${entity} yet`);
    const format = formatOf(mapCommand, values);
    const ndjson = values["ndjson"] === true;
    const deadLetterFile = values["dead-letter"] as string | undefined;
    const warningsFile = values["warnings"] as string | undefined;
    if (deadLetterFile !== undefined && !ndjson) throw new UsageError("--dead-letter needs --ndjson");
    if (warningsFile !== undefined && !ndjson) throw new UsageError("--warnings needs --ndjson (without it the warnings are on standard error)");
    const jobs = jobsOf(values, ndjson);
    const file = operand ?? "-";

    let context: MappingContext | undefined;
    const contextFile = values["context"] as string | undefined;
    if (contextFile !== undefined) {
      const json = parseJson(await readInput(io, contextFile, "--context file"));
      if (!json.ok || typeof json.value !== "object" || json.value === null || Array.isArray(json.value)) throw new UsageError(`--context ${contextFile} must be a JSON object (a mapping context)`);
      context = json.value as MappingContext;
    }
    const mapOne = (payload: unknown): Mapped => (from === "canonical" ? encodePayload(mapper, payload, context) : decodePayload(mapper, payload, context));

    if (ndjson) {
      // The library's step: what the single-payload path does (decodePayload, encodePayload), line by line.
      const step = from === "canonical" ? mapStep(mapper, { context }, "encode") : mapStep(mapper, { context });
      const task = { command: "map", vendor: vendor.name, direction: from === "canonical" ? "encode" : "decode", entity, context, plugins: [...PLUGIN_URLS] } as const;
      return runNdjson(io, { file, deadLetterFile, warningsFile, format, verb: "mapped" }, (streams) =>
        jobs === 1 ? mapNdjson({ ...streams, step }) : mapNdjsonParallel({ ...streams, jobs, step, parse: parseJson, task }));
    }

    const text = await readInput(io, file);
    const json = parseJson(text);
    const mapped = json.ok ? mapOne(json.value) : { result: json, warnings: [] };
    const name = file === "-" ? "stdin" : file;
    if (format === "json") {
      const report = { ok: mapped.result.ok, from, to, entity, file, ...(mapped.result.ok ? { value: mapped.result.value } : {}), issues: mapped.result.ok ? [] : mapped.result.issues, warnings: mapped.warnings };
      io.out(JSON.stringify(report, null, 2) + "\n");
      return mapped.result.ok ? EXIT.ok : EXIT.problems;
    }
    if (mapped.warnings.length > 0) io.err(`warnings:\n${formatIssues(mapped.warnings)}`);
    if (!mapped.result.ok) {
      if (isJsonSyntaxError(mapped.result.issues)) io.err(`✗ cannot map ${name}: ${mapped.result.issues[0].message}\n`);
      else io.err(`✗ cannot map ${name} (${from} → ${to} ${entity}): ${mapped.result.issues.length} issue(s)\n${formatIssues(mapped.result.issues)}`);
      return EXIT.problems;
    }
    io.out(stringifyWireJson(mapped.result.value, 2) + "\n");
    return EXIT.ok;
  },
};
