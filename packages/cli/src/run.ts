import { SCHEMA_VERSION } from "@mfgsync/canonical";
import { COMMANDS } from "./commands/index.js";
import { EXIT, toFailure } from "./exit.js";
import { commandHelp, exitCodesText } from "./help.js";
import type { CliIo } from "./io.js";
import { cliVersion } from "./io.js";
import { loadPlugin } from "./vendors.js";

function help(): string {
  const width = COMMANDS.reduce((max, c) => Math.max(max, c.name.length), 0);
  return [
    "mfgsync: one shared language for ERP, MES and QMS manufacturing data",
    "",
    "Usage: mfgsync [--plugin MODULE]... <command> [options]",
    "       mfgsync <command> --help    what a command does, its options and examples",
    "       mfgsync --version",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Plugins: --plugin MODULE (or MFGSYNC_PLUGINS=a,b) loads a mapper package whose default export is a",
    "VendorMappers object; its vendor then works with map and translate (see docs/guides/writing-a-mapper.md).",
    "",
    "Exit codes:",
    exitCodesText(),
    "",
  ].join("\n");
}

/** Writes to standard error, whatever happens to it: a failure report must not fail in turn. */
function tell(io: CliIo, text: string): void {
  try {
    io.err(text);
  } catch {
    // Nobody left to tell.
  }
}

/**
 * Runs the `mfgsync` command line with `argv` (without `node` and the script)
 * and returns the exit code: 0 ok, 1 the input has problems, 2 usage error,
 * 66 an input cannot be read, 70 internal error, 73 an output file cannot be
 * created, 74 a write failed midway, 141 standard output was closed (stopped
 * quietly). Never throws, and never prints a stack trace: every failure is
 * one line on `io.err`.
 *
 * @example
 * ```ts
 * import { run } from "@mfgsync/cli";
 * const out: string[] = [];
 * const code = await run(["schema", "--entity", "lot"], { out: (s) => out.push(s), err: (s) => out.push(s), readText: async () => "" });
 * ```
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  // Plugins come first: `mfgsync --plugin @acme/mfgsync-mappers map --from acme …`, and MFGSYNC_PLUGINS (comma-separated).
  const args = [...argv];
  const plugins: string[] = (process.env["MFGSYNC_PLUGINS"] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  while (args[0] === "--plugin" || args[0]?.startsWith("--plugin=") === true) {
    const first = args.shift() as string;
    const value = first === "--plugin" ? args.shift() : first.slice("--plugin=".length);
    if (value === undefined || value === "") {
      tell(io, "mfgsync: --plugin needs a module name or path\n");
      return EXIT.usage;
    }
    plugins.push(value);
  }
  const [name, ...rest] = args;
  const command = COMMANDS.find((c) => c.name === name);
  try {
    for (const plugin of plugins) await loadPlugin(plugin);
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      io.out(help());
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === "--version" || name === "-V" || name === "version") {
      io.out(`mfgsync ${cliVersion()} (canonical schema ${SCHEMA_VERSION})\n`);
      return EXIT.ok;
    }
    if (!command) {
      tell(io, `mfgsync: unknown command ${JSON.stringify(name)}\n\n${help()}`);
      return EXIT.usage;
    }
    if (rest.includes("--help") || rest.includes("-h")) {
      io.out(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(rest, io);
  } catch (error) {
    const failure = toFailure(error);
    const prefix = command ? `mfgsync ${command.name}` : "mfgsync";
    if (failure.exitCode === EXIT.usage && command) tell(io, `${prefix}: ${failure.message}\nUsage: ${command.usage}\n(mfgsync ${command.name} --help shows every option)\n`);
    else if (!failure.quiet) tell(io, `${prefix}: ${failure.message}\n`);
    return failure.exitCode;
  }
}

