// `prepack` / `postpack` of every published package: copies the repository's
// LICENSE and NOTICE into the package folder for the tarball and removes them
// afterwards, so that the root files stay the only copy in git.
//
//   node ../../scripts/pack-legal.mjs add      (prepack, run in the package folder)
//   node ../../scripts/pack-legal.mjs remove   (postpack)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const LEGAL_FILES = ["LICENSE", "NOTICE"];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = process.cwd();
const mode = process.argv[2];

if (path.resolve(target) === root) throw new Error("pack-legal runs in a package folder, not in the repository root");
if (mode === "add") {
  for (const file of LEGAL_FILES) fs.copyFileSync(path.join(root, file), path.join(target, file));
} else if (mode === "remove") {
  for (const file of LEGAL_FILES) fs.rmSync(path.join(target, file), { force: true });
} else {
  throw new Error(`usage: pack-legal.mjs add|remove (got ${String(mode)})`);
}
