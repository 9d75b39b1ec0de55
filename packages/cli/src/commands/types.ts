import type { CliIo } from "../io.js";

/** One option of a command: what `parseArgs` reads and what `--help` says about it. Internal. */
export interface CommandOption {
  /** The long name, without `--`. */
  readonly name: string;
  readonly type: "string" | "boolean";
  /** The value's placeholder in help (`FILE`, `NAME`). */
  readonly value?: string;
  readonly default?: string;
  /** What it does; the valid values when there is a list. */
  readonly description: string;
}

/** One CLI command. Internal. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** A paragraph or two for `--help`: what the command does, what it reads and writes. */
  readonly description: string;
  /** The positional argument, `[name, description]`, when the command takes one. */
  readonly operand?: readonly [string, string];
  readonly options: readonly CommandOption[];
  /** `[command line, what it does]`; `--help` shows them all. */
  readonly examples: readonly (readonly [string, string])[];
  run(args: readonly string[], io: CliIo): Promise<number>;
}
