import type { CliIo } from "./io.js";
import { UsageError } from "./io.js";
import { COMMANDS } from "./commands/index.js";

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "mfgsync: one shared language for ERP, MES and QMS manufacturing data",
    "",
    "Usage: mfgsync <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Exit codes: 0 ok, 1 the input has problems, 2 usage error.",
    "Run `mfgsync <command> --help` for a command's options.",
    "",
  ].join("\n");
}

/**
 * Runs the `mfgsync` command line with `argv` (without `node` and the script)
 * and returns the exit code: 0 ok, 1 the input has problems, 2 usage error.
 *
 * @example
 * ```ts
 * import { run } from "@mfgsync/cli";
 * const out: string[] = [];
 * const code = await run(["schema", "--entity", "lot"], { out: (s) => out.push(s), err: (s) => out.push(s), readText: async () => "" });
 * ```
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(help());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`mfgsync: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    if (isUsage) {
      io.err(`mfgsync ${command.name}: ${(error as Error).message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    if (["ENOENT", "EISDIR", "EACCES", "ENOTDIR"].includes((error as { code?: string }).code ?? "")) {
      io.err(`mfgsync ${command.name}: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}
