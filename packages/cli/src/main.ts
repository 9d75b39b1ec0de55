// The command process: wires run() to the real standard streams and exit code. The launcher (launch.ts) loads
// this module, bundled with its dependencies into dist/main.cjs, through a V8 code cache.
import { COMMANDS } from "./commands/index.js";
import { EXIT, oneLine, writeFailure } from "./exit.js";
import { processIo } from "./io.js";
import { run } from "./run.js";

/** One line on standard error, if it is still there. */
function tell(text: string): void {
  try {
    if (!process.stderr.destroyed) process.stderr.write(text);
  } catch {
    // Nobody left to tell.
  }
}

// The last line of defence for "never a stack trace": anything that escapes is one line and exit 70.
const crash = (error: unknown) => {
  tell(`mfgsync: internal error: ${oneLine(error instanceof Error ? error.message : String(error))} (this is a bug in mfgsync: please report it with the command line)\n`);
  process.exit(EXIT.internal);
};
process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);

const io = processIo();
let finished = false;
let reported = false;

/** Standard output failed after the command had nothing more to write: say so (unless the reader just went away) and change the exit code. */
function reportStdout(error: Error): void {
  if (reported) return;
  reported = true;
  const failure = writeFailure(error, "standard output");
  const name = process.argv[2];
  if (!failure.quiet) tell(`${COMMANDS.some((c) => c.name === name) ? `mfgsync ${name}` : "mfgsync"}: ${failure.message}\n`);
  process.exitCode = failure.exitCode;
}

// Writes fail asynchronously: the error may come after the command returned.
process.stdout.on("error", (error: Error) => {
  if (finished) reportStdout(error);
});

run(process.argv.slice(2), io).then((code) => {
  finished = true;
  process.exitCode = code;
  // The command already reported a failed output (74) or stopped quietly for it (141).
  if (code === EXIT.ioError || code === EXIT.outputClosed) reported = true;
  const error = io.stdoutError();
  if (error !== undefined) reportStdout(error);
}, crash);
