import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.shared.js";

// shims: the CJS build gets `import.meta.url` from `__filename` (the CLI finds its package files through it); without them `require("@mfgsync/cli").run(...)` throws.
// The library entry keeps its dependencies external; the `mfgsync` command (bin) is one bundled file, zod and the
// @mfgsync packages included (from their sources), so a cold start reads and compiles one module instead of about
// a hundred (docs/guides/benchmarks.md, "Cold start"). Neither build cleans `dist/` (they run in parallel): `pnpm run build` does.
export default defineConfig([
  { ...packageBuild(["src/index.ts"], "node"), shims: true, clean: false },
  {
    entry: ["src/bin.ts"], format: ["esm"], dts: false, clean: false, sourcemap: true, target: "es2022", platform: "node",
    noExternal: [/.*/], splitting: false,
    esbuildOptions(options) {
      options.conditions = ["@mfgsync/source"];
    },
  },
]);
