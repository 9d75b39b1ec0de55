import fs from "node:fs";
import type { CliIo } from "@mfgsync/cli";
import { run } from "@mfgsync/cli";

/** Runs the CLI in-process with captured output; `stdin` is what `-` reads. */
export async function cli(argv: string[], stdin = ""): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = {
    out: (s) => (out += s),
    err: (s) => (err += s),
    readText: async (file) => (file === "-" ? stdin : fs.promises.readFile(file, "utf8")),
  };
  const code = await run(argv, io);
  return { code, out, err };
}
