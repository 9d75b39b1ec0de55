import { parseArgs } from "node:util";
import { BUILTIN_RULES, SUBJECT_KINDS } from "@mfgsync/validators";
import { UsageError } from "../io.js";
import type { Command } from "./types.js";

const EVENT_KINDS = SUBJECT_KINDS.filter((kind) => !["material", "production-order", "lot", "inspection", "nonconformance"].includes(kind));

function appliesToText(kinds: readonly string[]): string {
  if (SUBJECT_KINDS.every((kind) => kinds.includes(kind))) return "all objects and events";
  if (kinds.length === EVENT_KINDS.length && EVENT_KINDS.every((kind) => kinds.includes(kind))) return "all events";
  return kinds.join(", ");
}

export const rulesCommand: Command = {
  name: "rules",
  summary: "list the validation rule catalog (id, default severity, applies-to, description)",
  usage: "mfgsync rules [--format text|json]",
  async run(args, io) {
    const { values } = parseArgs({ args: [...args], options: { format: { type: "string", default: "text" } }, strict: true });
    if (values.format !== "text" && values.format !== "json") throw new UsageError("--format must be text or json");
    const rules = BUILTIN_RULES.map((rule) => ({ id: rule.id, defaultSeverity: rule.defaultSeverity, appliesTo: [...rule.appliesTo], description: rule.description }));
    if (values.format === "json") {
      io.out(JSON.stringify(rules, null, 2) + "\n");
      return 0;
    }
    const width = Math.max(...rules.map((rule) => rule.id.length));
    const lines = rules.map((rule) => `${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.description}\n${" ".repeat(width + 11)}applies to: ${appliesToText(rule.appliesTo)}`);
    io.out(`${lines.join("\n")}\n${rules.length} rules. Severities and options are set per profile (mfgsync validate --profile FILE).\n`);
    return 0;
  },
};
