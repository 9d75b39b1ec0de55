import { parseArgs } from "node:util";
import { SCHEMA_NAMES, safeParseEventOf, safeParseObject } from "@mfgsync/canonical";
import type { EventName, Issue, ObjectName, Result } from "@mfgsync/canonical";
import { formatIssues } from "../format.js";
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

export const validateCommand: Command = {
  name: "validate",
  summary: "check a canonical object (or array of them) against its schema",
  usage: "mfgsync validate --entity <material|production-order|lot|inspection|nonconformance|<event>> [--format text|json] [FILE|-]",
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { entity: { type: "string" }, format: { type: "string", default: "text" } },
      allowPositionals: true,
      strict: true,
    });
    const entity = values.entity;
    if (!entity || !(SCHEMA_NAMES as readonly string[]).includes(entity)) throw new UsageError(`--entity must be one of: ${SCHEMA_NAMES.join(", ")}`);
    if (values.format !== "text" && values.format !== "json") throw new UsageError("--format must be text or json");
    if (positionals.length > 1) throw new UsageError("give at most one FILE (or - for standard input)");
    const file = positionals[0] ?? "-";
    const json = parseJson(await io.readText(file));
    const inputs: unknown[] = json.ok ? (Array.isArray(json.value) ? json.value : [json.value]) : [];
    const issues: Issue[] = json.ok ? [] : [...json.issues];
    inputs.forEach((input, index) => {
      const result = checkSchema(entity, input);
      if (!result.ok) for (const issue of result.issues) issues.push(Array.isArray(json.ok && json.value) ? { ...issue, path: `/${index}${issue.path}` } : issue);
    });
    const ok = issues.length === 0;
    if (values.format === "json") {
      io.out(JSON.stringify({ ok, entity, file, checked: inputs.length, issues }, null, 2) + "\n");
    } else if (ok) {
      io.out(`✓ ${file === "-" ? "stdin" : file}: ${inputs.length} ${entity} valid\n`);
    } else {
      io.out(`✗ ${file === "-" ? "stdin" : file}: ${issues.length} issue(s) in ${entity}\n${formatIssues(issues)}`);
    }
    return ok ? 0 : 1;
  },
};
