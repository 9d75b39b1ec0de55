import { formatTimestamp, isPlainDateText, parseTimestamp } from "./time/iso.js";
import { instantFromWallClock, zoneOffsetMinutes } from "./time/zone.js";

import { isRecord as isObject } from "./json/json.js";

/**
 * Normalizers for {@link KnownLoss} declarations: each says what of a
 * canonical value survives a trip through a vendor that stores less.
 *
 * @example
 * ```ts
 * import { lossNormalizers } from "@mfgsync/mapping";
 * lossNormalizers.codeOnly({ value: "Released", originalCode: "REL" }); // { value: "Released" }
 * lossNormalizers.localDateTime("2026-03-02T05:30:00.250Z", "Europe/Berlin"); // "2026-03-02T06:30:00+01:00"
 * ```
 */
export const lossNormalizers = {
  /** A coded value reduced to its canonical code (vendors set their own originalCode and originalList, and keep no otherValue). */
  codeOnly(value: unknown): unknown {
    return isObject(value) ? { value: value["value"] } : value;
  },
  /** An identifier without issuer (when the context sets none, decoded identifiers have none). */
  withoutIssuer(value: unknown): unknown {
    if (!isObject(value)) return value;
    const { issuer: _issuer, ...rest } = value;
    return rest;
  },
  /**
   * A date or timestamp as a vendor keeps it in a local date plus a time to
   * the second, read back in `zone`: seconds precision, the zone's offset, and
   * local midnight read as a plain date.
   */
  localDateTime(value: unknown, zone: string, options: { readonly midnightIsDate?: boolean } = {}): unknown {
    if (typeof value !== "string" || isPlainDateText(value)) return value;
    const parsed = parseTimestamp(value);
    if (!parsed) return value;
    const seconds = parsed.utcMs - (((parsed.utcMs % 1000) + 1000) % 1000);
    // What decode does with the wall clock encode writes: in the hour that occurs twice when daylight
    // saving ends, it reads the first occurrence.
    const wall = seconds + zoneOffsetMinutes(zone, seconds) * 60000;
    const instant = instantFromWallClock(zone, wall);
    const offset = zoneOffsetMinutes(zone, instant);
    const text = formatTimestamp(instant, offset, zone === "UTC");
    if (text === undefined) return value;
    if (options.midnightIsDate !== false && text.slice(11, 19) === "00:00:00") return text.slice(0, 10);
    return text;
  },
  /** A timestamp kept to the second in UTC. */
  utcSeconds(value: unknown): unknown {
    if (typeof value !== "string") return value;
    const parsed = parseTimestamp(value);
    if (!parsed) return value;
    return formatTimestamp(parsed.utcMs - (((parsed.utcMs % 1000) + 1000) % 1000), 0, true) ?? value;
  },
  /** A timestamp kept to the millisecond with its offset (`-00:00` reads back as `+00:00`). */
  millisecondsWithOffset(value: unknown): unknown {
    if (typeof value !== "string") return value;
    const parsed = parseTimestamp(value);
    return parsed ? (formatTimestamp(parsed.utcMs, parsed.offsetMinutes, parsed.zulu) ?? value) : value;
  },
  /** Text where the vendor's empty string means "none": an empty canonical string reads back as absent. */
  emptyIsNone(value: unknown): unknown {
    return value === "" ? undefined : value;
  },
  /** A date or timestamp kept as a calendar date only (the date it shows). */
  dateOnly(value: unknown): unknown {
    return typeof value === "string" && value.length >= 10 ? value.slice(0, 10) : value;
  },
};
