/**
 * Exit codes and the failures that stop a command. Every failure becomes one
 * line on standard error and an exit code from this table: never a stack
 * trace. The codes beyond 2 follow BSD sysexits.h. Internal.
 */

/** The exit codes, by what they mean. */
export const EXIT = {
  ok: 0,
  problems: 1,
  usage: 2,
  noInput: 66,
  internal: 70,
  cannotCreate: 73,
  ioError: 74,
  outputClosed: 141,
} as const;

/** Every exit code with its meaning, as `mfgsync --help` and the READMEs list them. */
export const EXIT_CODES: ReadonlyArray<{ readonly code: number; readonly meaning: string }> = [
  { code: EXIT.ok, meaning: "done; the input is valid (or mapped)" },
  { code: EXIT.problems, meaning: "the input has problems: schema issues, rule errors, lines that failed to map" },
  { code: EXIT.usage, meaning: "usage error: unknown command or option, missing or bad option value" },
  { code: EXIT.noInput, meaning: "an input file (FILE, --context, --profile) or standard input cannot be opened or read (sysexits EX_NOINPUT)" },
  { code: EXIT.internal, meaning: "internal error: a bug in mfgsync, please report it (EX_SOFTWARE)" },
  { code: EXIT.cannotCreate, meaning: "an output file (--dead-letter, --warnings) cannot be created (EX_CANTCREAT)" },
  { code: EXIT.ioError, meaning: "writing or reading failed midway: disk full, I/O error (EX_IOERR)" },
  { code: EXIT.outputClosed, meaning: "standard output was closed by its reader (`| head`): stopped quietly, with the code of a SIGPIPE" },
];

/** A failure that stops the command: its exit code and the one line said about it (none when `quiet`). */
export class CliFailure extends Error {
  override readonly name = "CliFailure";
  constructor(readonly exitCode: number, message: string, readonly quiet = false) {
    super(message);
  }
}

/** A usage error: exit code 2 with the command's usage line. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** A Node.js system error (`ENOENT`, `EPIPE`, ...). */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}

const REASONS: Record<string, string> = {
  ENOENT: "no such file or directory",
  ENOTDIR: "a part of the path is not a directory",
  EISDIR: "is a directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "file name too long",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "file too large",
  EROFS: "read-only file system",
  EIO: "input/output error",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  EBADF: "bad file descriptor",
  EEXIST: "file exists",
  ETXTBSY: "text file busy",
  EPIPE: "the reader went away",
};

/** Why a file operation failed, in words, with the system code to search for: `no such file or directory (ENOENT)`. */
export function reason(error: unknown): string {
  const code = errorCode(error);
  if (code !== undefined && REASONS[code] !== undefined) return `${REASONS[code]} (${code})`;
  return oneLine(error instanceof Error ? error.message : String(error));
}

/** Makes any text one line: a message must not break the "one line per failure" promise. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/** A path as a failure message names it: quoted, and shortened in the middle when it is absurdly long (ENAMETOOLONG). */
export function showPath(file: string): string {
  const text = file.length <= 160 ? file : `${file.slice(0, 100)}…[${file.length - 140} characters]…${file.slice(-40)}`;
  return JSON.stringify(text);
}

/** Errors of opening a file that say the file is not there or not to be had (rather than a failing device). */
const CANNOT_OPEN = new Set(["ENOENT", "ENOTDIR", "EISDIR", "EACCES", "EPERM", "ELOOP", "ENAMETOOLONG", "EMFILE", "ENFILE", "EBADF"]);

/** Reading an input (a FILE, `--context`, `--profile`, or standard input for `-`) failed. */
export function inputFailure(error: unknown, what: string, file: string): CliFailure {
  if (error instanceof CliFailure) return error;
  const code = errorCode(error);
  const name = file === "-" ? "standard input" : `${what} ${showPath(file)}`;
  return new CliFailure(code !== undefined && CANNOT_OPEN.has(code) ? EXIT.noInput : EXIT.ioError, `cannot read ${name}: ${reason(error)}`);
}

/** Creating an output file (`--dead-letter`, `--warnings`) failed. */
export function createFailure(error: unknown, what: string, file: string): CliFailure {
  return new CliFailure(EXIT.cannotCreate, `cannot create ${what} ${showPath(file)}: ${reason(error)}`);
}

/** Writing failed midway: to a file (named), or to standard output (`file` undefined), where a reader that went away means stop quietly. */
export function writeFailure(error: unknown, what: string, file?: string): CliFailure {
  if (error instanceof CliFailure) return error;
  const code = errorCode(error);
  if (file === undefined && (code === "EPIPE" || code === "ERR_STREAM_DESTROYED" || code === "ERR_STREAM_PREMATURE_CLOSE")) {
    return new CliFailure(EXIT.outputClosed, "standard output was closed", true);
  }
  return new CliFailure(EXIT.ioError, `cannot write ${file === undefined ? what : `${what} ${showPath(file)}`}: ${reason(error)}`);
}

/** Any error a command let escape, as a failure: usage errors, known failures, a closed output; anything else is a bug. */
export function toFailure(error: unknown): CliFailure {
  if (error instanceof CliFailure) return error;
  // Usage messages may list several problems, one per line (an invalid --profile).
  if (error instanceof UsageError || errorCode(error)?.startsWith("ERR_PARSE_ARGS") || errorCode(error) === "PLUGIN") return new CliFailure(EXIT.usage, (error as Error).message);
  if (errorCode(error) === "EPIPE") return new CliFailure(EXIT.outputClosed, "standard output was closed", true);
  const message = error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error);
  return new CliFailure(EXIT.internal, `internal error: ${oneLine(message)} (this is a bug in mfgsync: please report it with the command line)`);
}
