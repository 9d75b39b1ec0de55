import type { CanonicalEventOf, Result } from "@mfgsync/canonical";
import { safeParseEventOf } from "@mfgsync/canonical";
import { SAP_SCHEME } from "../context.js";

/**
 * The SAP call that cancels a confirmation: API_PROD_ORDER_CONFIRMATION_2_SRV
 * function import `CancelProdnOrdConf` (POST, key values in single quotes as
 * query parameters).
 *
 * @example
 * ```ts
 * import type { ConfirmationCancellation } from "@mfgsync/mappers-sap";
 * const call: ConfirmationCancellation = {
 *   method: "POST", path: "/CancelProdnOrdConf?ConfirmationGroup='207'&ConfirmationCount='1'&PostingDate=datetime'2016-09-21T00:00'",
 *   parameters: { ConfirmationGroup: "207", ConfirmationCount: "1", PostingDate: "2016-09-21" },
 * };
 * ```
 */
export interface ConfirmationCancellation {
  /** Function imports are called with POST (after fetching a CSRF token). */
  readonly method: "POST";
  /** Path relative to the service root `/sap/opu/odata/sap/API_PROD_ORDER_CONFIRMATION_2_SRV`. */
  readonly path: string;
  /** The parameters as values (PostingDate as a calendar date). */
  readonly parameters: { readonly ConfirmationGroup: string; readonly ConfirmationCount: string; readonly PostingDate?: string };
}

const literal = (value: string) => encodeURIComponent(`'${value.replace(/'/g, "''")}'`);
const unescapePart = (part: string) => part.replace(/~1/g, "/").replace(/~0/g, "~");

/**
 * The `CancelProdnOrdConf` call for a `production-confirmation-reversed`
 * event (checked against its schema): the cancelled confirmation
 * (`data.confirmation`, an SAP
 * `"<group>/<count>"` identifier as `decodeConfirmationEvents` writes it)
 * and the posting date, the calendar date of `occurredAt` as written (its own
 * offset; SAP posts in the plant's local date). The quantities are not sent:
 * SAP cancels the whole confirmation and takes back what it posted.
 * Identifiers of another scheme than `sap-s4hana` with no SAP
 * cross-reference are refused.
 *
 * @example
 * ```ts
 * import { createEvent } from "@mfgsync/canonical";
 * import { confirmationCancellation } from "@mfgsync/mappers-sap";
 * const event = createEvent("production-confirmation-reversed", {
 *   source: "urn:mfgsync:mes:line-1", subject: "2000022", time: "2016-09-21T13:00:00-04:00", sequence: 2, correlationId: "order-2000022",
 *   data: { order: { value: "2000022", scheme: "sap-s4hana" }, confirmation: { value: "207/1", scheme: "sap-s4hana" }, occurredAt: "2016-09-21T13:00:00-04:00" },
 * });
 * const r = confirmationCancellation(event);
 * if (r.ok) r.value.path; // "/CancelProdnOrdConf?ConfirmationGroup='207'&ConfirmationCount='1'&PostingDate=datetime'2016-09-21T00:00'"
 * ```
 */
export function confirmationCancellation(event: CanonicalEventOf<"production-confirmation-reversed"> | unknown): Result<ConfirmationCancellation> {
  const parsed = safeParseEventOf("production-confirmation-reversed", event);
  if (!parsed.ok) return parsed;
  const { confirmation, occurredAt } = parsed.value.data;
  const id = confirmation.scheme === SAP_SCHEME ? confirmation : confirmation.crossReferences?.find((x) => x.scheme === SAP_SCHEME);
  if (id === undefined) {
    return { ok: false, issues: [{ path: "/data/confirmation", code: "identifier.scheme", message: `the cancelled confirmation is a ${confirmation.scheme} identifier with no ${SAP_SCHEME} cross-reference` }] };
  }
  const parts = id.value.split("/");
  if (parts.length !== 2 || parts[0] === "" || parts[1] === "") {
    return { ok: false, issues: [{ path: "/data/confirmation/value", code: "format.invalid", message: `an SAP confirmation is "<ConfirmationGroup>/<ConfirmationCount>", e.g. "207/1", not "${id.value}"` }] };
  }
  const group = unescapePart(parts[0]!), count = unescapePart(parts[1]!);
  // CancelProdnOrdConf: ConfirmationGroup MaxLength 12, ConfirmationCount 10 with their quotes (the entity keys are 10 and 8).
  if (group.length > 10 || count.length > 8) {
    return { ok: false, issues: [{ path: "/data/confirmation/value", code: "value.invalid", message: "SAP confirmation groups have at most 10 characters and counters at most 8" }] };
  }
  const date = occurredAt.slice(0, 10);
  return {
    ok: true,
    value: {
      method: "POST",
      path: `/CancelProdnOrdConf?ConfirmationGroup=${literal(group)}&ConfirmationCount=${literal(count)}&PostingDate=datetime'${date}T00:00'`,
      parameters: { ConfirmationGroup: group, ConfirmationCount: count, PostingDate: date },
    },
  };
}
