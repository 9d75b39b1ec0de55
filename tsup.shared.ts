import type { Options } from "tsup";

/**
 * The build every package shares: ESM + CJS + .d.ts for each entry.
 * Runtime packages build for a neutral platform (browsers, edge, Node);
 * only the CLI targets Node.
 */
export function packageBuild(entry: string[], platform: "neutral" | "node" = "neutral"): Options {
  return { entry, format: ["esm", "cjs"], dts: true, clean: true, sourcemap: true, target: "es2022", platform };
}
