// Time zone arithmetic on top of Intl.DateTimeFormat: no Node built-ins and no
// time zone database of our own, so it runs in browsers and edge runtimes too.

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();
const OFFSET_CACHE = new Map<string, Map<number, number>>();
/** Offsets are cached per zone in 15-minute buckets of UTC time. */
const BUCKET_MS = 15 * 60 * 1000;
const MAX_CACHED_BUCKETS = 20_000;

function formatter(zone: string): Intl.DateTimeFormat {
  let f = FORMATTERS.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", era: "short",
      year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
    FORMATTERS.set(zone, f);
  }
  return f;
}

/**
 * Whether the runtime knows the IANA time zone `zone`.
 *
 * @example
 * ```ts
 * import { isTimeZone } from "@mfgsync/mapping";
 * isTimeZone("Europe/Berlin"); // true
 * isTimeZone("Mars/Olympus"); // false
 * ```
 */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64) return false;
  if (isUtc(zone)) return true;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

function isUtc(zone: string): boolean {
  return zone === "UTC" || zone === "Etc/UTC" || zone === "Etc/GMT" || zone === "GMT";
}

function rawOffsetMinutes(zone: string, utcMs: number): number {
  const parts = formatter(zone).formatToParts(utcMs);
  let year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, bc = false;
  for (const part of parts) {
    switch (part.type) {
      case "year": year = Number(part.value); break;
      case "month": month = Number(part.value); break;
      case "day": day = Number(part.value); break;
      case "hour": hour = Number(part.value); break;
      case "minute": minute = Number(part.value); break;
      case "second": second = Number(part.value); break;
      case "era": bc = part.value.startsWith("B"); break;
      default: break;
    }
  }
  if (bc) year = 1 - year;
  const local = wallClockMs(year, month, day, hour, minute, second);
  const utcSeconds = Math.floor(utcMs / 1000) * 1000;
  return Math.round((local - utcSeconds) / 60000);
}

/** Milliseconds of a wall-clock time read as if it were UTC (works for years 0-99 too). */
export function wallClockMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/**
 * Offset of `zone` from UTC, in minutes, at the instant `utcMs`
 * (`+60` for Europe/Berlin in winter).
 *
 * @example
 * ```ts
 * import { zoneOffsetMinutes } from "@mfgsync/mapping";
 * zoneOffsetMinutes("Europe/Berlin", Date.UTC(2026, 0, 15)); // 60
 * ```
 */
export function zoneOffsetMinutes(zone: string, utcMs: number): number {
  if (isUtc(zone)) return 0;
  const bucket = Math.floor(utcMs / BUCKET_MS);
  let cache = OFFSET_CACHE.get(zone);
  if (!cache) {
    cache = new Map();
    OFFSET_CACHE.set(zone, cache);
  }
  const cached = cache.get(bucket);
  if (cached !== undefined) return cached;
  const start = bucket * BUCKET_MS;
  const atStart = rawOffsetMinutes(zone, start);
  const atEnd = rawOffsetMinutes(zone, start + BUCKET_MS - 1);
  // A transition inside the bucket: do not cache, compute exactly.
  if (atStart !== atEnd) return rawOffsetMinutes(zone, utcMs);
  if (cache.size >= MAX_CACHED_BUCKETS) cache.clear();
  cache.set(bucket, atStart);
  return atStart;
}

/**
 * The instant at which the wall clock of `zone` shows `wallMs` (a local
 * date-time written as if it were UTC). In a daylight-saving gap the later
 * offset is used; in an overlap, the first occurrence.
 *
 * @example
 * ```ts
 * import { instantFromWallClock } from "@mfgsync/mapping";
 * new Date(instantFromWallClock("Europe/Berlin", Date.UTC(2026, 2, 2, 6, 30))).toISOString(); // "2026-03-02T05:30:00.000Z"
 * ```
 */
export function instantFromWallClock(zone: string, wallMs: number): number {
  if (isUtc(zone)) return wallMs;
  // Try the offsets in force a day before and after: one of them is right,
  // except inside a gap, where neither reproduces the wall clock.
  const before = zoneOffsetMinutes(zone, wallMs - 86_400_000);
  const after = zoneOffsetMinutes(zone, wallMs + 86_400_000);
  const t1 = wallMs - before * 60000;
  if (zoneOffsetMinutes(zone, t1) === before) return t1;
  const t2 = wallMs - after * 60000;
  if (zoneOffsetMinutes(zone, t2) === after) return t2;
  // Gap: the wall time does not exist; move forward by the gap.
  return wallMs - before * 60000;
}

/**
 * Whether a wall-clock time of `zone` (a local date-time written as if it
 * were UTC) occurs twice, in the hour repeated when daylight saving ends.
 * Internal.
 */
export function isAmbiguousWallClock(zone: string, wallMs: number): boolean {
  if (isUtc(zone)) return false;
  const before = zoneOffsetMinutes(zone, wallMs - 86_400_000);
  const after = zoneOffsetMinutes(zone, wallMs + 86_400_000);
  if (before === after) return false;
  let hits = 0;
  for (const offset of new Set([before, after])) {
    const t = wallMs - offset * 60000;
    if (zoneOffsetMinutes(zone, t) === offset) hits++;
  }
  return hits > 1;
}
