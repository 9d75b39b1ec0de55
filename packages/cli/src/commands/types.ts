import type { CliIo } from "../io.js";

/** One CLI command. Internal. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}
