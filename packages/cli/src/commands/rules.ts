import { BUILTIN_RULES, SUBJECT_KINDS } from "@mfgsync/validators";
import { formatOf, formatOption, parseCommandArgs } from "../help.js";
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
  description: "Lists every built-in rule of the catalog that `mfgsync validate` runs: its stable id (what profiles and findings name), its default severity, the objects and events it applies to, and what it checks.",
  options: [formatOption(["text", "json"], "text for people; json prints an array of {id, defaultSeverity, appliesTo, description}")],
  examples: [
    ["mfgsync rules", "the catalog as a table"],
    ["mfgsync rules --format json | jq -r '.[].id'", "every rule id, for a profile"],
  ],
  async run(args, io) {
    const { values } = parseCommandArgs(rulesCommand, args);
    const format = formatOf(rulesCommand, values);
    const rules = BUILTIN_RULES.map((rule) => ({ id: rule.id, defaultSeverity: rule.defaultSeverity, appliesTo: [...rule.appliesTo], description: rule.description }));
    if (format === "json") {
      io.out(JSON.stringify(rules, null, 2) + "\n");
      return 0;
    }
    const width = rules.reduce((max, rule) => Math.max(max, rule.id.length), 0);
    const lines = rules.map((rule) => `${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.description}\n${" ".repeat(width + 11)}applies to: ${appliesToText(rule.appliesTo)}`);
    io.out(`${lines.join("\n")}\n${rules.length} rules. Severities and options are set per profile (mfgsync validate --profile FILE).\n`);
    return 0;
  },
};
