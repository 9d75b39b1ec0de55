import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.shared.js";

// shims: the CJS build gets `import.meta.url` from `__filename` (the CLI finds its package files through it); without them `require("@mfgsync/cli").run(...)` throws.
export default defineConfig({ ...packageBuild(["src/index.ts", "src/bin.ts"], "node"), shims: true });
