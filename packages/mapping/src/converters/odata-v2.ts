// Converters for OData V2 JSON as SAP Gateway writes it: ABAP "X" flags,
// decimals as strings, doubles as exponent text, `/Date(ms)/`, `PT..H..M..S`
// and 14-digit ABAP time stamps.
import { ISSUE_CODES, decimalFromNumber, decimalFromScientific } from "@mfgsync/canonical";
import type { Converter, DecodeScope, EncodeScope, Invalid } from "../converter.js";
import { EMPTY } from "../converter.js";
import { MAPPING_CODES } from "../result.js";
import { DAY_MS, formatPlainDate, formatTimestamp, isPlainDateText, parsePlainDate, parseTimestamp } from "../time/iso.js";
import { instantFromWallClock, isAmbiguousWallClock, zoneOffsetMinutes } from "../time/zone.js";
import { decimalProblem } from "./decimal.js";
import { scalar, wrongType } from "./scalar.js";

const isString = (v: unknown): v is string => typeof v === "string";

/**
 * A boolean stored as an ABAP flag: `"X"` is true, `""` is false. A missing
 * canonical value is written as `null` so that it reads back as missing.
 *
 * @example
 * ```ts
 * import { abapFlag } from "@mfgsync/mapping";
 * abapFlag().kind; // 'X/"" flag'
 * ```
 */
export function abapFlag(): Converter<string | null | undefined, boolean> {
  return {
    kind: 'X/"" flag',
    description: '"X" = true, "" = false',
    arity: 1,
    decode(value, scope, props) {
      if (value === "X") return true;
      if (value === "") return false;
      if (value === undefined || value === null) return undefined;
      return scope.issue(props[0] ?? "", ISSUE_CODES.invalidValue, wrongType('"X" or ""', value));
    },
    encode(value) {
      return value === undefined ? null : value ? "X" : "";
    },
  };
}

/**
 * A decimal sent as a string (OData V2 `Edm.Decimal`) to a canonical decimal
 * string, kept digit for digit (`"0.00"` stays `"0.00"`). `12,5`, exponents
 * and, unless `signed`, negative amounts are issues.
 *
 * @example
 * ```ts
 * import { odataV2Decimal } from "@mfgsync/mapping";
 * odataV2Decimal({ signed: true }).kind; // "decimal string"
 * ```
 */
export function odataV2Decimal(options: { readonly signed?: boolean } = {}): Converter<string | null | undefined, string> {
  const signed = options.signed === true;
  return scalar<string, string>({
    kind: "decimal string",
    description: signed ? "decimal string, kept digit for digit" : "non-negative decimal string, kept digit for digit",
    expected: "a decimal string",
    accepts: isString,
    decode(value, scope, prop) {
      const problem = decimalProblem(value, signed);
      return problem ? scope.issue(prop, problem.code, problem.message) : value;
    },
    encode: (value) => value,
  });
}

/** SAP Gateway's text form of a double: 17 significant digits, `1.0000000000000000E+01`. Internal. */
export function doubleTextFromDecimal(value: string): string | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) return undefined;
  const sign = m[1] ?? "";
  const all = (m[2] ?? "") + (m[3] ?? "");
  const firstNonZero = all.search(/[1-9]/);
  if (firstNonZero < 0) return "0.0000000000000000E+00";
  const significant = all.slice(firstNonZero).replace(/0+$/, "");
  if (significant.length > 17) return undefined;
  const exponent = (m[2] ?? "").length - 1 - firstNonZero;
  const mantissa = (significant + "0".repeat(17)).slice(0, 17);
  const expText = String(Math.abs(exponent)).padStart(2, "0");
  return `${sign}${mantissa[0]}.${mantissa.slice(1)}E${exponent < 0 ? "-" : "+"}${expText}`;
}

/**
 * A floating-point value (OData V2 `Edm.Double`, sent as a number or as text
 * such as `"1.0000000000000000E+01"`) to an exact canonical decimal string.
 * Encoding writes SAP Gateway's text form with 17 significant digits; the
 * exact input form is kept in the extensions when it differs.
 *
 * @example
 * ```ts
 * import { odataV2Double } from "@mfgsync/mapping";
 * odataV2Double().kind; // "double→decimal"
 * ```
 */
export function odataV2Double(options: { readonly signed?: boolean } = {}): Converter<string | number | null | undefined, string> {
  const signed = options.signed !== false;
  return {
    kind: "double→decimal",
    description: 'number or exponent text ("1.0000000000000000E+01") to an exact decimal',
    arity: 1,
    decode(value, scope, props) {
      const prop = props[0] ?? "";
      if (value === undefined) return undefined;
      if (value === null) {
        scope.carry(prop, null);
        return undefined;
      }
      let text: string | undefined;
      if (typeof value === "number") text = decimalFromNumber(value);
      else if (typeof value === "string") text = decimalFromScientific(value);
      else return scope.issue(prop, ISSUE_CODES.invalidType, wrongType("a number or numeric text", value));
      if (text === undefined) return scope.issue(prop, ISSUE_CODES.decimalFormat, `${JSON.stringify(value).slice(0, 60)} is not a number`);
      if (/^-0(?:\.0+)?$/.test(text)) text = text.slice(1);
      const problem = decimalProblem(text, signed);
      if (problem) return scope.issue(prop, problem.code, problem.message);
      if (doubleTextFromDecimal(text) !== value) scope.carry(prop, value);
      return text;
    },
    encode(value, scope, pointer) {
      if (value === undefined) return null;
      const out = doubleTextFromDecimal(value);
      return out ?? scope.issue(pointer, MAPPING_CODES.decimalPrecision, `${value} has more than the 17 significant digits a double holds`);
    },
  };
}

/** Earliest and latest instants a canonical timestamp can hold (0000-01-01 to 9999-12-31). */
const RANGE = { min: -62167219200000, max: 253402300799999 };
const ODATA_DATE = /^\/Date\((-?\d{1,15})([+-]\d{4})?\)\/$/;
/** Largest offset a canonical timestamp writes (±23:59). */
const MAX_OFFSET_MINUTES = 23 * 60 + 59;

/** The parts of an OData V2 `/Date(ms)/` or `/Date(ms+mmmm)/` literal; undefined for anything else (or an offset beyond ±23:59). Internal. */
export function parseODataDate(text: string): { ms: number; offsetMinutes: number | undefined; canonical: boolean } | undefined {
  // Fast path for `/Date(<digits>)/` without offset, the form SAP sends for dates.
  const n = text.length;
  if (n >= 9 && n <= 23 && text.startsWith("/Date(") && text.charCodeAt(n - 2) === 41 && text.charCodeAt(n - 1) === 47) {
    let ms = 0;
    let i = 6;
    for (; i < n - 2; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      ms = ms * 10 + c;
    }
    // Leading zeros (`/Date(01474416000000)/`) denote the same instant but another spelling.
    if (i === n - 2) return ms <= RANGE.max ? { ms, offsetMinutes: undefined, canonical: !(text.charCodeAt(6) === 48 && n > 9) } : undefined;
  }
  const m = ODATA_DATE.exec(text);
  if (!m) return undefined;
  const ms = Number(m[1]);
  if (!Number.isSafeInteger(ms) || ms < RANGE.min || ms > RANGE.max) return undefined;
  const canonical = String(ms) === m[1];
  const offset = m[2];
  if (offset === undefined) return { ms, offsetMinutes: undefined, canonical };
  // In V2 JSON the suffix counts minutes: "+0060" is one hour. [INFERRED: OData V2 JSON verbose format]
  const minutes = Number(offset.slice(1));
  if (minutes > MAX_OFFSET_MINUTES) return undefined;
  return { ms, offsetMinutes: (offset.startsWith("-") ? -1 : 1) * minutes, canonical: canonical && !(offset === "-0000") };
}

function badDate(scope: DecodeScope, prop: string, value: unknown): Invalid {
  return scope.issue(prop, ISSUE_CODES.invalidFormat, typeof value === "string" ? `"${value.length > 40 ? value.slice(0, 40) + "…" : value}" is not an OData date ("/Date(<ms since 1970>)/", offsets within ±23:59, years 0000-9999)` : wrongType('an OData date "/Date(ms)/" or null', value));
}

/**
 * A calendar date sent as OData V2 `Edm.DateTime` (`/Date(ms)/` at UTC
 * midnight; `null` when empty) to a canonical plain date `YYYY-MM-DD`. The
 * date part is taken in UTC, never converted to local time. A time of day
 * other than midnight is an issue. A canonical timestamp given for such a
 * field is written with the date it shows.
 *
 * @example
 * ```ts
 * import { odataV2Date } from "@mfgsync/mapping";
 * odataV2Date().kind; // "/Date()/ date"
 * ```
 */
export function odataV2Date(): Converter<string | null | undefined, string> {
  return odataDateScalar("/Date()/ date", "Edm.DateTime at UTC midnight to YYYY-MM-DD", (parsed, value, scope, prop) => {
    if (parsed.ms % DAY_MS !== 0) return scope.issue(prop, MAPPING_CODES.notMidnight, `"${value}" is not at midnight UTC; this field holds a calendar date`);
    if (parsed.offsetMinutes !== undefined || !parsed.canonical) scope.carry(prop, value);
    return formatPlainDate(parsed.ms);
  }, (value, scope, pointer) => {
    const day = isPlainDateText(value) ? parsePlainDate(value) : parsePlainDate(value.slice(0, 10));
    if (day === undefined) return scope.issue(pointer, ISSUE_CODES.invalidFormat, `"${value}" is not a date`);
    if (!isPlainDateText(value)) scope.warn(pointer, MAPPING_CODES.carried, `the vendor field holds a date only; the time of "${value}" was dropped`);
    return `/Date(${day})/`;
  });
}

/**
 * An instant sent as OData V2 `Edm.DateTimeOffset` to a canonical timestamp.
 * `/Date(ms)/` becomes `...Z` and `/Date(ms+0000)/` becomes `...+00:00`, so
 * encoding gives back the form that was read. The suffix is an offset in
 * minutes (`+0060` = one hour, at most ±23:59); the milliseconds count from
 * 1970 in UTC. Another spelling of the same instant (`/Date(01474416000000)/`,
 * `/Date(-0)/`) is kept and written back as read.
 *
 * @example
 * ```ts
 * import { odataV2DateTimeOffset } from "@mfgsync/mapping";
 * odataV2DateTimeOffset().kind; // "/Date()/ instant"
 * ```
 */
export function odataV2DateTimeOffset(): Converter<string | null | undefined, string> {
  return odataDateScalar("/Date()/ instant", "Edm.DateTimeOffset /Date(ms)/ or /Date(ms+0000)/ to an ISO timestamp", (parsed, value, scope, prop) => {
    const text = formatTimestamp(parsed.ms, parsed.offsetMinutes ?? 0, parsed.offsetMinutes === undefined);
    if (text === undefined) return badDate(scope, prop, value);
    if (!parsed.canonical) scope.carry(prop, value);
    return text;
  }, (value, scope, pointer) => {
    const parsed = parseTimestamp(value);
    if (!parsed) return scope.issue(pointer, ISSUE_CODES.invalidFormat, `"${value}" is not an ISO 8601 date-time with offset`);
    if (parsed.zulu) return `/Date(${parsed.utcMs})/`;
    const abs = Math.abs(parsed.offsetMinutes);
    return `/Date(${parsed.utcMs}${parsed.offsetMinutes < 0 ? "-" : "+"}${String(abs).padStart(4, "0")})/`;
  });
}

/** An OData V2 `/Date(...)/` converter: the literal is parsed once, `read` and `write` say what it means. */
function odataDateScalar(
  kind: string, description: string,
  read: (parsed: NonNullable<ReturnType<typeof parseODataDate>>, value: string, scope: DecodeScope, prop: string) => string | Invalid,
  write: (value: string, scope: EncodeScope, pointer: string) => string | Invalid,
): Converter<string | null | undefined, string> {
  return scalar<string, string>({
    kind, description, expected: 'an OData date "/Date(ms)/"', accepts: isString,
    decode(value, scope, prop) {
      const parsed = parseODataDate(value);
      return parsed ? read(parsed, value, scope, prop) : badDate(scope, prop, value);
    },
    encode: write,
  });
}

const EDM_TIME = /^PT(?:(\d{1,2})H)?(?:(\d{1,2})M)?(?:(\d{1,2})(?:\.\d+)?S)?$/;
/**
 * The empty OData V2 `Edm.Time`: SAP's "no time".
 *
 * @example
 * ```ts
 * import { ODATA_V2_NO_TIME } from "@mfgsync/mapping";
 * ODATA_V2_NO_TIME; // "PT00H00M00S"
 * ```
 */
export const ODATA_V2_NO_TIME = "PT00H00M00S";

/** Seconds since midnight of an OData V2 `Edm.Time` (`PT06H30M00S`), or undefined. Internal. */
export function parseEdmTime(text: string): number | undefined {
  const full = fullEdmTime(text);
  if (full >= 0) return full;
  if (text === "PT") return undefined;
  const m = EDM_TIME.exec(text);
  if (!m) return undefined;
  const h = Number(m[1] ?? 0), mi = Number(m[2] ?? 0), s = Number(m[3] ?? 0);
  if (h > 23 || mi > 59 || s > 59) return undefined;
  return h * 3600 + mi * 60 + s;
}

const digit = (text: string, i: number) => {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100;
};

/** Seconds since midnight of the full form `PThhHmmMssS` SAP sends (the form {@link formatEdmTime} writes), or -1: no regular expression, no allocation. */
function fullEdmTime(text: string): number {
  if (text.length !== 11 || text.charCodeAt(0) !== 80 || text.charCodeAt(1) !== 84 || text.charCodeAt(4) !== 72 || text.charCodeAt(7) !== 77 || text.charCodeAt(10) !== 83) return -1;
  const h = digit(text, 2) * 10 + digit(text, 3), mi = digit(text, 5) * 10 + digit(text, 6), s = digit(text, 8) * 10 + digit(text, 9);
  return h < 0 || mi < 0 || s < 0 || h > 23 || mi > 59 || s > 59 ? -1 : h * 3600 + mi * 60 + s;
}

/** `PThhHmmMssS` for seconds since midnight. Internal. */
export function formatEdmTime(seconds: number): string {
  const h = Math.floor(seconds / 3600), mi = Math.floor((seconds % 3600) / 60), s = seconds % 60;
  return `PT${String(h).padStart(2, "0")}H${String(mi).padStart(2, "0")}M${String(s).padStart(2, "0")}S`;
}

/**
 * A local date and time sent as two properties, OData V2 `Edm.DateTime`
 * (date) and `Edm.Time` (time of day, no zone), to a canonical timestamp in
 * the plant's time zone (from the context; UTC with a warning when none is
 * configured). `PT00H00M00S` means "no time": the value is then a plain date,
 * or, with `timestamp: true` (for canonical fields that need an instant),
 * local midnight. A time without a date means nothing and is kept in the
 * extensions. A wall clock that occurs twice (the fall-back hour) is read as
 * its first occurrence; encoding such an instant warns that the vendor cannot
 * tell the two apart.
 *
 * @example
 * ```ts
 * import { odataV2DateAndTime } from "@mfgsync/mapping";
 * odataV2DateAndTime().kind; // "date+time@plant"
 * ```
 */
export function odataV2DateAndTime(options: { readonly timestamp?: boolean } = {}): Converter<readonly unknown[], string> {
  const timestampOnly = options.timestamp === true;
  return {
    kind: "date+time@plant",
    description: timestampOnly
      ? "Edm.DateTime + Edm.Time read in the plant's time zone to a timestamp"
      : "Edm.DateTime + Edm.Time read in the plant's time zone; PT00H00M00S means a plain date",
    arity: 2,
    decode(values, scope, props) {
      const dateProp = props[0] ?? "", timeProp = props[1] ?? "";
      const date = values[0], time = values[1];
      let seconds = 0;
      if (time !== undefined && time !== null) {
        const parsed = typeof time === "string" ? parseEdmTime(time) : undefined;
        if (parsed === undefined) return scope.issue(timeProp, ISSUE_CODES.invalidFormat, typeof time === "string" ? `"${time.slice(0, 40)}" is not an OData time ("PT06H30M00S")` : wrongType("an OData time", time));
        seconds = parsed;
        // Kept when not in the form encoding writes back (the full form always is).
        if (fullEdmTime(time as string) < 0 && formatEdmTime(parsed) !== time) scope.carry(timeProp, time);
      } else if (time === null) scope.carry(timeProp, null);
      if (date === undefined || date === null) {
        if (seconds !== 0) scope.carry(timeProp, time);
        return undefined;
      }
      const parsedDate = typeof date === "string" ? parseODataDate(date) : undefined;
      if (!parsedDate) return badDate(scope, dateProp, date);
      if (parsedDate.ms % DAY_MS !== 0) return scope.issue(dateProp, MAPPING_CODES.notMidnight, `"${date}" is not at midnight UTC; the date part of a date + time pair is a calendar date`);
      if (parsedDate.offsetMinutes !== undefined || !parsedDate.canonical) scope.carry(dateProp, date);
      if (seconds === 0 && !timestampOnly) return formatPlainDate(parsedDate.ms);
      const zone = scope.zone();
      const wall = parsedDate.ms + seconds * 1000;
      const instant = instantFromWallClock(zone, wall);
      const offset = zoneOffsetMinutes(zone, instant);
      if (instant + offset * 60000 !== wall) {
        // A wall-clock time that does not exist (daylight-saving gap): keep it as sent.
        scope.carry(dateProp, date);
        scope.carry(timeProp, time);
      }
      const text = formatTimestamp(instant, offset, zone === "UTC");
      return text ?? badDate(scope, dateProp, date);
    },
    encode(value, scope, pointer) {
      if (value === undefined) return [null, ODATA_V2_NO_TIME];
      if (isPlainDateText(value)) {
        const day = parsePlainDate(value);
        return day === undefined ? scope.issue(pointer, ISSUE_CODES.invalidFormat, `"${value}" is not a date`) : [`/Date(${day})/`, ODATA_V2_NO_TIME];
      }
      const parsed = parseTimestamp(value);
      if (!parsed) return scope.issue(pointer, ISSUE_CODES.invalidFormat, `"${value}" is not an ISO 8601 date-time with offset`);
      const zone = scope.zone();
      const wall = parsed.utcMs + zoneOffsetMinutes(zone, parsed.utcMs) * 60000;
      if (isAmbiguousWallClock(zone, wall)) {
        scope.warn(pointer, MAPPING_CODES.ambiguousLocalTime, `${value} is written as a ${zone} wall-clock time that occurs twice (daylight saving ends); it reads back as the first occurrence`);
      }
      const day = Math.floor(wall / DAY_MS) * DAY_MS;
      const seconds = Math.floor((wall - day) / 1000);
      return [`/Date(${day})/`, formatEdmTime(seconds)];
    },
  };
}

const ABAP_TIMESTAMP = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/**
 * An ABAP time stamp sent as a 14-character string `YYYYMMDDhhmmss` (SAP
 * production order `LastChangeDateTime`) to a canonical timestamp in UTC.
 * That the value is UTC is an assumption (ABAP `TIMESTAMP` fields are UTC by
 * convention) [INFERRED]. `""` means none.
 *
 * @example
 * ```ts
 * import { abapTimestamp } from "@mfgsync/mapping";
 * abapTimestamp().kind; // "YYYYMMDDhhmmss UTC"
 * ```
 */
export function abapTimestamp(): Converter<string | null | undefined, string> {
  return {
    kind: "YYYYMMDDhhmmss UTC",
    description: "14-digit ABAP time stamp (UTC) to an ISO timestamp",
    arity: 1,
    decode(value, scope, props) {
      const prop = props[0] ?? "";
      if (value === undefined || value === "") return undefined;
      if (value === null || value === "0" || value === "00000000000000") {
        scope.carry(prop, value);
        return undefined;
      }
      const m = typeof value === "string" ? ABAP_TIMESTAMP.exec(value) : null;
      if (!m) return scope.issue(prop, ISSUE_CODES.invalidFormat, typeof value === "string" ? `"${value.slice(0, 40)}" is not a 14-digit time stamp YYYYMMDDhhmmss` : wrongType("a 14-digit time stamp", value));
      const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
      return parseTimestamp(iso) ? iso : scope.issue(prop, ISSUE_CODES.invalidFormat, `"${value}" is not a valid date and time`);
    },
    encode(value, scope, pointer) {
      if (value === undefined) return EMPTY;
      const parsed = parseTimestamp(value);
      if (!parsed) return scope.issue(pointer, ISSUE_CODES.invalidFormat, `"${value}" is not an ISO 8601 date-time with offset`);
      const utc = formatTimestamp(parsed.utcMs - (parsed.utcMs % 1000 + 1000) % 1000, 0, true);
      if (utc === undefined) return scope.issue(pointer, ISSUE_CODES.invalidFormat, `"${value}" is outside the years 0000-9999`);
      return utc.slice(0, 19).replace(/[-T:]/g, "");
    },
  };
}
