import fs from "node:fs";
import { parseArgs } from "node:util";
import type { Issue, Result } from "@mfgsync/canonical";
import type { MappingContext } from "@mfgsync/mapping";
import { formatIssues } from "../format.js";
import type { CliIo } from "../io.js";
import { UsageError } from "../io.js";
import type { NdjsonSummary } from "../ndjson.js";
import { mapNdjson } from "../ndjson.js";
import type { MapEntity, WireMapper } from "../vendors.js";
import { MAP_ENTITIES, VENDORS } from "../vendors.js";
import type { Command } from "./types.js";
import { parseJson } from "./validate.js";

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
    warnings.push(...r.warnings);
    if (r.ok) values.push(r.value);
    else issues.push(...r.issues);
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
    warnings.push(...prefixed(r.warnings, prefix));
    if (r.ok) values.push(r.value);
    else issues.push(...prefixed(r.issues, prefix));
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

/** The closing summary on stderr. */
function summaryLine(s: NdjsonSummary, deadLetter: string | undefined, seconds: number): string {
  const n = (x: number) => x.toLocaleString("en");
  const failures = s.failed === 0 ? "" : deadLetter !== undefined ? ` (see ${deadLetter})` : " (use --dead-letter FILE to keep them)";
  const outputs = s.outputs !== s.mapped ? `, ${n(s.outputs)} objects written` : "";
  return `mapped ${n(s.mapped)} of ${n(s.lines - s.skipped)} lines${outputs}, ${n(s.failed)} failed${failures} in ${seconds.toFixed(1)} s (${n(Math.round(s.lines / Math.max(seconds, 0.001)))} lines/s)\n`;
}

export const mapCommand: Command = {
  name: "map",
  summary: "map payloads between a vendor's wire format and canonical objects",
  usage: `mfgsync map --from <${VENDORS.map((v) => v.name).join("|")}|canonical> --to <canonical|${VENDORS.map((v) => v.name).join("|")}> --entity <${MAP_ENTITIES.join("|")}> [--context FILE] [--ndjson [--dead-letter FILE]] [FILE|-]`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: {
        from: { type: "string" }, to: { type: "string" }, entity: { type: "string" }, context: { type: "string" },
        ndjson: { type: "boolean", default: false }, "dead-letter": { type: "string" },
      },
      allowPositionals: true,
      strict: true,
    });
    const names = VENDORS.map((v) => v.name);
    const { from, to, entity } = values;
    if (!from || !to || from === to || (from !== "canonical" && to !== "canonical")) throw new UsageError(`--from and --to must be canonical and a vendor (${names.join(", ")}), one each`);
    const vendorName = from === "canonical" ? to : from;
    const vendor = VENDORS.find((v) => v.name === vendorName);
    if (!vendor) throw new UsageError(`unknown vendor "${vendorName}"; known: ${names.join(", ")}`);
    if (!entity || !(MAP_ENTITIES as readonly string[]).includes(entity)) throw new UsageError(`--entity must be one of: ${MAP_ENTITIES.join(", ")}`);
    const mapper = vendor.mappers[entity as MapEntity];
    if (!mapper) throw new UsageError(`the ${vendor.name} mappers do not cover ${entity} yet`);
    if (values["dead-letter"] !== undefined && !values.ndjson) throw new UsageError("--dead-letter needs --ndjson");
    if (positionals.length > 1) throw new UsageError("give at most one FILE (or - for standard input)");
    const file = positionals[0] ?? "-";

    let context: MappingContext | undefined;
    if (values.context !== undefined) {
      const json = parseJson(await io.readText(values.context));
      if (!json.ok || typeof json.value !== "object" || json.value === null || Array.isArray(json.value)) throw new UsageError(`--context ${values.context} must be a JSON object (a mapping context)`);
      context = json.value as MappingContext;
    }
    const mapOne = (payload: unknown): Mapped => (from === "canonical" ? encodePayload(mapper, payload, context) : decodePayload(mapper, payload, context));

    if (values.ndjson) {
      // stat first: a missing file is a usage error before any stream is opened.
      const totalBytes = file === "-" ? undefined : (await fs.promises.stat(file)).size;
      const input = file === "-" ? (io.stdin ?? process.stdin) : fs.createReadStream(file);
      const deadLetterFile = values["dead-letter"];
      const deadLetter = deadLetterFile === undefined ? undefined : fs.createWriteStream(deadLetterFile);
      const showProgress = io.stderrIsTTY === true;
      const started = Date.now();
      let summary: NdjsonSummary | undefined;
      try {
        summary = await mapNdjson({
          input,
          output: io.stdout ?? process.stdout,
          ...(deadLetter ? { deadLetter } : {}),
          mapOne: (payload) => mapOne(payload).result,
          ...(showProgress ? { onProgress: progressBar(io, totalBytes) } : {}),
        });
      } catch (error) {
        // The consumer went away (`| head`): stop quietly, like other command-line tools.
        if ((error as { code?: string }).code !== "EPIPE") throw error;
      } finally {
        if (deadLetter) await new Promise<void>((resolve, reject) => deadLetter.end((error?: Error | null) => (error ? reject(error) : resolve())));
        if (file !== "-") input.destroy();
      }
      if (summary === undefined) {
        io.err("mfgsync map: the output was closed; stopped\n");
        return 1;
      }
      if (showProgress) io.err("\n");
      io.err(summaryLine(summary, deadLetterFile, (Date.now() - started) / 1000));
      return summary.failed > 0 ? 1 : 0;
    }

    const text = await io.readText(file);
    const json = parseJson(text);
    const mapped = json.ok ? mapOne(json.value) : { result: json, warnings: [] };
    if (mapped.warnings.length > 0) io.err(`warnings:\n${formatIssues(mapped.warnings)}`);
    if (!mapped.result.ok) {
      io.err(`✗ cannot map ${file === "-" ? "stdin" : file} (${vendor.name} ${entity}): ${mapped.result.issues.length} issue(s)\n${formatIssues(mapped.result.issues)}`);
      return 1;
    }
    io.out(JSON.stringify(mapped.result.value, null, 2) + "\n");
    return 0;
  },
};
