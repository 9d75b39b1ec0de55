import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.shared.js";

// src/worker.ts is its own entry (dist/worker.js, external dependencies): the worker threads of `map --ndjson --jobs N` load it by path.
// shims: the CJS builds get `import.meta.url` from `__filename` (the CLI finds its package files through it); without them `require("@mfgsync/cli").run(...)` throws.
// The library entry keeps its dependencies external. The `mfgsync` command is a small launcher (bin.cjs, and bin.js
// for the same from ESM) that loads main.cjs through a V8 code cache; main.cjs is the CLI bundled into one file with
// zod and the @mfgsync packages (from their sources), so a cold start reads and compiles one module instead of about
// a hundred (docs/guides/benchmarks.md, "Cold start"). No build cleans `dist/` (they run in parallel): `pnpm run build` does.
const node = { sourcemap: true, target: "es2022", platform: "node", clean: false, dts: false } as const;
export default defineConfig([
  { ...packageBuild(["src/index.ts", "src/worker.ts"], "node"), shims: true, clean: false },
  {
    ...node, entry: { main: "src/main.ts" }, format: ["cjs"], shims: true, noExternal: [/.*/], splitting: false,
    esbuildOptions(options) {
      options.conditions = ["@mfgsync/source"];
    },
  },
  { ...node, entry: { bin: "src/launch.ts" }, format: ["cjs"] },
  { ...node, entry: { bin: "src/bin.ts" }, format: ["esm"] },
]);
