import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { createFailure, inputFailure, writeFailure } from "./exit.js";

export { UsageError } from "./exit.js";

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
  /** Writes to standard output (a trailing newline is added by the caller's text). May throw when the output is gone; the command then stops. */
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

/** The process's streams, plus what went wrong with standard output. Internal. */
export interface ProcessIo extends CliIo {
  /** The first error standard output reported (a closed pipe, a full disk), if any. */
  stdoutError(): Error | undefined;
}

/**
 * The process's own streams. Writes to standard output fail asynchronously
 * (an `error` event after `write` returned): the first error is kept, and the
 * next `out` throws it as a failure so that the command stops. Internal.
 */
export function processIo(): ProcessIo {
  let stdoutError: Error | undefined;
  process.stdout.on("error", (error: Error) => {
    stdoutError ??= error;
  });
  // A closed standard error leaves nobody to tell; it must not crash the run either.
  process.stderr.on("error", () => undefined);
  return {
    out: (text) => {
      if (stdoutError !== undefined) throw writeFailure(stdoutError, "standard output");
      process.stdout.write(text);
    },
    err: (text) => {
      if (!process.stderr.destroyed) process.stderr.write(text);
    },
    readText: async (file) => (file === "-" ? readStdin() : fs.promises.readFile(file, "utf8")),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdoutError: () => stdoutError,
  };
}

/** Throws when the process's standard input is no stream of data: Node reads a directory given as `< dir` as empty. Internal. */
export function checkStdin(): void {
  if (fs.fstatSync(0).isDirectory()) throw Object.assign(new Error("standard input is a directory"), { code: "EISDIR" });
}

async function readStdin(): Promise<string> {
  checkStdin();
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads an input file (or standard input for `-`) through `io`; any failure becomes one line and exit 66 or 74. Internal. */
export async function readInput(io: CliIo, file: string, what = "input file"): Promise<string> {
  try {
    return await io.readText(file);
  } catch (error) {
    throw inputFailure(error, what, file);
  }
}

/** The first error of each output file: kept from the moment it is open, so that no error event goes unheard (and none is forgotten). */
const outputErrors = new WeakMap<fs.WriteStream, Error>();

/** Creates (or truncates) an output file and resolves once it is open; a path that cannot be created is exit 73. Internal. */
export function createOutputFile(file: string, what: string): Promise<fs.WriteStream> {
  return new Promise((resolve, reject) => {
    const stream = fs.createWriteStream(file);
    const onError = (error: Error) => reject(createFailure(error, what, file));
    stream.once("error", onError);
    stream.once("open", () => {
      stream.off("error", onError);
      stream.on("error", (error: Error) => {
        if (!outputErrors.has(stream)) outputErrors.set(stream, error);
      });
      resolve(stream);
    });
  });
}

/** Ends an output file and waits until everything is on disk; a write that failed on the way (a full disk) is exit 74. Internal. */
export function closeOutputFile(stream: fs.WriteStream, what: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = () => {
      const error = outputErrors.get(stream);
      if (error) reject(writeFailure(error, what, file));
      return error !== undefined;
    };
    if (failed()) return;
    if (stream.destroyed) {
      resolve();
      return;
    }
    stream.end((error?: Error | null) => {
      if (error) reject(writeFailure(error, what, file));
      else if (!failed()) resolve();
    });
  });
}

/** Directory of a workspace package's files (examples, schemas), wherever it is installed. Internal. */
export function packageDir(name: string): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve(`${name}/package.json`));
}

/** This package's version, from its package.json. Internal. */
export function cliVersion(): string {
  const require = createRequire(import.meta.url);
  return (require("@mfgsync/cli/package.json") as { version: string }).version;
}
