// `pnpm exec tsx bench/bundle-size.ts [--json]`: minified (and gzip) sizes of browser bundles of the
// runtime packages, built with esbuild from the sources as a browser app would bundle them. Each entry
// is checked for what the runtime-neutral rule forbids (Node built-ins fail the build; eval and
// new Function are searched for in the output).
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** What a user imports, by entry name. */
export const ENTRIES: Record<string, string> = {
  "canonical events (createEvent, idempotencyKey)": `import { createEvent, idempotencyKey } from "@mfgsync/canonical"; globalThis.x = { createEvent, idempotencyKey };`,
  "canonical uuidV5 alone": `import { uuidV5 } from "@mfgsync/canonical"; globalThis.x = uuidV5;`,
  "canonical (everything)": `import * as c from "@mfgsync/canonical"; globalThis.x = c;`,
};

/**
 * `browserBundleGzipKB`: a browser app that decodes an SAP production order
 * (wire text, with the canonical schema check) and runs the built-in rules on it.
 */
export const SAP_ORDER_APP = `import { productionOrderMapper } from "@mfgsync/mappers-sap";
import { validate } from "@mfgsync/validators";
globalThis.mapAndCheck = (text, context) => {
  const wire = productionOrderMapper.decodeWire(text, context, { validate: true });
  if (!wire.ok) return wire;
  return wire.results.map((r) => (r.ok ? validate("production-order", r.value, { context }) : r));
};`;
ENTRIES["SAP order: decode, schema check, rules"] = SAP_ORDER_APP;

export interface BundleSize {
  readonly entry: string;
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
  readonly evalFree: boolean;
}

export async function bundleSize(entry: string, contents: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "ts", sourcefile: "entry.ts" },
    bundle: true, platform: "browser", format: "esm", minify: true, write: false, logLevel: "silent",
    conditions: ["@mfgsync/source"], absWorkingDir: root,
  });
  const code = result.outputFiles[0]!.contents;
  const text = new TextDecoder().decode(code);
  return { entry, minifiedBytes: code.length, gzipBytes: gzipSync(code).length, evalFree: !/\beval\(|\bnew Function\(/.test(text) };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const sizes: BundleSize[] = [];
  for (const [entry, contents] of Object.entries(ENTRIES)) sizes.push(await bundleSize(entry, contents));
  if (process.argv.includes("--json")) console.log(JSON.stringify(sizes, null, 2));
  else for (const s of sizes) console.log(`${s.entry.padEnd(48)} ${(s.minifiedBytes / 1024).toFixed(1).padStart(7)} KB min ${(s.gzipBytes / 1024).toFixed(1).padStart(6)} KB gzip${s.evalFree ? "" : "  USES EVAL"}`);
}
