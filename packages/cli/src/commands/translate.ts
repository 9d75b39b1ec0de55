import type { Issue } from "@mfgsync/canonical";
import type { Mapper, MappingContext, TranslationLoss } from "@mfgsync/mapping";
import { stringifyWireJson, translate } from "@mfgsync/mapping";
import { EXIT } from "../exit.js";
import { formatIssues, isJsonSyntaxError, parseJson } from "../format.js";
import { formatOf, formatOption, parseCommandArgs } from "../help.js";
import type { CliIo } from "../io.js";
import { UsageError, readInput } from "../io.js";
import type { MapEntity } from "../vendors.js";
import { MAP_ENTITIES, vendorNamed, vendorNames } from "../vendors.js";
import type { Command } from "./types.js";

async function readContext(io: CliIo, file: string | undefined, option: string): Promise<MappingContext | undefined> {
  if (file === undefined) return undefined;
  const json = parseJson(await readInput(io, file, `${option} file`));
  if (!json.ok || typeof json.value !== "object" || json.value === null || Array.isArray(json.value)) throw new UsageError(`${option} ${file} must be a JSON object (a mapping context)`);
  return json.value as MappingContext;
}

function lossesText(losses: readonly { readonly path: string; readonly reason: string }[]): string {
  let width = 1;
  for (const l of losses) width = Math.max(width, l.path.length);
  width = Math.min(48, width);
  return losses.map((l) => `  ${l.path.padEnd(width)}  ${l.reason}\n`).join("");
}

export const translateCommand: Command = {
  name: "translate",
  summary: "translate a payload from one vendor's wire format into another's, through the canonical object",
  usage: `mfgsync translate --from <vendor> --to <vendor> --entity <name> [--from-context FILE] [--to-context FILE] [--keep-foreign-ids] [--format text|json] [FILE|-]`,
  description: "Reads a payload exactly as the --from vendor's API sends it, maps each entity to its canonical object, and writes the --to vendor's entity (one, or an array for a collection) as JSON on standard output. Both legs' issues are reported (decode issues point into the payload, encode issues into the canonical object), and so is what the target cannot hold: fields it declares as known losses and the source vendor's extensions, which stay behind. A new object from another system usually carries that system's identifiers only: --keep-foreign-ids writes them as the target's keys (with a warning) instead of refusing them.",
  operand: ["FILE", "the payload file; - or nothing reads standard input"],
  options: [
    { name: "from", type: "string", value: "VENDOR", description: `the vendor the payload comes from (required): ${vendorNames().join(", ")}` },
    { name: "to", type: "string", value: "VENDOR", description: `the vendor to write for (required): ${vendorNames().join(", ")}` },
    { name: "entity", type: "string", value: "NAME", description: `the canonical object (required): ${MAP_ENTITIES.join(", ")}` },
    { name: "from-context", type: "string", value: "FILE", description: "the mapping context of the source vendor (JSON): plant time zones, unit tables, code tables" },
    { name: "to-context", type: "string", value: "FILE", description: "the mapping context of the target vendor (JSON)" },
    { name: "keep-foreign-ids", type: "boolean", description: "write identifiers of the source system as the target's keys (identifiers.foreign: \"keep\") instead of refusing them" },
    formatOption(["text", "json"], "text: the target entity as JSON on standard output, issues, warnings and losses as text on standard error. json: one report {ok, from, to, entity, file, value, results, issues, warnings, losses} on standard output"),
  ],
  examples: [
    ["mfgsync translate --from sap --to oracle --entity production-order --from-context sap.json --to-context oracle.json order.json", "an SAP production order as an Oracle work order"],
    ["mfgsync translate --from oracle --to d365 --entity lot --keep-foreign-ids --format json lots.json", "Oracle lots as D365 batches, with a JSON report of what did not carry over"],
  ],
  async run(args, io) {
    const { values, operand } = parseCommandArgs(translateCommand, args);
    const names = vendorNames();
    const fromName = values["from"] as string | undefined;
    const toName = values["to"] as string | undefined;
    const entity = values["entity"] as string | undefined;
    if (!fromName || !toName) throw new UsageError(`--from and --to name two vendors (${names.join(", ")})`);
    if (fromName === "canonical" || toName === "canonical") throw new UsageError("translate is vendor to vendor; for canonical objects use mfgsync map");
    const from = vendorNamed(fromName), to = vendorNamed(toName);
    if (!from) throw new UsageError(`unknown vendor ${JSON.stringify(fromName)}; the vendors are: ${names.join(", ")}`);
    if (!to) throw new UsageError(`unknown vendor ${JSON.stringify(toName)}; the vendors are: ${names.join(", ")}`);
    if (!entity || !(MAP_ENTITIES as readonly string[]).includes(entity)) throw new UsageError(`${entity === undefined ? "--entity is required" : `unknown --entity ${JSON.stringify(entity)}`}; the names are: ${MAP_ENTITIES.join(", ")}`);
    const source = from.mappers[entity as MapEntity], target = to.mappers[entity as MapEntity];
    if (!source) throw new UsageError(`the ${from.name} mappers do not cover ${entity} yet`);
    if (!target) throw new UsageError(`the ${to.name} mappers do not cover ${entity} yet`);
    const format = formatOf(translateCommand, values);
    const fromContext = await readContext(io, values["from-context"] as string | undefined, "--from-context");
    let toContext = await readContext(io, values["to-context"] as string | undefined, "--to-context");
    if (values["keep-foreign-ids"] === true) toContext = { ...toContext, identifiers: { ...toContext?.identifiers, foreign: "keep" } };
    const file = operand ?? "-";
    const name = file === "-" ? "stdin" : file;
    const json = parseJson(await readInput(io, file));
    const outcome = json.ok
      ? translate(source as unknown as Mapper<unknown, unknown>, target as unknown as Mapper<unknown, unknown>, json.value, { ...(fromContext ? { fromContext } : {}), ...(toContext ? { toContext } : {}) })
      : json;
    const issues: Issue[] = [];
    const warnings: Issue[] = [];
    const losses: (TranslationLoss & { readonly entity?: number })[] = [];
    const values_: unknown[] = [];
    let collection = false;
    if (!outcome.ok) issues.push(...outcome.issues);
    else {
      collection = "collection" in outcome && outcome.collection;
      outcome.results.forEach((r, i) => {
        const prefix = (p: string) => (r.ok || r.leg === "decode" ? p : collection ? `(entity ${i})${p}` : p);
        warnings.push(...r.warnings);
        for (const l of r.losses) losses.push(collection ? { ...l, entity: i } : l);
        if (r.ok) values_.push(r.value);
        else issues.push(...r.issues.map((x) => ({ ...x, path: prefix(x.path), message: r.leg === "encode" ? `writing for ${to.name}: ${x.message}` : x.message })));
      });
    }
    const ok = issues.length === 0;
    const value = collection ? values_ : values_[0];
    if (format === "json") {
      io.out(stringifyWireJson({ ok, from: from.name, to: to.name, entity, file, ...(ok ? { value } : {}), issues, warnings, losses }, 2) + "\n");
      return ok ? EXIT.ok : EXIT.problems;
    }
    if (warnings.length > 0) io.err(`warnings:\n${formatIssues(warnings)}`);
    if (losses.length > 0) io.err(`not carried over to ${to.name}:\n${lossesText(losses)}`);
    if (!ok) {
      if (isJsonSyntaxError(issues)) io.err(`✗ cannot translate ${name}: ${issues[0]?.message}\n`);
      else io.err(`✗ cannot translate ${name} (${from.name} → ${to.name} ${entity}): ${issues.length} issue(s)\n${formatIssues(issues)}`);
      return EXIT.problems;
    }
    io.out(stringifyWireJson(value, 2) + "\n");
    return EXIT.ok;
  },
};
