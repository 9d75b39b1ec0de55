/**
 * `pnpm run test:consumer`: installs the packages as a user would and checks them from outside the monorepo.
 *
 * 1. `pnpm pack` every package (after `pnpm run build`); each tarball must carry LICENSE (the repository's),
 *    NOTICE and README.md.
 * 2. A fresh project in a temporary folder installs the tarballs with npm; third-party dependencies
 *    (zod, lossless-json, fp-ts, io-ts, ...) come from the npm registry, as they would for a user.
 * 3. In that project:
 *    - ESM (`.mjs`) and CommonJS (`.cjs`) programs import every package, run an SAP payload through
 *      mapper -> rules -> event, and resolve the data subpaths (schemas, examples, fixtures);
 *    - a TypeScript file that annotates SAP wire types and exports functions returning encoded payloads
 *      (the TS4023 case) compiles with declarations under `node16` and under `bundler` resolution;
 *    - the runtime packages bundle for the browser with esbuild (no Node built-ins);
 *    - the `mfgsync` bin runs (`--help`, `demo`).
 *
 * Options: `--keep` leaves the temporary project in place (its path is printed).
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const keep = process.argv.includes("--keep");
const log = (text: string) => process.stdout.write(`${text}\n`);

interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  bin?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, "utf8")) as T;
const rootPkg = readJson<PackageJson>(path.join(root, "package.json"));

const packages = fs
  .readdirSync(path.join(root, "packages"))
  .filter((d) => fs.existsSync(path.join(root, "packages", d, "package.json")))
  .map((dir) => ({ dir, pkg: readJson<PackageJson>(path.join(root, "packages", dir, "package.json")) }))
  .filter((p) => p.pkg.private !== true);

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_loglevel: "error" } });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; status?: number };
    throw new Error(`${command} ${args.join(" ")} (in ${cwd}) failed with ${e.status}:\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
  }
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`consumer test: ${message}`);
}

// ---------------------------------------------------------------------------
// 1. Pack
// ---------------------------------------------------------------------------

const work = fs.mkdtempSync(path.join(os.tmpdir(), "mfgsync-consumer-"));
const tarballs = path.join(work, "tarballs");
const project = path.join(work, "project");
fs.mkdirSync(tarballs);
fs.mkdirSync(project);

const started = performance.now();
const license = fs.readFileSync(path.join(root, "LICENSE"), "utf8");
const tarballOf = new Map<string, string>();
for (const { dir, pkg } of packages) {
  const pkgDir = path.join(root, "packages", dir);
  check(fs.existsSync(path.join(pkgDir, "dist")), `packages/${dir}/dist is missing: run \`pnpm run build\` first`);
  run("pnpm", ["pack", "--pack-destination", tarballs], pkgDir);
  const file = path.join(tarballs, `${pkg.name.replace("@", "").replace("/", "-")}-${pkg.version}.tgz`);
  check(fs.existsSync(file), `pnpm pack did not write ${file}`);
  const entries = run("tar", ["-tzf", file], work).split("\n");
  for (const required of ["package/LICENSE", "package/NOTICE", "package/README.md", "package/package.json"]) {
    check(entries.includes(required), `${pkg.name}: ${required} is not in the tarball`);
  }
  check(run("tar", ["-xzOf", file, "package/LICENSE"], work) === license, `${pkg.name}: the packed LICENSE is not the repository's`);
  check(!fs.existsSync(path.join(pkgDir, "LICENSE")), `${pkg.name}: postpack left a LICENSE copy in the package folder`);
  tarballOf.set(pkg.name, file);
}
log(`packed ${packages.length} packages, each with LICENSE, NOTICE and README.md`);

// ---------------------------------------------------------------------------
// 2. Install into a fresh project
// ---------------------------------------------------------------------------

const thirdParty = ["fp-ts", "io-ts", "fast-check"];
const dependencies: Record<string, string> = {};
for (const [name, file] of tarballOf) dependencies[name] = `file:${path.relative(project, file)}`;
for (const name of thirdParty) dependencies[name] = rootPkg.devDependencies?.[name] ?? "*";
// Packed packages depend on each other by version; the overrides point those at the tarballs too.
const overrides = Object.fromEntries([...tarballOf.keys()].map((name) => [name, `$${name}`]));
fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "mfgsync-consumer", version: "1.0.0", private: true, dependencies, overrides }, null, 2));
run("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock"], project);
for (const name of tarballOf.keys()) check(fs.existsSync(path.join(project, "node_modules", name, "package.json")), `${name} is not installed`);
log(`installed with npm (third-party dependencies from ${run("npm", ["config", "get", "registry"], project).trim()})`);

// ---------------------------------------------------------------------------
// 3a. ESM and CommonJS programs
// ---------------------------------------------------------------------------

const BATCH = {
  d: {
    Material: "FG226", BatchIdentifyingPlant: "1710", Batch: "0000000008", BatchIsMarkedForDeletion: false, MatlBatchIsInRstrcdUseStock: true,
    ShelfLifeExpirationDate: "/Date(1505952000000)/", LastChangeDateTime: "/Date(1474460197123+0000)/",
  },
};

/** The same program for both module systems; `load` is `import` or `require`. */
function program(kind: "esm" | "cjs"): string {
  const imports = kind === "esm"
    ? `import * as canonical from "@mfgsync/canonical";
import * as testing from "@mfgsync/canonical/testing";
import * as validators from "@mfgsync/validators";
import * as mapping from "@mfgsync/mapping";
import * as sap from "@mfgsync/mappers-sap";
import * as oracle from "@mfgsync/mappers-oracle";
import * as d365 from "@mfgsync/mappers-d365";
import * as fp from "@mfgsync/fp";
import * as fpIoTs from "@mfgsync/fp/io-ts";
import * as cli from "@mfgsync/cli";
import { createRequire } from "node:module";
import fs from "node:fs";
import schemaByImport from "@mfgsync/canonical/schemas/production-order.schema.json" with { type: "json" };
const require = createRequire(import.meta.url);
const resolve = (s) => { const viaImport = new URL(import.meta.resolve(s)).pathname; const viaRequire = require.resolve(s); if (fs.realpathSync(viaImport) !== fs.realpathSync(viaRequire)) throw new Error(s); return viaRequire; };
if (schemaByImport.$id !== "https://mfgsync.dev/schemas/v1/production-order.schema.json") throw new Error("JSON import of a schema");`
    : `const canonical = require("@mfgsync/canonical");
const testing = require("@mfgsync/canonical/testing");
const validators = require("@mfgsync/validators");
const mapping = require("@mfgsync/mapping");
const sap = require("@mfgsync/mappers-sap");
const oracle = require("@mfgsync/mappers-oracle");
const d365 = require("@mfgsync/mappers-d365");
const fp = require("@mfgsync/fp");
const fpIoTs = require("@mfgsync/fp/io-ts");
const cli = require("@mfgsync/cli");
const fs = require("node:fs");
const resolve = (s) => require.resolve(s);`;
  return `${imports}
const assert = (ok, what) => { if (!ok) throw new Error("${kind}: " + what); };
const json = (s) => JSON.parse(fs.readFileSync(resolve(s), "utf8"));

// Data subpaths
assert(json("@mfgsync/canonical/schemas/production-order.schema.json").$id === "https://mfgsync.dev/schemas/v1/production-order.schema.json", "schema resolves");
assert(canonical.safeParseLot(json("@mfgsync/canonical/examples/lot.json")).ok, "example resolves and parses");
assert(json("@mfgsync/mappers-sap/fixtures/lot/batch-fg226-restricted.json").d.Batch === "0000000008", "fixture resolves");

// SAP payload -> canonical -> rules -> event -> SAP
const context = { plantTimeZones: { "1710": "America/New_York" } };
const mapped = sap.batchMapper.decodeWire(${JSON.stringify(BATCH)}, context);
assert(mapped.ok && mapped.results[0].ok, "batch decodes");
const lot = mapped.results[0].value;
assert(lot.disposition.value === "Restricted", "disposition");
assert(validators.validate("lot", lot, { context: validators.createInMemoryContext({ plants: ["1710"] }) }).ok, "rules");
const event = canonical.createEvent("lot-created", { source: "urn:mfgsync:sap-s4hana:S4P-100", subject: lot.id.value, time: lot.lastChangedAt, sequence: 1, correlationId: "c-1", data: { lot } });
assert(event.id === canonical.idempotencyKey({ source: "urn:mfgsync:sap-s4hana:S4P-100", objectType: event.type, businessKey: "0000000008", revision: "1" }), "idempotency key");
const overHttp = canonical.safeReadHttpEvent(canonical.toHttpBinary(event));
const overKafka = canonical.safeReadKafkaEvent(canonical.toKafkaStructured(event));
assert(overHttp.ok && overHttp.value.value.id === event.id && overKafka.ok && overKafka.value.value.id === event.id, "CloudEvents HTTP and Kafka bindings");
assert(canonical.uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8") === "2ed6657d-e927-568b-95e1-2665a8aea6a2", "UUID v5 (RFC 9562 test vector)");
const back = sap.batchMapper.encode(lot, context);
assert(back.ok && back.value.MatlBatchIsInRstrcdUseStock === true, "batch encodes");
assert(typeof mapping.compileMapper === "function" && typeof mapping.instantFromWallClock === "function", "mapping");
assert(oracle.VENDOR === "oracle" && d365.VENDOR === "d365", "skeleton packages");
assert(typeof testing.arbitraryLot === "function", "canonical/testing (fast-check peer)");

// fp-ts / io-ts interop
const either = fp.decodeEither(sap.batchMapper, ${JSON.stringify(BATCH.d)}, context);
assert(either._tag === "Right" && either.right.value.id.value === "0000000008", "decodeEither");
assert(fp.parseEither("lot", {})._tag === "Left", "parseEither");
const decoded = fpIoTs.LotCodec.decode(lot);
assert(decoded._tag === "Right", "io-ts decode of a valid lot");
const refused = fpIoTs.LotCodec.decode({ kind: "lot" });
assert(refused._tag === "Left" && fpIoTs.issuesOf(refused.left)[0].code === "field.required", "io-ts decode of an invalid lot");

assert(typeof cli.run === "function", "cli");
console.log("${kind} ok");
`;
}

fs.writeFileSync(path.join(project, "check.mjs"), program("esm"));
fs.writeFileSync(path.join(project, "check.cjs"), program("cjs"));
for (const file of ["check.mjs", "check.cjs"]) {
  const out = run(process.execPath, [file], project);
  check(out.trim() === (file.endsWith(".mjs") ? "esm ok" : "cjs ok"), `${file} printed ${out}`);
}
log("ESM and CommonJS: every package imports; schemas, examples and fixtures resolve; SAP -> canonical -> rules -> event -> SAP and the fp-ts/io-ts interop work");

// ---------------------------------------------------------------------------
// 3b. TypeScript, node16 and bundler resolution, with declarations
// ---------------------------------------------------------------------------

const TYPED = `import type { Lot } from "@mfgsync/canonical";
import { batchMapper, productionOrderMapper } from "@mfgsync/mappers-sap";
import type { A_ProductionOrder_2, Batch, SapEntitySet } from "@mfgsync/mappers-sap";
import type { MapResult } from "@mfgsync/mapping";
import { encodeEither } from "@mfgsync/fp";
import { LotCodec } from "@mfgsync/fp/io-ts";
import type { WorkOrder } from "@mfgsync/mappers-oracle";
import type { ProductionOrderHeader } from "@mfgsync/mappers-d365";

export const oracleOrder: Partial<WorkOrder> = { WorkOrderNumber: "WO-1" };
export const d365Order: Partial<ProductionOrderHeader> = { dataAreaId: "usmf", ProductionOrderNumber: "P000123" };
export const order: A_ProductionOrder_2 = { ManufacturingOrder: "1000000", TotalQuantity: "500" };
export const set: SapEntitySet = "Batch";
// Exported without annotations: the declaration build must be able to name the wire types (TS4023).
export function toSap(lot: Lot) {
  return batchMapper.encode(lot);
}
export function toSapEither(lot: Lot) {
  return encodeEither(batchMapper, lot);
}
export function decodeOrder(payload: unknown) {
  return productionOrderMapper.decode(payload);
}
export const typed: (lot: Lot) => MapResult<Batch> = toSap;
export const codec = LotCodec;
`;
const tsDir = path.join(project, "ts");
fs.mkdirSync(tsDir);
fs.writeFileSync(path.join(tsDir, "consumer.ts"), TYPED);
const tsc = path.join(root, "node_modules/typescript/bin/tsc");
for (const [label, module, moduleResolution] of [["node16", "node16", "node16"], ["bundler", "esnext", "bundler"]] as const) {
  const config = path.join(project, `tsconfig.${label}.json`);
  const outDir = path.join(project, `out-${label}`);
  fs.writeFileSync(config, JSON.stringify({
    compilerOptions: { strict: true, declaration: true, emitDeclarationOnly: true, skipLibCheck: false, types: [], target: "es2022", lib: ["es2022", "dom"], module, moduleResolution, outDir },
    files: ["ts/consumer.ts"],
  }));
  run(process.execPath, [tsc, "-p", config], project);
  const dts = fs.readFileSync(path.join(outDir, "consumer.d.ts"), "utf8");
  check(/MapResult<.*Batch>/.test(dts), `${label}: the emitted declaration does not name the SAP wire type:\n${dts}`);
}
log("TypeScript: SAP, Oracle and D365 wire types import and declarations of encoded payloads emit, under node16 and bundler resolution (skipLibCheck off)");

// ---------------------------------------------------------------------------
// 3c. Browser bundle of the runtime packages
// ---------------------------------------------------------------------------

fs.writeFileSync(path.join(project, "browser.mjs"), `
import { createEvent, safeParseLot, toHttpBinary, safeReadKafkaEvent } from "@mfgsync/canonical";
import { validate } from "@mfgsync/validators";
import { batchMapper } from "@mfgsync/mappers-sap";
import { decodeEither } from "@mfgsync/fp";
import { LotCodec } from "@mfgsync/fp/io-ts";
import { VENDOR as ORACLE } from "@mfgsync/mappers-oracle";
import { VENDOR as D365 } from "@mfgsync/mappers-d365";
globalThis.mfgsync = { createEvent, safeParseLot, toHttpBinary, safeReadKafkaEvent, validate, batchMapper, decodeEither, LotCodec, ORACLE, D365 };
`);
const bundle = await build({
  absWorkingDir: project, entryPoints: ["browser.mjs"], bundle: true, platform: "browser", format: "esm", minify: true, write: false, logLevel: "silent",
});
const code = bundle.outputFiles[0]!.text;
check(!/\bnew Function\(|\beval\(/.test(code), "the browser bundle uses eval or new Function");
log(`browser: the runtime packages bundle with esbuild for the browser (${Math.round(code.length / 1024)} KB minified, no Node built-ins, no eval)`);

// ---------------------------------------------------------------------------
// 3d. The bin
// ---------------------------------------------------------------------------

const bin = path.join(project, "node_modules/.bin/mfgsync");
const helpText = run(bin, ["--help"], project);
check(helpText.includes("Usage: mfgsync") && helpText.includes("<command>") && helpText.includes("translate"), "mfgsync --help");
check(run(bin, ["demo"], project).length > 0, "mfgsync demo");
const version = JSON.parse(fs.readFileSync(path.join(project, "node_modules/@mfgsync/cli/package.json"), "utf8")) as { version: string };
check(run(bin, ["--version"], project).startsWith(`mfgsync ${version.version}`), "mfgsync --version names the installed version");
const mapHelp = run(bin, ["map", "--help"], project);
check(mapHelp.includes("--format") && mapHelp.includes("Examples:") && mapHelp.includes("production-order"), "mfgsync map --help describes its options, entities and examples");
// A bad payload with --format json: the issues as JSON on standard output, exit 1.
const badMap = spawnSync(bin, ["map", "--from", "sap", "--to", "canonical", "--entity", "production-order", "--format", "json"], { cwd: project, input: '{"bad":1', encoding: "utf8" });
const badReport = JSON.parse(badMap.stdout) as { ok: boolean; issues: { code: string }[] };
check(badMap.status === 1 && badReport.ok === false && badReport.issues[0]?.code === "json.invalid", `mfgsync map --format json on a bad payload: exit ${badMap.status}, ${badMap.stdout}`);
log("bin: mfgsync --help, --version, map --help, map --format json (bad payload, exit 1) and mfgsync demo run from the installed package");

log(`consumer test passed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (keep) log(`kept ${work}`);
else fs.rmSync(work, { recursive: true, force: true });
