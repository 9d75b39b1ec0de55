import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.shared.js";

export default defineConfig(packageBuild(["src/index.ts", "src/conformance/index.ts", "src/testing/index.ts"], "neutral"));
