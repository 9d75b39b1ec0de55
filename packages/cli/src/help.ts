import { parseArgs } from "node:util";
import type { Command, CommandOption } from "./commands/types.js";
import { EXIT_CODES, UsageError } from "./exit.js";

/** `--format`, which every command takes. */
export function formatOption(formats: readonly ("text" | "json")[], description: string): CommandOption {
  return { name: "format", type: "string", value: formats.join("|"), default: formats[0], description };
}

/** Wraps `text` at `width` columns, every line after the first indented by `indent` spaces. */
export function wrap(text: string, indent: number, width = 100): string {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ")) {
      if (line !== "" && indent + line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line === "" ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines.join(`\n${" ".repeat(indent)}`);
}

function optionLabel(option: CommandOption): string {
  return `--${option.name}${option.value ? ` ${option.value}` : ""}`;
}

/** The exit-code table, one line per code. */
export function exitCodesText(indent = "  "): string {
  return EXIT_CODES.map((e) => `${indent}${String(e.code).padStart(3)}  ${wrap(e.meaning, indent.length + 5)}`).join("\n");
}

/** `mfgsync <command> --help`: what it does, every option, examples. */
export function commandHelp(command: Command): string {
  const labels = [...command.options.map(optionLabel), "-h, --help", ...(command.operand ? [command.operand[0]] : [])];
  const width = Math.min(24, labels.reduce((max, label) => Math.max(max, label.length), 0));
  // A label longer than the column puts its text on the next line.
  const row = (label: string, text: string) => `  ${label.length > width ? `${label}\n${" ".repeat(width + 2)}` : label.padEnd(width)}  ${wrap(text, width + 4)}`;
  const lines = [
    `mfgsync ${command.name}: ${command.summary}`,
    "",
    `Usage: ${command.usage}`,
    "",
    wrap(command.description, 0),
    "",
  ];
  if (command.operand) lines.push("Arguments:", row(command.operand[0], command.operand[1]), "");
  lines.push("Options:");
  for (const option of command.options) lines.push(row(optionLabel(option), `${option.description}${option.default !== undefined ? ` (default: ${option.default})` : ""}`));
  lines.push(row("-h, --help", "show this help"), "", "Examples:");
  for (const [example, says] of command.examples) lines.push(`  ${example}`, `      ${wrap(says, 6)}`);
  lines.push("", "Exit codes: 0 ok, 1 the input has problems, 2 usage error; `mfgsync --help` lists them all.", "");
  return lines.join("\n");
}

/** Reads a command's arguments by its own option table: one source for parsing and for `--help`. */
export function parseCommandArgs(command: Command, args: readonly string[]) {
  const options: Record<string, { type: "string" | "boolean"; default?: string | boolean }> = {};
  for (const option of command.options) {
    options[option.name] = option.type === "boolean" ? { type: "boolean", default: false } : { type: "string", ...(option.default !== undefined ? { default: option.default } : {}) };
  }
  const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: command.operand !== undefined, strict: true });
  if (positionals.length > 1) throw new UsageError(`give at most one ${command.operand?.[0] ?? "argument"}`);
  return { values: values as Record<string, string | boolean | undefined>, operand: positionals[0] };
}

/** The `--format` value, checked against what the command offers. */
export function formatOf(command: Command, values: Record<string, string | boolean | undefined>): "text" | "json" {
  const format = values["format"];
  const offered = command.options.find((o) => o.name === "format")?.value?.split("|") ?? ["text"];
  if (typeof format !== "string" || !offered.includes(format)) throw new UsageError(`--format must be ${offered.join(" or ")}`);
  return format as "text" | "json";
}
