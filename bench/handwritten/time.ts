// Date and time helpers a hand-written SAP mapper would carry: OData V2
// `/Date(ms)/` and `PT06H30M00S` literals, and local times in a plant's IANA
// time zone through Intl (offsets cached per zone and UTC hour).

const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function computeOffset(zone: string, utcMs: number): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(utcMs)) if (part.type !== "literal") p[part.type] = Number(part.value);
  const wall = Date.UTC(p["year"] ?? 1970, (p["month"] ?? 1) - 1, p["day"] ?? 1, p["hour"] ?? 0, p["minute"] ?? 0, p["second"] ?? 0);
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/** Offset of `zone` from UTC in minutes at `utcMs` (zone transitions fall on whole UTC hours in the zones used here). */
export function offsetMinutes(zone: string, utcMs: number): number {
  if (zone === "UTC") return 0;
  let cache = offsets.get(zone);
  if (!cache) offsets.set(zone, (cache = new Map()));
  const hour = Math.floor(utcMs / 3_600_000);
  let offset = cache.get(hour);
  if (offset === undefined) {
    offset = computeOffset(zone, hour * 3_600_000);
    cache.set(hour, offset);
  }
  return offset;
}

const two = (n: number) => (n < 10 ? "0" + n : String(n));

/** `YYYY-MM-DD` of the UTC day of `ms`. */
export function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}

/** ISO timestamp of `utcMs` shown at `offset` minutes (`Z` for UTC), without milliseconds when they are zero. */
export function isoTimestamp(utcMs: number, offset: number, zulu: boolean): string {
  const d = new Date(utcMs + offset * 60000);
  const ms = d.getUTCMilliseconds();
  const abs = Math.abs(offset);
  const zone = zulu && offset === 0 ? "Z" : `${offset < 0 ? "-" : "+"}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
  return `${isoDate(utcMs + offset * 60000)}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}${ms === 0 ? "" : "." + String(ms).padStart(3, "0")}${zone}`;
}

/** Milliseconds of an OData V2 `/Date(ms)/` literal (no offset suffix), or undefined. */
export function odataMs(text: unknown): number | undefined {
  if (typeof text !== "string" || !text.startsWith("/Date(") || !text.endsWith(")/")) return undefined;
  const ms = Number(text.slice(6, -2));
  return Number.isSafeInteger(ms) ? ms : undefined;
}

/** Seconds since midnight of an Edm.Time `PThhHmmMssS`. */
export function edmSeconds(text: unknown): number | undefined {
  if (typeof text !== "string") return undefined;
  const m = /^PT(\d\d)H(\d\d)M(\d\d)S$/.exec(text);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : undefined;
}

/**
 * An SAP local date + time pair in the plant's zone to a canonical value:
 * a plain date when the time is `PT00H00M00S`, else a timestamp with the
 * zone's offset.
 */
export function localDateTime(date: unknown, time: unknown, zone: string): string | undefined {
  const day = odataMs(date);
  if (day === undefined) return undefined;
  const seconds = edmSeconds(time) ?? 0;
  if (seconds === 0) return isoDate(day);
  const wall = day + seconds * 1000;
  let instant = wall - offsetMinutes(zone, wall) * 60000;
  const offset = offsetMinutes(zone, instant);
  instant = wall - offset * 60000;
  return isoTimestamp(instant, offset, zone === "UTC");
}

/** A canonical date or timestamp back to SAP's `/Date(ms)/` + `PThhHmmMssS` in the plant's zone. */
export function toSapDateTime(value: string | undefined, zone: string): [string | null, string] {
  if (value === undefined) return [null, "PT00H00M00S"];
  if (value.length === 10) return [`/Date(${Date.parse(value + "T00:00:00Z")})/`, "PT00H00M00S"];
  const utc = Date.parse(value);
  const wall = utc + offsetMinutes(zone, utc) * 60000;
  const day = Math.floor(wall / DAY) * DAY;
  const s = Math.floor((wall - day) / 1000);
  return [`/Date(${day})/`, `PT${two(Math.floor(s / 3600))}H${two(Math.floor((s % 3600) / 60))}M${two(s % 60)}S`];
}

/** ABAP time stamp `YYYYMMDDhhmmss` (UTC) to an ISO timestamp. */
export function abapToIso(stamp: string): string {
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:${stamp.slice(12, 14)}Z`;
}

/** ISO timestamp to an ABAP time stamp in UTC. */
export function isoToAbap(value: string): string {
  return new Date(Math.floor(Date.parse(value) / 1000) * 1000).toISOString().slice(0, 19).replace(/[-T:]/g, "");
}
