import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SCHEMA_NAMES, SCHEMA_VERSION } from "@mfgsync/canonical";
import { COMMANDS } from "../src/commands/index.js";
import { EXIT_CODES } from "../src/exit.js";
import { parseCommandArgs } from "../src/help.js";
import { MAP_ENTITIES } from "../src/vendors.js";
import { cli } from "./helpers.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "packages/cli/package.json"), "utf8")) as { version: string };

/** The words of an example's command line, up to the first pipe or redirection, quotes removed. */
function exampleArgs(line: string): string[] {
  const words = line.match(/'[^']*'|"[^"]*"|\S+/g) ?? [];
  const end = words.findIndex((w) => ["|", ">", "<", "2>"].includes(w));
  return (end === -1 ? words : words.slice(0, end)).slice(1).map((w) => w.replace(/^['"]|['"]$/g, ""));
}

describe("mfgsync --version", () => {
  it("prints the package version and the canonical schema version", async () => {
    for (const flag of ["--version", "-V"]) {
      const r = await cli([flag]);
      expect(r.code).toBe(0);
      expect(r.out).toBe(`mfgsync ${version} (canonical schema ${SCHEMA_VERSION})\n`);
    }
  });
});

describe("mfgsync --help", () => {
  it("lists every command and every exit code", async () => {
    const r = await cli(["--help"]);
    expect(r.code).toBe(0);
    for (const command of COMMANDS) expect(r.out).toContain(`  ${command.name} `);
    for (const { code, meaning } of EXIT_CODES) expect(r.out).toMatch(new RegExp(`^ +${code}  ${meaning.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "m"));
    expect(r.out).toContain("--version");
  });
});

describe.each(COMMANDS.map((c) => [c.name, c] as const))("mfgsync %s --help", (name, command) => {
  it("describes every option the command reads, and shows examples that parse", async () => {
    const r = await cli([name, "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Usage: ${command.usage}`);
    const options = r.out.slice(r.out.indexOf("\nOptions:\n"), r.out.indexOf("\nExamples:\n"));
    for (const option of command.options) {
      expect(options, `--${option.name}`).toMatch(new RegExp(`^ {2}--${option.name}\\b`, "m"));
      expect(option.description.length).toBeGreaterThan(10);
      expect(options).toContain(option.description.split(" ").slice(0, 4).join(" "));
    }
    expect(command.examples.length).toBeGreaterThan(0);
    const examples = r.out.slice(r.out.indexOf("\nExamples:\n"));
    for (const [line] of command.examples) {
      expect(examples).toContain(`  ${line}\n`);
      expect(line.startsWith(`mfgsync ${name}`)).toBe(true);
      // Every example is a command line the command accepts.
      expect(() => parseCommandArgs(command, exampleArgs(line).slice(1))).not.toThrow();
    }
  });

  it("refuses an option it does not describe (exit 2, pointing at --help)", async () => {
    const r = await cli([name, "--no-such-option"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`mfgsync ${name} --help`);
  });
});

describe("--entity lists the valid names, in the help and in the error", () => {
  it.each([
    ["schema", ["schema"], SCHEMA_NAMES],
    ["validate", ["validate"], SCHEMA_NAMES],
    ["map", ["map", "--from", "sap", "--to", "canonical"], MAP_ENTITIES],
  ] as const)("%s", async (name, args, names) => {
    const help = await cli([name, "--help"]);
    const wrong = await cli([...args, "--entity", "widget"]);
    const missing = await cli([...args]);
    expect(wrong.code).toBe(2);
    expect(missing.code).toBe(2);
    expect(wrong.err).toContain('unknown --entity "widget"');
    expect(missing.err).toContain("--entity is required");
    // The help wraps long lists: compare without line breaks.
    const helpText = help.out.replace(/\s+/g, " ");
    for (const entity of names) {
      expect(helpText).toContain(entity);
      expect(wrong.err).toContain(entity);
      expect(missing.err).toContain(entity);
    }
  });
});

describe("the exit codes are documented wherever the command line is", () => {
  it.each([["the CLI README", "packages/cli/README.md"], ["the root README's command-line section", "README.md"]])("%s", (_label, file) => {
    let text = fs.readFileSync(path.join(ROOT, file), "utf8");
    if (file === "README.md") text = text.slice(text.indexOf("## The command line"), text.indexOf("\n## ", text.indexOf("## The command line") + 3));
    for (const { code } of EXIT_CODES) expect(text, `exit code ${code}`).toMatch(new RegExp(`^\\| ${code} \\|`, "m"));
  });
});
