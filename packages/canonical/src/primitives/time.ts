import * as z from "zod";
import { quote } from "../quote.js";

/**
 * An instant as ISO 8601 / RFC 3339 date-time with an explicit offset
 * (`2026-03-02T06:30:00+01:00` or `...Z`). Local times without offset are
 * refused: the mappers resolve them with the plant's time zone.
 *
 * @example
 * ```ts
 * import { Timestamp } from "@mfgsync/canonical";
 * Timestamp.parse("2026-03-02T06:30:00+01:00");
 * ```
 */
export const Timestamp = z.iso.datetime({ offset: true, error: (issue) => `${quote(issue.input)} is not an ISO 8601 date-time with offset` });
/** A {@link Timestamp} value. @example `const t: Timestamp = "2026-03-02T05:30:00Z";` */
export type Timestamp = z.infer<typeof Timestamp>;

/**
 * A calendar date (`2026-03-02`) for vendor fields that only carry a date,
 * such as an SAP batch's shelf-life expiration date. Impossible dates like
 * `2026-02-30` are refused.
 *
 * @example
 * ```ts
 * import { PlainDate } from "@mfgsync/canonical";
 * PlainDate.parse("2028-02-29");
 * ```
 */
export const PlainDate = z.iso.date({ error: (issue) => `${quote(issue.input)} is not a valid ISO 8601 calendar date` });
/** A {@link PlainDate} value. @example `const d: PlainDate = "2026-03-02";` */
export type PlainDate = z.infer<typeof PlainDate>;

/**
 * Either a {@link Timestamp} or a {@link PlainDate}, for planning dates that
 * some vendors keep as dates and others as instants.
 *
 * @example
 * ```ts
 * import { DateOrTimestamp } from "@mfgsync/canonical";
 * DateOrTimestamp.parse("2026-03-02");
 * DateOrTimestamp.parse("2026-03-02T06:00:00Z");
 * ```
 */
export const DateOrTimestamp = z.union([Timestamp, PlainDate], { error: (issue) => `${quote(issue.input)} is neither an ISO 8601 date-time with offset nor a calendar date` });
/** A {@link DateOrTimestamp} value. @example `const d: DateOrTimestamp = "2026-03-02";` */
export type DateOrTimestamp = z.infer<typeof DateOrTimestamp>;
