import { SCHEMA_NAMES, safeParseEventOf, safeParseObject } from "@mfgsync/canonical";
import type { CanonicalEvent, EventName, Issue, ObjectName, Result } from "@mfgsync/canonical";
import { createInMemoryContext, createValidateStream, formatReport, safeCreateInMemoryContext, safeCreateProfile, validate, validateStep } from "@mfgsync/validators";
import type { Finding, InMemoryContext, Profile } from "@mfgsync/validators";
import { formatIssues, isJsonSyntaxError, parseJson } from "../format.js";
import { formatOf, formatOption, parseCommandArgs } from "../help.js";
import type { CliIo } from "../io.js";
import { UsageError, readInput } from "../io.js";
import { mapNdjson } from "../ndjson.js";
import { mapNdjsonParallel } from "../parallel.js";
import { jobsOf, jobsOption, runNdjson } from "./map.js";
import type { Command } from "./types.js";

export { parseJson } from "../format.js";

const OBJECTS = ["material", "production-order", "lot", "inspection", "nonconformance"];

/** Schema check of one payload (object or event) by name. */
export function checkSchema(entity: string, input: unknown): Result<unknown> {
  return OBJECTS.includes(entity) ? safeParseObject(entity as ObjectName, input) : safeParseEventOf(entity as EventName, input);
}

/** Reads a JSON option file (--profile, --context) and builds it; a file that cannot be read is exit 66, an invalid one a usage error. The JSON is kept for worker threads. */
async function loadOption<T>(io: CliIo, flag: string, file: string, build: (value: unknown) => Result<T>): Promise<{ value: T; json: unknown }> {
  const json = parseJson(await readInput(io, file, `${flag} file`));
  const result = json.ok ? build(json.value) : json;
  if (!result.ok) throw new UsageError(`${flag} ${file} is not valid:\n${formatIssues(result.issues)}`);
  return { value: result.value, json: json.ok ? json.value : undefined };
}

/** The `--entity` check shared with `schema`: every name, in the error as in the help. */
export function schemaEntity(value: unknown): string {
  if (typeof value !== "string" || !(SCHEMA_NAMES as readonly string[]).includes(value)) {
    throw new UsageError(`${value === undefined ? "--entity is required" : `unknown --entity ${JSON.stringify(value)}`}; the names are: ${SCHEMA_NAMES.join(", ")}`);
  }
  return value;
}

export const validateCommand: Command = {
  name: "validate",
  summary: "check canonical objects or events (or arrays of them) against the schema, then the rule catalog",
  usage: "mfgsync validate --entity <name> [--profile FILE] [--context FILE] [--format text|json] [--ndjson [--dead-letter FILE] [--warnings FILE] [--jobs N]] [FILE|-]",
  description: "Reads one JSON document: a canonical object or event, or an array of them (checked element by element, paths prefixed with the index). Each is checked against its schema; what passes goes through the rule catalog, with the severities of --profile and the master data of --context. Accepted events join the context, so a batch sees its own duplicates and sequences. With --ndjson the input is one payload per line, streamed with bounded memory: each valid line is written to standard output (compact JSON, numbers exact), each failed one goes to --dead-letter with its findings as issues (code = rule id, or the schema issue code), warning and info findings go to --warnings, and a summary with counts ends the run on standard error; exit 1 when a line failed. Events are checked in order in one thread (each accepted event joins the context); objects in --jobs worker threads.",
  operand: ["FILE", "the JSON file to check (NDJSON with --ndjson); - or nothing reads standard input"],
  options: [
    { name: "entity", type: "string", value: "NAME", description: `what the input is (required): ${SCHEMA_NAMES.join(", ")}` },
    { name: "profile", type: "string", value: "FILE", description: "a rule profile (JSON): severities and options per rule id, e.g. {\"rules\": {\"order/released-has-operations\": \"warning\"}}" },
    { name: "context", type: "string", value: "FILE", description: "master data for the rules (JSON), e.g. {\"plants\": [\"1010\"]}; without it only the batch's own history is known" },
    formatOption(["text", "json"], "text for people; json prints one report {ok, entity, file, checked, issues, findings, counts} on standard output. With --ndjson the output stays NDJSON and json makes the closing summary one JSON line on standard error"),
    { name: "ndjson", type: "boolean", description: "read one payload per line, write the valid ones one per line, streaming" },
    { name: "dead-letter", type: "string", value: "FILE", description: "with --ndjson: write each failed line here as {line, input, inputBase64?, issues, warnings?} (the format of map, in the CLI README)" },
    { name: "warnings", type: "string", value: "FILE", description: "with --ndjson: write the warning and info findings of each line here as {line, warnings}" },
    jobsOption("check objects"),
  ],
  examples: [
    ["mfgsync validate --entity production-order order.json", "check one order: exit 0 valid, 1 with schema issues or rule errors"],
    ["mfgsync validate --entity lot --format json - < lots.json", "check an array of lots from standard input, report as JSON"],
    ["mfgsync validate --entity material-consumed --profile lenient.json --context plants.json events.json", "check events with your own rule severities and master data"],
    ["mfgsync validate --entity production-order --ndjson --dead-letter rejected.ndjson orders.ndjson > valid.ndjson", "stream a file of orders, one per line: the valid ones to standard output, the others with their findings to rejected.ndjson"],
  ],
  async run(args, io) {
    const { values, operand } = parseCommandArgs(validateCommand, args);
    const entity = schemaEntity(values["entity"]);
    const format = formatOf(validateCommand, values);
    const file = operand ?? "-";
    const profileFile = values["profile"] as string | undefined;
    const contextFile = values["context"] as string | undefined;
    const ndjson = values["ndjson"] === true;
    const deadLetterFile = values["dead-letter"] as string | undefined;
    const warningsFile = values["warnings"] as string | undefined;
    if (deadLetterFile !== undefined && !ndjson) throw new UsageError("--dead-letter needs --ndjson");
    if (warningsFile !== undefined && !ndjson) throw new UsageError("--warnings needs --ndjson (without it the findings are in the report)");
    const isObject = OBJECTS.includes(entity);
    if (values["jobs"] !== undefined && values["jobs"] !== "1" && ndjson && !isObject) throw new UsageError("events are checked in order in one thread (each accepted event joins the context): --jobs must be 1 for events");
    // Events: one thread by default, for the same reason.
    const jobs = isObject ? jobsOf(values, ndjson) : (jobsOf(values, ndjson), 1);
    const loadedProfile = profileFile === undefined ? undefined : await loadOption(io, "--profile", profileFile, safeCreateProfile);
    const profile: Profile | undefined = loadedProfile?.value;
    // Without --context an empty in-memory context still lets a batch see its own history (duplicates, sequences).
    const loadedContext = contextFile === undefined ? undefined : await loadOption(io, "--context", contextFile, safeCreateInMemoryContext);
    const context: InMemoryContext = loadedContext?.value ?? createInMemoryContext();
    if (ndjson) {
      const options = { ...(profile ? { profile } : {}), context };
      const task = { command: "validate", entity, profile: loadedProfile?.json, context: loadedContext?.json } as const;
      return runNdjson(io, { file, deadLetterFile, warningsFile, format, verb: "valid" }, (streams) =>
        jobs === 1
          ? mapNdjson({ ...streams, stream: createValidateStream(entity as ObjectName | EventName, { ...options, parse: parseJson }) })
          : mapNdjsonParallel({ ...streams, jobs, step: validateStep(entity as ObjectName | EventName, options), parse: parseJson, task }));
    }
    const json = parseJson(await readInput(io, file));
    const isArray = json.ok && Array.isArray(json.value);
    const inputs: unknown[] = json.ok ? (Array.isArray(json.value) ? json.value : [json.value]) : [];
    const issues: Issue[] = json.ok ? [] : [...json.issues];
    const findings: Finding[] = [];
    inputs.forEach((input, index) => {
      const prefix = isArray ? `/${index}` : "";
      const result = checkSchema(entity, input);
      if (!result.ok) {
        for (const issue of result.issues) issues.push({ ...issue, path: `${prefix}${issue.path}` });
        return;
      }
      // The rule catalog runs on what passed the schema check; accepted events join the context for the rest of the batch.
      const report = validate(entity as ObjectName | EventName, input, { ...(profile ? { profile } : {}), context });
      for (const finding of report.findings) findings.push({ ...finding, path: `${prefix}${finding.path}` });
      if (!(OBJECTS as readonly string[]).includes(entity) && report.ok) context.record(result.value as CanonicalEvent);
    });
    const counts = { error: 0, warning: 0, info: 0 };
    for (const finding of findings) counts[finding.severity]++;
    const ok = issues.length === 0 && counts.error === 0;
    const name = file === "-" ? "stdin" : file;
    if (format === "json") {
      io.out(JSON.stringify({ ok, entity, file, checked: inputs.length, issues, findings, counts }, null, 2) + "\n");
    } else if (!json.ok && isJsonSyntaxError(issues)) {
      io.out(`✗ ${name}: ${issues[0]?.message}\n`);
    } else if (issues.length > 0) {
      io.out(`✗ ${name}: ${issues.length} schema issue(s) in ${inputs.length === 1 ? entity : `${inputs.length} ${entity}`}\n${formatIssues(issues)}`);
      if (findings.length > 0) io.out(`rule findings in the valid ones:\n${formatReport({ ok, findings, counts })}`);
    } else if (findings.length === 0) {
      io.out(`✓ ${name}: ${inputs.length} ${entity} valid, no rule findings\n`);
    } else {
      io.out(`${ok ? "✓" : "✗"} ${name}: ${inputs.length} ${entity} checked\n${formatReport({ ok, findings, counts })}`);
    }
    return ok ? 0 : 1;
  },
};
