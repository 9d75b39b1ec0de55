import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Readable, Writable } from "node:stream";

/**
 * Where a command reads and writes. The real process streams in `bin.ts`;
 * tests pass their own.
 *
 * @example
 * ```ts
 * import type { CliIo } from "@mfgsync/cli";
 * const lines: string[] = [];
 * const io: CliIo = { out: (s) => lines.push(s), err: (s) => lines.push(s), readText: async () => "{}" };
 * ```
 */
export interface CliIo {
  /** Writes to standard output (a trailing newline is added by the caller's text). */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** Reads a file, or standard input for `-`. */
  readText(file: string): Promise<string>;
  /** Whether stderr is an interactive terminal (progress bars). */
  readonly stderrIsTTY?: boolean;
  /** Standard input as a stream, for streaming commands (`map --ndjson -`); `process.stdin` when absent. */
  readonly stdin?: Readable;
  /** Standard output as a stream, for streaming commands (`map --ndjson`); `process.stdout` when absent. */
  readonly stdout?: Writable;
}

/** The process's own streams. Internal. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    readText: async (file) => (file === "-" ? readStdin() : fs.promises.readFile(file, "utf8")),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Directory of a workspace package's files (examples, schemas), wherever it is installed. Internal. */
export function packageDir(name: string): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve(`${name}/package.json`));
}

/** A usage error: exit code 2 with a helpful message. Internal. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
