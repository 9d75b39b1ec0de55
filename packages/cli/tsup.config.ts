import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.shared.js";

// src/worker.ts is its own entry (dist/worker.js): the worker threads of `map --ndjson --jobs N` load it by path.
// shims: the CJS build gets `import.meta.url` from `__filename` (the CLI finds its package files through it); without them `require("@mfgsync/cli").run(...)` throws.
export default defineConfig({ ...packageBuild(["src/index.ts", "src/bin.ts", "src/worker.ts"], "node"), shims: true });
