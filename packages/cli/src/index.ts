/**
 * The `mfgsync` command line, also callable from code (for tests and for
 * embedding in other tools). Node only.
 *
 * @packageDocumentation
 */
export type { CliIo } from "./io.js";
export { run } from "./run.js";
