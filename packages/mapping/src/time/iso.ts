// ISO 8601 formatting and parsing without Date string parsing (which differs
// between runtimes) and without floating point.

function pad(n: number, width: number): string {
  const text = String(Math.abs(n));
  const padded = text.length >= width ? text : "0".repeat(width - text.length) + text;
  return n < 0 ? "-" + padded : padded;
}

/** `YYYY-MM-DD` of the UTC calendar day containing `ms`. */
export function formatPlainDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** `±HH:MM` for an offset in minutes, or `Z` when `zulu` and the offset is zero. */
export function formatOffset(offsetMinutes: number, zulu: boolean): string {
  if (offsetMinutes === 0 && zulu) return "Z";
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

/**
 * ISO 8601 date-time of the instant `utcMs` as seen at `offsetMinutes`, with
 * milliseconds only when they are not zero; undefined when the local date
 * falls outside the years 0000-9999 a canonical timestamp can hold, or the
 * offset is beyond ±23:59.
 */
export function formatTimestamp(utcMs: number, offsetMinutes: number, zulu: boolean): string | undefined {
  if (Math.abs(offsetMinutes) > 23 * 60 + 59) return undefined;
  const local = new Date(utcMs + offsetMinutes * 60000);
  const year = local.getUTCFullYear();
  if (!Number.isFinite(year) || year < 0 || year > 9999) return undefined;
  const ms = local.getUTCMilliseconds();
  const base = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1, 2)}-${pad(local.getUTCDate(), 2)}T${pad(local.getUTCHours(), 2)}:${pad(local.getUTCMinutes(), 2)}:${pad(local.getUTCSeconds(), 2)}`;
  return `${base}${ms === 0 ? "" : "." + pad(ms, 3)}${formatOffset(offsetMinutes, zulu)}`;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|z|[+-]\d{2}:\d{2})$/;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A parsed ISO timestamp. */
export interface ParsedTimestamp {
  /** The instant, whole milliseconds (finer digits are truncated). */
  readonly utcMs: number;
  /** The written offset in minutes. */
  readonly offsetMinutes: number;
  /** Whether the offset was written as `Z`. */
  readonly zulu: boolean;
  /** Whether digits finer than a millisecond were dropped. */
  readonly subMillisecond: boolean;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2) return day <= (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28);
  return day <= (MONTH_DAYS[month - 1] ?? 0);
}

function utcMsOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  // Date.UTC reads years 0-99 as 1900-1999; only those need the slower setter path.
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, ms);
  return d.getTime();
}

/** Parses an ISO 8601 date-time with offset; undefined when it is not one. */
export function parseTimestamp(text: string): ParsedTimestamp | undefined {
  const fast = parseSecondsTimestamp(text);
  if (fast !== undefined) return fast;
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]), month = Number(m[2]), day = Number(m[3]);
  const hour = Number(m[4]), minute = Number(m[5]), second = m[6] === undefined ? 0 : Number(m[6]);
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const fraction = m[7] ?? "";
  const ms = fraction === "" ? 0 : Number((fraction + "00").slice(0, 3));
  const zone = m[8] ?? "Z";
  const zulu = zone === "Z" || zone === "z";
  let offsetMinutes = 0;
  if (!zulu) {
    const oh = Number(zone.slice(1, 3)), om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (oh * 60 + om);
  }
  const wall = utcMsOf(year, month, day, hour, minute, second, ms);
  return { utcMs: wall - offsetMinutes * 60000, offsetMinutes, zulu, subMillisecond: /[1-9]/.test(fraction.slice(3)) };
}

const num2 = (text: string, i: number): number => {
  const a = text.charCodeAt(i) - 48, b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};

/**
 * `YYYY-MM-DDThh:mm:ss` with `Z` or `±hh:mm`, the form the mappers write,
 * without a regular expression; undefined for anything else (the general
 * parser then decides).
 */
function parseSecondsTimestamp(text: string): ParsedTimestamp | undefined {
  const n = text.length;
  if ((n !== 20 && n !== 25) || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const c1 = num2(text, 0), c2 = num2(text, 2), month = num2(text, 5), day = num2(text, 8);
  const hour = num2(text, 11), minute = num2(text, 14), second = num2(text, 17);
  if (c1 < 0 || c2 < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  const year = c1 * 100 + c2;
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  let zulu = false;
  if (n === 20) {
    const z = text.charCodeAt(19);
    if (z !== 90 && z !== 122) return undefined;
    zulu = true;
  } else {
    const sign = text.charCodeAt(19), oh = num2(text, 20), om = num2(text, 23);
    if ((sign !== 43 && sign !== 45) || text.charCodeAt(22) !== 58 || oh < 0 || om < 0 || oh > 23 || om > 59) return undefined;
    offsetMinutes = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  }
  return { utcMs: utcMsOf(year, month, day, hour, minute, second, 0) - offsetMinutes * 60000, offsetMinutes, zulu, subMillisecond: false };
}

/** UTC midnight (ms) of an ISO calendar date; undefined when it is not one. */
export function parsePlainDate(text: string): number | undefined {
  const m = PLAIN_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]), month = Number(m[2]), day = Number(m[3]);
  if (!validDay(year, month, day)) return undefined;
  return utcMsOf(year, month, day);
}

/** Whether `text` is an ISO calendar date (`YYYY-MM-DD`) rather than a date-time. */
export function isPlainDateText(text: string): boolean {
  return text.length === 10 && PLAIN_DATE.test(text);
}

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;
