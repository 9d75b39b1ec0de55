// `pnpm exec tsx --conditions=@mfgsync/source bench/time-zones.ts [--json] [--quick]`
//
// The hand-written zone arithmetic of @mfgsync/mapping (src/time/zone.ts, on Intl) against
// @date-fns/tz (TZDate, tzOffset), side by side in one run:
//
// 1. correctness: daylight-saving gaps and repeated hours (Europe/Berlin, America/New_York, and the
//    30-minute shift of Australia/Lord_Howe), every 15 minutes of 2026 compared offset by offset,
//    each run under several host time zones (TZ=...), since a library may read the host's zone;
// 2. speed: offsets of instants and instants of wall-clock times, in alternating rounds (bench/harness.ts);
// 3. size: minified and gzip browser bundles (bench/bundle-size.ts).
//
// The decision it informs is recorded in docs/guides/decisions.md.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { TZDate, tzOffset } from "@date-fns/tz";
import { instantFromWallClock, zoneOffsetMinutes } from "@mfgsync/mapping";
import { bundleSize } from "./bundle-size.js";
import { measure } from "./harness.js";

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), "..");

/** A wall-clock time in a zone and the instant our documented rule gives: in a gap the later offset, in an overlap the first occurrence. */
export interface WallCase {
  readonly what: string;
  readonly zone: string;
  /** `[year, month (1-12), day, hour, minute]`. */
  readonly wall: readonly [number, number, number, number, number];
  readonly expected: string;
}

export const WALL_CASES: readonly WallCase[] = [
  { what: "Berlin winter", zone: "Europe/Berlin", wall: [2026, 3, 2, 6, 30], expected: "2026-03-02T05:30:00.000Z" },
  { what: "Berlin summer", zone: "Europe/Berlin", wall: [2026, 7, 2, 6, 30], expected: "2026-07-02T04:30:00.000Z" },
  { what: "Berlin gap 02:30 (does not exist)", zone: "Europe/Berlin", wall: [2026, 3, 29, 2, 30], expected: "2026-03-29T01:30:00.000Z" },
  { what: "Berlin repeated 02:30 (first = CEST)", zone: "Europe/Berlin", wall: [2026, 10, 25, 2, 30], expected: "2026-10-25T00:30:00.000Z" },
  { what: "New York gap 02:30", zone: "America/New_York", wall: [2026, 3, 8, 2, 30], expected: "2026-03-08T07:30:00.000Z" },
  { what: "New York repeated 01:30 (first = EDT)", zone: "America/New_York", wall: [2026, 11, 1, 1, 30], expected: "2026-11-01T05:30:00.000Z" },
  { what: "New York just before the gap 01:59", zone: "America/New_York", wall: [2026, 3, 8, 1, 59], expected: "2026-03-08T06:59:00.000Z" },
  { what: "New York just after the repeat 02:00", zone: "America/New_York", wall: [2026, 11, 1, 2, 0], expected: "2026-11-01T07:00:00.000Z" },
  { what: "Lord Howe 30-minute gap 02:15", zone: "Australia/Lord_Howe", wall: [2026, 10, 4, 2, 15], expected: "2026-10-03T15:45:00.000Z" },
  { what: "Lord Howe repeated 01:45 (first = +11:00)", zone: "Australia/Lord_Howe", wall: [2026, 4, 5, 1, 45], expected: "2026-04-04T14:45:00.000Z" },
  { what: "Kathmandu +05:45", zone: "Asia/Kathmandu", wall: [2026, 1, 15, 12, 0], expected: "2026-01-15T06:15:00.000Z" },
];

const ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"];
const HOST_ZONES = ["UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe"];

/** The two implementations, with the same two operations. */
const handWritten = {
  instant: (c: WallCase) => instantFromWallClock(c.zone, Date.UTC(c.wall[0], c.wall[1] - 1, c.wall[2], c.wall[3], c.wall[4])),
  offset: (zone: string, ms: number) => zoneOffsetMinutes(zone, ms),
};
const dateFns = {
  instant: (c: WallCase) => new TZDate(c.wall[0], c.wall[1] - 1, c.wall[2], c.wall[3], c.wall[4], 0, c.zone).getTime(),
  offset: (zone: string, ms: number) => tzOffset(zone, new Date(ms)),
};

/** Both implementations by name, for the report and the test. */
export const LIBRARIES: Record<string, { instant(c: WallCase): number; offset(zone: string, ms: number): number }> = {
  "hand-written": handWritten,
  "@date-fns/tz": dateFns,
};

export interface CorrectnessReport {
  readonly hostZone: string;
  /** Per library: the wall cases it gets wrong, with what it gave. */
  readonly wrongWallCases: Record<string, { what: string; got: string; expected: string }[]>;
  /** Per library: instants (every 15 minutes of 2026, all zones) whose offset differs from Intl's wall clock. */
  readonly wrongOffsets: Record<string, number>;
  readonly instantsChecked: number;
}

/** Intl's own answer (what both libraries build on), computed the slow, obvious way. */
function intlOffset(zone: string, ms: number): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-US", {
    timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
  }).formatToParts(ms).map((p) => [p.type, Number(p.value)]));
  return Math.round((Date.UTC(parts["year"]!, parts["month"]! - 1, parts["day"]!, parts["hour"]!, parts["minute"]!, parts["second"]!) - Math.floor(ms / 1000) * 1000) / 60000);
}

export function correctness(): CorrectnessReport {
  const libs = LIBRARIES;
  const wrongWallCases: CorrectnessReport["wrongWallCases"] = {};
  const wrongOffsets: CorrectnessReport["wrongOffsets"] = {};
  const start = Date.UTC(2026, 0, 1);
  const step = 15 * 60_000;
  const count = (Date.UTC(2027, 0, 1) - start) / step;
  const truth = new Map(ZONES.map((zone) => [zone, Array.from({ length: count }, (_, i) => intlOffset(zone, start + i * step))]));
  for (const [name, lib] of Object.entries(libs)) {
    wrongWallCases[name] = WALL_CASES.flatMap((c) => {
      const got = lib.instant(c);
      const text = Number.isFinite(got) ? new Date(got).toISOString() : String(got);
      return text === c.expected ? [] : [{ what: c.what, got: text, expected: c.expected }];
    });
    let wrong = 0;
    for (const zone of ZONES) {
      const expected = truth.get(zone)!;
      for (let i = 0; i < count; i++) if (lib.offset(zone, start + i * step) !== expected[i]) wrong++;
    }
    wrongOffsets[name] = wrong;
  }
  return { hostZone: process.env["TZ"] ?? Intl.DateTimeFormat().resolvedOptions().timeZone, wrongWallCases, wrongOffsets, instantsChecked: count * ZONES.length };
}

/** Runs {@link correctness} in a child process per host time zone. */
function correctnessUnderHostZones(): CorrectnessReport[] {
  return HOST_ZONES.map((tz) => JSON.parse(execFileSync(process.execPath, [...process.execArgv, here, "--correctness-only"], {
    cwd: root, encoding: "utf8", env: { ...process.env, TZ: tz },
  })) as CorrectnessReport);
}

async function main(): Promise<void> {
  if (process.argv.includes("--correctness-only")) {
    process.stdout.write(JSON.stringify(correctness()));
    return;
  }
  const quick = process.argv.includes("--quick");
  const log = (s: string) => process.stderr.write(`${s}\n`);

  log("correctness under host zones " + HOST_ZONES.join(", ") + " ...");
  const reports = correctnessUnderHostZones();

  // Speed: the work a mapper does per date-time field, over instants and plant-local times of a year.
  const instants = Array.from({ length: 1000 }, (_, i) => Date.UTC(2026, 0, 1) + Math.floor(((i * 7919) % 1000) / 1000 * 365 * 86_400_000));
  const walls: WallCase[] = instants.map((ms, i) => {
    const d = new Date(ms);
    return { what: "", zone: ZONES[i % 2]!, wall: [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()], expected: "" };
  });
  const options = quick ? { time: 200, rounds: 3 } : { time: 500, rounds: 7 };
  log("speed ...");
  const offsetSpeed = await measure({
    key: "zoneOffset", description: "offset of an instant (1000 instants of 2026, Berlin and New York)",
    subject: { name: "@date-fns/tz tzOffset", batch: instants.length, fn: () => { let s = 0; for (let i = 0; i < instants.length; i++) s += dateFns.offset(ZONES[i % 2]!, instants[i]!); return s; } },
    reference: { name: "hand-written zoneOffsetMinutes", batch: instants.length, fn: () => { let s = 0; for (let i = 0; i < instants.length; i++) s += handWritten.offset(ZONES[i % 2]!, instants[i]!); return s; } },
    verify: () => { for (let i = 0; i < 100; i++) if (dateFns.offset(ZONES[i % 2]!, instants[i]!) !== handWritten.offset(ZONES[i % 2]!, instants[i]!)) throw new Error(`offsets differ at ${instants[i]}`); },
  }, options);
  const wallSpeed = await measure({
    key: "wallClock", description: "instant of a plant-local wall-clock time (1000 times of 2026, Berlin and New York)",
    subject: { name: "@date-fns/tz new TZDate(...)", batch: walls.length, fn: () => { let s = 0; for (const w of walls) s += dateFns.instant(w); return s; } },
    reference: { name: "hand-written instantFromWallClock", batch: walls.length, fn: () => { let s = 0; for (const w of walls) s += handWritten.instant(w); return s; } },
    verify: () => { for (const w of walls.slice(0, 100)) if (dateFns.instant(w) !== handWritten.instant(w)) throw new Error(`instants differ for ${w.zone} ${w.wall.join("-")}`); },
  }, options);

  log("bundle sizes ...");
  const sizes = [
    await bundleSize("hand-written (mapping src/time/zone.ts)", `import { zoneOffsetMinutes, instantFromWallClock, isTimeZone } from "./packages/mapping/src/time/zone.ts"; globalThis.x = { zoneOffsetMinutes, instantFromWallClock, isTimeZone };`),
    await bundleSize("@date-fns/tz (TZDate + tzOffset)", `import { TZDate, tzOffset } from "@date-fns/tz"; globalThis.x = { TZDate, tzOffset };`),
    await bundleSize("@date-fns/tz (tzOffset only)", `import { tzOffset } from "@date-fns/tz"; globalThis.x = tzOffset;`),
  ];

  const result = { node: process.version, correctness: reports, speed: [offsetSpeed, wallSpeed], sizes };
  if (process.argv.includes("--json")) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const out: string[] = [`Time zones: hand-written (Intl) vs @date-fns/tz, Node ${process.version}`, "", "Correctness (wall cases wrong / offsets wrong of instants checked):"];
  for (const r of reports) {
    out.push(`  host TZ=${r.hostZone}`);
    for (const lib of Object.keys(r.wrongOffsets)) {
      const wrong = r.wrongWallCases[lib]!;
      out.push(`    ${lib.padEnd(14)} ${wrong.length}/${WALL_CASES.length} wall cases wrong, ${r.wrongOffsets[lib]}/${r.instantsChecked} offsets wrong`);
      for (const w of wrong) out.push(`      ${w.what}: got ${w.got}, expected ${w.expected}`);
    }
  }
  out.push("", "Speed (ratio = @date-fns/tz time / hand-written time, median of rounds):");
  for (const s of [offsetSpeed, wallSpeed]) {
    out.push(`  ${s.description}: ${s.ratio.toFixed(2)}x  (${(1e6 / s.subject.payloadsPerSec).toFixed(2)} µs vs ${(1e6 / s.reference.payloadsPerSec).toFixed(2)} µs each; rounds ${s.rounds.map((x) => x.toFixed(2)).join(" ")})`);
  }
  out.push("", "Browser bundle (esbuild, minified):");
  for (const s of sizes) out.push(`  ${s.entry.padEnd(42)} ${String(s.minifiedBytes).padStart(6)} B, ${String(s.gzipBytes).padStart(5)} B gzip`);
  process.stdout.write(`${out.join("\n")}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === here) await main();
