// Dates as JSON-native protocols send them: ISO 8601 date-times with an
// offset, plain dates, date-only fields sent as midnight UTC instants, a
// date plus seconds after midnight, and "no date" sentinels.
import { ISSUE_CODES } from "@mfgsync/canonical";
import type { Converter } from "../converter.js";
import { EMPTY } from "../converter.js";
import { MAPPING_CODES } from "../result.js";
import { DAY_MS, formatPlainDate, formatTimestamp, isPlainDateText, parsePlainDate, parseTimestamp } from "../time/iso.js";
import { instantFromWallClock, isAmbiguousWallClock, zoneOffsetMinutes } from "../time/zone.js";
import { scalar, wrongType } from "./scalar.js";

const isString = (v: unknown): v is string => typeof v === "string";
const cut = (s: string) => (s.length > 40 ? s.slice(0, 40) + "…" : s);

/** The instant of a sentinel, for comparing spellings (`1900-01-01T00:00:00Z` and `…00.000+00:00` are one). */
function sentinelInstant(noDate: string | undefined): number | undefined {
  return noDate === undefined ? undefined : parseTimestamp(noDate)?.utcMs ?? (isPlainDateText(noDate) ? parsePlainDate(noDate) : undefined);
}

/**
 * An ISO 8601 date-time with an offset (OData V4 `Edm.DateTimeOffset`,
 * Oracle `date-time`) to a canonical timestamp that keeps the offset it was
 * written with: `2026-12-03T19:30:00-06:00` is the instant
 * `2026-12-04T01:30:00Z`, compared by instant. Encoding writes UTC in the
 * vendor's convention, `+00:00` (Oracle, as its notes recommend) or `Z`
 * (D365); a value read in another spelling goes back as read while the
 * instant is unchanged. With `noDate`, that sentinel (D365's
 * `1900-01-01T00:00:00Z`) reads as "no date" and goes back as sent.
 *
 * @example
 * ```ts
 * import { isoDateTime } from "@mfgsync/mapping";
 * isoDateTime({ utc: "+00:00" }).kind; // "ISO date-time"
 * ```
 */
export function isoDateTime(options: { readonly utc?: "Z" | "+00:00"; readonly noDate?: string } = {}): Converter<string | null | undefined, string> {
  const zulu = (options.utc ?? "Z") === "Z";
  const sentinel = sentinelInstant(options.noDate);
  return scalar<string, string>({
    kind: "ISO date-time",
    description: `ISO 8601 date-time with offset to a timestamp; written in UTC with ${zulu ? "Z" : "+00:00"}${options.noDate ? `; ${options.noDate} means no date` : ""}`,
    expected: "an ISO 8601 date-time string",
    accepts: isString,
    decode(value, scope, prop) {
      const parsed = parseTimestamp(value);
      if (!parsed) return scope.issue(prop, ISSUE_CODES.invalidFormat, `"${cut(value)}" is not an ISO 8601 date-time with an offset ("2026-03-02T06:30:00Z")`);
      if (sentinel !== undefined && parsed.utcMs === sentinel) return undefined;
      const text = formatTimestamp(parsed.utcMs, parsed.offsetMinutes, parsed.zulu);
      if (text === undefined) return scope.issue(prop, ISSUE_CODES.invalidFormat, `"${cut(value)}" is outside the years 0000-9999`);
      // Encode writes UTC in the vendor's convention: any other spelling (a local offset, milliseconds) is kept.
      if (formatTimestamp(parsed.utcMs, 0, zulu) !== value) scope.carry(prop, value);
      return text;
    },
    encode(value, scope, pointer) {
      const parsed = parseTimestamp(value);
      if (!parsed) return scope.issue(pointer, ISSUE_CODES.invalidFormat, `"${value}" is not an ISO 8601 date-time with offset`);
      return formatTimestamp(parsed.utcMs, 0, zulu) ?? scope.issue(pointer, ISSUE_CODES.invalidFormat, `"${value}" is outside the years 0000-9999 in UTC`);
    },
  });
}

/**
 * A calendar date `YYYY-MM-DD` (Oracle `date`, OData V4 `Edm.Date`) to a
 * canonical plain date. A canonical timestamp given for such a field is
 * written with the date it shows (with a warning).
 *
 * @example
 * ```ts
 * import { isoDate } from "@mfgsync/mapping";
 * isoDate().kind; // "ISO date"
 * ```
 */
export function isoDate(): Converter<string | null | undefined, string> {
  return scalar<string, string>({
    kind: "ISO date",
    description: "YYYY-MM-DD to a calendar date",
    expected: 'a date "YYYY-MM-DD"',
    accepts: isString,
    decode(value, scope, prop) {
      return parsePlainDate(value) !== undefined ? value : scope.issue(prop, ISSUE_CODES.invalidFormat, `"${cut(value)}" is not a calendar date "YYYY-MM-DD"`);
    },
    encode(value, scope, pointer) {
      if (isPlainDateText(value)) return value;
      const day = parsePlainDate(value.slice(0, 10));
      if (day === undefined) return scope.issue(pointer, ISSUE_CODES.invalidFormat, `"${value}" is not a date`);
      scope.warn(pointer, MAPPING_CODES.carried, `the vendor field holds a date only; the time of "${value}" was dropped`);
      return value.slice(0, 10);
    },
  });
}

/**
 * A date-only business field sent as an instant (D365 writes
 * `ScheduledStartDate`, `BatchExpirationDate` as `2026-03-02T00:00:00Z`) to a
 * canonical plain date: the date part in UTC. A time other than midnight
 * (D365 sometimes writes noon UTC) keeps its date and goes back as read.
 * With `noDate`, that sentinel reads as "no date" and goes back as sent.
 *
 * @example
 * ```ts
 * import { isoDateTimeAsDate } from "@mfgsync/mapping";
 * isoDateTimeAsDate({ noDate: "1900-01-01T00:00:00Z" }).kind; // "date as instant"
 * ```
 */
export function isoDateTimeAsDate(options: { readonly noDate?: string } = {}): Converter<string | null | undefined, string> {
  const sentinel = sentinelInstant(options.noDate);
  return scalar<string, string>({
    kind: "date as instant",
    description: `date-time at midnight UTC to YYYY-MM-DD (the UTC date part)${options.noDate ? `; ${options.noDate} means no date` : ""}`,
    expected: "an ISO 8601 date-time string",
    accepts: isString,
    decode(value, scope, prop) {
      const parsed = parseTimestamp(value);
      if (!parsed) return scope.issue(prop, ISSUE_CODES.invalidFormat, `"${cut(value)}" is not an ISO 8601 date-time with an offset ("2026-03-02T00:00:00Z")`);
      if (sentinel !== undefined && parsed.utcMs === sentinel) return undefined;
      const date = formatPlainDate(parsed.utcMs);
      if (Number(date.slice(0, 4)) > 9999 || date.startsWith("-")) return scope.issue(prop, ISSUE_CODES.invalidFormat, `"${cut(value)}" is outside the years 0000-9999`);
      if (`${date}T00:00:00Z` !== value) scope.carry(prop, value);
      return date;
    },
    encode(value, scope, pointer) {
      const day = parsePlainDate(value.slice(0, 10));
      if (day === undefined) return scope.issue(pointer, ISSUE_CODES.invalidFormat, `"${value}" is not a date`);
      if (!isPlainDateText(value)) scope.warn(pointer, MAPPING_CODES.carried, `the vendor field holds a date only; the time of "${value}" was dropped`);
      return `${value.slice(0, 10)}T00:00:00Z`;
    },
  });
}

/**
 * A local date and time sent as a date (an instant at midnight UTC, D365
 * `ScheduledStartDate`) and the seconds after midnight (`Edm.Int32`,
 * `ScheduledStartTime`), read in the plant's (or company's) time zone from
 * the context, to a canonical timestamp. Zero seconds read as a plain date
 * unless `timestamp` is set. A wall clock that occurs twice is read as its
 * first occurrence, and encoding one warns. The seconds semantics of these
 * D365 fields are [inferred] from the notes.
 *
 * @example
 * ```ts
 * import { dateAndSecondsOfDay } from "@mfgsync/mapping";
 * dateAndSecondsOfDay({ noDate: "1900-01-01T00:00:00Z" }).arity; // 2
 * ```
 */
export function dateAndSecondsOfDay(options: { readonly noDate?: string; readonly timestamp?: boolean } = {}): Converter<readonly unknown[], string> {
  const sentinel = sentinelInstant(options.noDate);
  const timestampOnly = options.timestamp === true;
  return {
    kind: "date+seconds@zone",
    emptyIsProfile: true,
    description: `date (midnight UTC) + seconds after midnight, read in the plant's time zone${options.noDate ? `; ${options.noDate} means no date` : ""}`,
    arity: 2,
    decode(values, scope, props) {
      const dateProp = props[0] ?? "", timeProp = props[1] ?? "";
      const date = values[0], time = values[1];
      if (time !== undefined && time !== null && (typeof time !== "number" || !Number.isInteger(time) || time < 0 || time >= 86400)) {
        return scope.issue(timeProp, ISSUE_CODES.invalidValue, wrongType("seconds after midnight (0 to 86399)", time));
      }
      const seconds = typeof time === "number" ? time : 0;
      if (date === undefined || date === null) {
        if (time !== undefined) scope.carry(timeProp, time);
        return undefined;
      }
      if (typeof date !== "string") return scope.issue(dateProp, ISSUE_CODES.invalidType, wrongType("an ISO 8601 date-time string", date));
      const parsed = parseTimestamp(date);
      if (!parsed) return scope.issue(dateProp, ISSUE_CODES.invalidFormat, `"${cut(date)}" is not an ISO 8601 date-time with an offset`);
      if (sentinel !== undefined && parsed.utcMs === sentinel) {
        scope.carry(dateProp, date);
        if (time !== undefined) scope.carry(timeProp, time);
        return undefined;
      }
      const dayMs = Math.floor(parsed.utcMs / DAY_MS) * DAY_MS;
      if (formatTimestamp(dayMs, 0, true) !== date) scope.carry(dateProp, date);
      if (time === null) scope.carry(timeProp, null);
      if (seconds === 0 && !timestampOnly) {
        return formatPlainDate(dayMs);
      }
      const zone = scope.zone();
      const wall = dayMs + seconds * 1000;
      const instant = instantFromWallClock(zone, wall);
      const offset = zoneOffsetMinutes(zone, instant);
      if (instant + offset * 60000 !== wall) {
        scope.carry(dateProp, date);
        scope.carry(timeProp, time);
      }
      return formatTimestamp(instant, offset, zone === "UTC") ?? scope.issue(dateProp, ISSUE_CODES.invalidFormat, `"${cut(date)}" is outside the years 0000-9999`);
    },
    encode(value, scope, pointer) {
      if (value === undefined) return [EMPTY, EMPTY];
      if (isPlainDateText(value)) {
        const day = parsePlainDate(value);
        return day === undefined ? scope.issue(pointer, ISSUE_CODES.invalidFormat, `"${value}" is not a date`) : [`${value}T00:00:00Z`, 0];
      }
      const parsed = parseTimestamp(value);
      if (!parsed) return scope.issue(pointer, ISSUE_CODES.invalidFormat, `"${value}" is not an ISO 8601 date-time with offset`);
      const zone = scope.zone();
      const wall = parsed.utcMs + zoneOffsetMinutes(zone, parsed.utcMs) * 60000;
      if (isAmbiguousWallClock(zone, wall)) scope.warn(pointer, MAPPING_CODES.ambiguousLocalTime, `${value} is written as a ${zone} wall-clock time that occurs twice (daylight saving ends); it reads back as the first occurrence`);
      const day = Math.floor(wall / DAY_MS) * DAY_MS;
      const text = formatTimestamp(day, 0, true);
      if (text === undefined) return scope.issue(pointer, ISSUE_CODES.invalidFormat, `"${value}" is outside the years 0000-9999`);
      return [text, Math.floor((wall - day) / 1000)];
    },
  };
}
