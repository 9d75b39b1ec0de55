// Vendor mappers as fuzz targets, discovered generically: every vendor of the
// CLI registry, every canonical object it maps, and the JSON fixtures of the
// vendor's package (`packages/mappers-<vendor>/fixtures` or `test/fixtures`),
// each assigned to the mapper that reads it (by folder name, else by trying).
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { CanonicalObject, ObjectName } from "@mfgsync/canonical";
import type { Mapper, MappingContext, VendorMappers } from "@mfgsync/mapping";
import { lossesFor, parseWireJson } from "@mfgsync/mapping";
import { applyKnownLoss, diffJson } from "@mfgsync/mapping/conformance";
import * as fc from "fast-check";
import { REGISTRY } from "../packages/cli/src/vendors.js";
import type { Tally } from "./check.js";
import { THREW, call, checkGlobalPollution, checkResult, foreignPrototype, objectProblem, preview } from "./check.js";
import type { Mutation, TextMutation } from "./mutate.js";
import { applyMutations, applyTextMutation, deepFreeze, mutations, textMutation } from "./mutate.js";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** One JSON fixture file of a vendor package. */
export interface FixtureFile {
  readonly file: string;
  readonly text: string;
  readonly payload: unknown;
}

/** A fuzz target: a name, the arbitrary of its cases and the check of one case. */
export interface Target<C = unknown> {
  readonly name: string;
  readonly group: string;
  /** Seeds (fixtures, examples) the mutations start from. */
  readonly seeds: number;
  /** Remarks for the report (no fixtures, generic arguments). */
  readonly notes: readonly string[];
  readonly cases: fc.Arbitrary<C>;
  check(c: C, tally: Tally): void;
}

/** The package folder of a vendor: `packages/mappers-<name>`, or the package whose name ends in `mappers-<name>`. */
export function vendorPackageDir(name: string): string | undefined {
  const direct = join(ROOT, "packages", `mappers-${name}`);
  if (existsSync(join(direct, "package.json"))) return direct;
  for (const dir of readdirSync(join(ROOT, "packages"))) {
    const pkg = join(ROOT, "packages", dir, "package.json");
    if (!existsSync(pkg)) continue;
    const json = JSON.parse(readFileSync(pkg, "utf8")) as { name?: string };
    if (json.name?.endsWith(`mappers-${name}`)) return join(ROOT, "packages", dir);
  }
  return undefined;
}

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...jsonFiles(path));
    else if (entry.endsWith(".json")) out.push(path);
  }
  return out;
}

/** The JSON fixture files of a vendor package. */
export function vendorFixtures(name: string): FixtureFile[] {
  const dir = vendorPackageDir(name);
  if (dir === undefined) return [];
  const files = [...jsonFiles(join(dir, "fixtures")), ...jsonFiles(join(dir, "test", "fixtures"))];
  const out: FixtureFile[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const parsed = parseWireJson(text);
    if (parsed.ok) out.push({ file: relative(ROOT, file), text, payload: deepFreeze(parsed.value) });
  }
  return out;
}

/** Whether a mapper reads a fixture: every entity of it decodes. */
function reads(mapper: Mapper<unknown, unknown>, fixture: FixtureFile, context: MappingContext): boolean {
  try {
    const r = mapper.decodeWire(fixture.payload, context);
    return r.ok && r.results.length > 0 && r.results.every((x) => x.ok);
  } catch {
    return false;
  }
}

/** Fixtures of each mapper of a vendor (a folder named after the object decides; else every mapper that reads it), and those no mapper reads. */
export function assignFixtures(vendor: VendorMappers, fixtures: readonly FixtureFile[], context: MappingContext): { byObject: Map<string, FixtureFile[]>; unassigned: FixtureFile[] } {
  const byObject = new Map<string, FixtureFile[]>();
  const unassigned: FixtureFile[] = [];
  const objects = Object.keys(vendor.mappers);
  for (const fixture of fixtures) {
    const folders = fixture.file.split(sep);
    const named = objects.find((o) => folders.includes(o));
    const mapper = named === undefined ? undefined : (vendor.mappers[named as ObjectName] as Mapper<unknown, unknown>);
    const owners = mapper !== undefined && reads(mapper, fixture, context) ? [named as string] : objects.filter((o) => reads(vendor.mappers[o as ObjectName] as Mapper<unknown, unknown>, fixture, context));
    if (owners.length === 0) unassigned.push(fixture);
    for (const o of owners) byObject.set(o, [...(byObject.get(o) ?? []), fixture]);
  }
  return { byObject, unassigned };
}

/** Contexts the cases are mapped with: none (UTC with warnings), a zone with DST, an issuer. */
export const CONTEXTS: readonly (MappingContext | undefined)[] = [
  undefined,
  { defaultTimeZone: "Europe/Berlin" },
  { defaultTimeZone: "America/New_York", identifiers: { issuer: "S4P-100" } },
];

interface VendorCase {
  readonly mode: number;
  readonly seed: number;
  readonly context: number;
  readonly muts: readonly Mutation[];
  readonly text: TextMutation;
}

interface EntitySeed {
  readonly fixture: FixtureFile;
  readonly entity: unknown;
  readonly path: string;
}

/** The vendor → canonical → vendor checks of one (mutated) entity. */
export function checkEntity(mapper: Mapper<unknown, unknown>, input: unknown, context: MappingContext | undefined, tally: Tally, where: string, canonicalToo = true): void {
  const decoded = call(tally, `${where} decode`, () => mapper.decode(input, context, { validate: false }));
  if (decoded === THREW) return;
  const [value] = checkResult(decoded, tally, `${where} decode`);
  checkGlobalPollution(tally, `${where} decode`);
  if (value === undefined) return;
  const name = mapper.declaration.canonical as ObjectName;
  const foreign = foreignPrototype(value);
  if (foreign !== undefined) tally.add("pollution", `${where} decode: the object at ${foreign} has a foreign prototype`);
  const problem = objectProblem(name, value);
  if (problem !== undefined) {
    tally.add("okInvalid", `${where} decode (validate: false): ${problem}`);
    return;
  }
  const encoded = call(tally, `${where} encode`, () => mapper.encode(value, context));
  if (encoded === THREW) return;
  if (!encoded.ok) {
    tally.add("notEncodable", `${where} encode of the decoded object: ${encoded.issues.slice(0, 3).map((i) => `${i.path} ${i.code}: ${i.message}`).join("; ")}`);
    return;
  }
  const expected = call(tally, `${where} stripTransport`, () => mapper.profile.stripTransport(input));
  if (expected === THREW) return;
  const vendorDiff = diffJson(expected, encoded.value, 3);
  if (vendorDiff.length > 0) tally.add("roundTrip", `${where} vendor → canonical → vendor differs at ${vendorDiff.join("; ")}`);
  else if (canonicalToo) canonicalLeg(mapper, value, encoded.value, context, tally, where);
}

/** The canonical → vendor → canonical leg: what encode wrote decodes, and to the same object up to the declared losses. */
function canonicalLeg(mapper: Mapper<unknown, unknown>, canonical: unknown, vendor: unknown, context: MappingContext | undefined, tally: Tally, where: string): void {
  const again = call(tally, `${where} decode of the encoded entity`, () => mapper.decode(vendor, context));
  if (again === THREW) return;
  if (!again.ok) {
    tally.add("roundTrip", `${where}: encode wrote an entity decode refuses: ${again.issues.slice(0, 3).map((i) => `${i.path} ${i.code}: ${i.message}`).join("; ")}`);
    return;
  }
  // Equal as they are (the usual case): no need to apply the losses.
  if (diffJson(canonical, again.value, 1).length === 0) return;
  const env = { context: context ?? {}, zoneOf: () => context?.defaultTimeZone ?? "UTC" };
  const losses = mapper.declaration.knownLoss;
  // A declared loss may also make a field appear or vanish (a restricted batch reads with a quality status):
  // a presence difference at a path `lossesFor` names on either side is declared too.
  const lossy = [...lossesFor(mapper.declaration, canonical), ...lossesFor(mapper.declaration, again.value)].map((l) => l.path);
  const diff = diffJson(applyKnownLoss(canonical, losses, env), applyKnownLoss(again.value, losses, env), 20).filter((d) => {
    const path = d.slice(0, d.indexOf(": "));
    return !(d.includes("(absent)") && lossy.some((p) => path === p || path.startsWith(p + "/")));
  });
  if (diff.length > 0) tally.add("roundTrip", `${where} canonical → vendor → canonical differs beyond declared losses at ${diff.slice(0, 3).join("; ")}`);
}

/** The checks of one (mutated) canonical object: encode fails with issues, or writes what decodes back to it. */
export function checkCanonical(mapper: Mapper<unknown, unknown>, input: unknown, context: MappingContext | undefined, tally: Tally, where: string): void {
  const encoded = call(tally, `${where} encode`, () => mapper.encode(input, context));
  if (encoded === THREW) return;
  checkResult(encoded, tally, `${where} encode`);
  checkGlobalPollution(tally, `${where} encode`);
  if (!encoded.ok) return;
  canonicalLeg(mapper, input, encoded.value, context, tally, where);
}

function checkWire(mapper: Mapper<unknown, unknown>, payload: unknown, context: MappingContext | undefined, tally: Tally, where: string): void {
  const result = call(tally, `${where} decodeWire`, () => mapper.decodeWire(payload, context, { validate: false }));
  if (result === THREW) return;
  const values = checkResult(result, tally, `${where} decodeWire`);
  checkGlobalPollution(tally, `${where} decodeWire`);
  const name = mapper.declaration.canonical as ObjectName;
  for (const value of values) {
    const problem = objectProblem(name, value);
    if (problem !== undefined) {
      tally.add("okInvalid", `${where} decodeWire (validate: false): ${problem}`);
      continue;
    }
    const encoded = call(tally, `${where} encode`, () => mapper.encode(value, context));
    if (encoded !== THREW && !encoded.ok) tally.add("notEncodable", `${where} encode of a decodeWire result: ${encoded.issues.slice(0, 3).map((i) => `${i.path} ${i.code}: ${i.message}`).join("; ")}`);
  }
}

/** The fuzz target of one vendor mapper. */
export function mapperTarget(vendor: string, object: string, mapper: Mapper<unknown, unknown>, fixtures: readonly FixtureFile[]): Target<VendorCase> {
  const seeds: EntitySeed[] = [];
  for (const fixture of fixtures) {
    const unwrapped = mapper.profile.unwrap(fixture.payload);
    if (unwrapped.ok) for (const e of unwrapped.entities) seeds.push({ fixture, entity: e.value, path: e.path });
  }
  const canonicalSeeds: unknown[] = [];
  for (const s of seeds) {
    for (const context of CONTEXTS) {
      const r = mapper.decode(s.entity, context);
      if (r.ok) canonicalSeeds.push(deepFreeze(r.value));
    }
  }
  const notes: string[] = [];
  if (seeds.length === 0) notes.push("no fixtures found: fuzzed with arbitrary JSON only");
  const cases = fc.record({
    mode: fc.nat({ max: 99 }),
    seed: fc.nat(),
    context: fc.nat({ max: CONTEXTS.length - 1 }),
    muts: mutations(mapper.profile.mutations),
    text: textMutation,
  });
  const where = `${vendor} ${object}`;
  return {
    name: `${vendor}:${object}`,
    group: "vendor mappers",
    seeds: seeds.length,
    notes,
    cases: seeds.length === 0 ? fc.record({ mode: fc.constant(0), seed: fc.nat(), context: fc.nat({ max: CONTEXTS.length - 1 }), muts: fc.constant([]), text: textMutation }) : cases,
    check(c, tally) {
      const context = CONTEXTS[c.context];
      if (seeds.length === 0) {
        const input = fc.sample(fc.jsonValue({ maxDepth: 4 }), { seed: c.seed, numRuns: 1 })[0];
        tally.input = () => input;
        checkEntity(mapper, input, context, tally, where);
        checkWire(mapper, input, context, tally, where);
        return;
      }
      const s = seeds[c.seed % seeds.length] as EntitySeed;
      if (c.mode < 60) {
        const input = applyMutations(s.entity, c.muts);
        tally.input = () => input;
        // The canonical leg of an exact vendor round trip is decode(input without transport): a quarter of the cases check it.
        checkEntity(mapper, input, context, tally, `${where} (${s.fixture.file}${s.path})`, c.mode % 4 === 0);
      } else if (c.mode < 70) {
        const payload = applyMutations(s.fixture.payload, c.muts);
        tally.input = () => payload;
        checkWire(mapper, payload, context, tally, `${where} (${s.fixture.file})`);
      } else if (c.mode < 80) {
        const payload = applyMutations(s.fixture.payload, c.muts);
        let text: string;
        try {
          text = JSON.stringify(payload) ?? s.fixture.text;
        } catch {
          text = s.fixture.text;
        }
        const mutated = applyTextMutation(text, c.text);
        tally.input = () => mutated;
        checkWire(mapper, mutated, context, tally, `${where} (${s.fixture.file} as text)`);
      } else {
        const seed = canonicalSeeds[c.seed % Math.max(1, canonicalSeeds.length)];
        if (seed === undefined) return;
        const input = applyMutations(seed, c.muts);
        tally.input = () => input;
        checkCanonical(mapper, input, context, tally, `${where} (canonical)`);
      }
    },
  };
}

/** Every vendor of the registry, its mappers and fixtures. */
export function vendorTargets(): { targets: Target[]; vendors: { name: string; fixtures: FixtureFile[]; unassigned: FixtureFile[] }[] } {
  const targets: Target[] = [];
  const vendors: { name: string; fixtures: FixtureFile[]; unassigned: FixtureFile[] }[] = [];
  for (const vendor of REGISTRY.vendors()) {
    const fixtures = vendorFixtures(vendor.name);
    const { byObject, unassigned } = assignFixtures(vendor, fixtures, CONTEXTS[1] ?? {});
    vendors.push({ name: vendor.name, fixtures, unassigned });
    for (const [object, mapper] of Object.entries(vendor.mappers)) {
      if (mapper === undefined) continue;
      targets.push(mapperTarget(vendor.name, object, mapper as Mapper<unknown, CanonicalObject>, byObject.get(object) ?? []) as Target);
    }
  }
  return { targets, vendors };
}

export { preview };
