import { parseArgs } from "node:util";
import { SCHEMA_NAMES, safeParseEventOf, safeParseObject } from "@mfgsync/canonical";
import type { CanonicalEvent, EventName, Issue, ObjectName, Result } from "@mfgsync/canonical";
import { createInMemoryContext, formatReport, safeCreateInMemoryContext, safeCreateProfile, validate } from "@mfgsync/validators";
import type { Finding, InMemoryContext, Profile } from "@mfgsync/validators";
import { formatIssues } from "../format.js";
import type { CliIo } from "../io.js";
import { UsageError } from "../io.js";
import type { Command } from "./types.js";

const OBJECTS = ["material", "production-order", "lot", "inspection", "nonconformance"];

/** Schema check of one payload (object or event) by name. */
export function checkSchema(entity: string, input: unknown): Result<unknown> {
  return OBJECTS.includes(entity) ? safeParseObject(entity as ObjectName, input) : safeParseEventOf(entity as EventName, input);
}

/** Parses JSON text into a value or a single issue. */
export function parseJson(text: string): Result<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, issues: [{ path: "", code: "json.invalid", message: `not valid JSON: ${(error as Error).message}` }] };
  }
}

/** Reads a JSON option file (--profile, --context) and builds it; any problem is a usage error. */
async function loadOption<T>(io: CliIo, flag: string, file: string, build: (value: unknown) => Result<T>): Promise<T> {
  const json = parseJson(await io.readText(file));
  const result = json.ok ? build(json.value) : json;
  if (!result.ok) throw new UsageError(`${flag} ${file} is not valid:\n${formatIssues(result.issues)}`);
  return result.value;
}

export const validateCommand: Command = {
  name: "validate",
  summary: "check canonical objects or events (or arrays of them) against the schema, then the rule catalog",
  usage: "mfgsync validate --entity <material|production-order|lot|inspection|nonconformance|<event>> [--profile FILE] [--context FILE] [--format text|json] [FILE|-]",
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { entity: { type: "string" }, format: { type: "string", default: "text" }, profile: { type: "string" }, context: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    const entity = values.entity;
    if (!entity || !(SCHEMA_NAMES as readonly string[]).includes(entity)) throw new UsageError(`--entity must be one of: ${SCHEMA_NAMES.join(", ")}`);
    if (values.format !== "text" && values.format !== "json") throw new UsageError("--format must be text or json");
    if (positionals.length > 1) throw new UsageError("give at most one FILE (or - for standard input)");
    const file = positionals[0] ?? "-";
    const profile: Profile | undefined = values.profile === undefined ? undefined : await loadOption(io, "--profile", values.profile, safeCreateProfile);
    // Without --context an empty in-memory context still lets a batch see its own history (duplicates, sequences).
    const context: InMemoryContext = values.context === undefined ? createInMemoryContext() : await loadOption(io, "--context", values.context, safeCreateInMemoryContext);
    const json = parseJson(await io.readText(file));
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
    if (values.format === "json") {
      io.out(JSON.stringify({ ok, entity, file, checked: inputs.length, issues, findings, counts }, null, 2) + "\n");
    } else if (issues.length > 0) {
      io.out(`✗ ${name}: ${issues.length} schema issue(s) in ${entity}\n${formatIssues(issues)}`);
      if (findings.length > 0) io.out(`rule findings in the valid ones:\n${formatReport({ ok, findings, counts })}`);
    } else if (findings.length === 0) {
      io.out(`✓ ${name}: ${inputs.length} ${entity} valid, no rule findings\n`);
    } else {
      io.out(`${ok ? "✓" : "✗"} ${name}: ${inputs.length} ${entity} checked\n${formatReport({ ok, findings, counts })}`);
    }
    return ok ? 0 : 1;
  },
};
