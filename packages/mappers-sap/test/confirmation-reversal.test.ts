import type { CanonicalEvent } from "@mfgsync/canonical";
import { safeParseEvent } from "@mfgsync/canonical";
import { confirmationCancellation, decodeConfirmationEvents, decodeConfirmationEventsWire } from "@mfgsync/mappers-sap";
import { describe, expect, it } from "vitest";
import { entitiesOf, fixture, fixtureText } from "./helpers/fixtures.js";

const CONTEXT = { plantTimeZones: { "1710": "America/New_York" }, identifiers: { issuer: "S4P-100" } };
const PAYLOAD = "events/confirmations-207-cancelled-and-reconfirmed.json";
const [CANCELLED, CANCELLATION, RECONFIRMED] = entitiesOf(fixture(PAYLOAD)) as Record<string, unknown>[];

const types = (events: readonly CanonicalEvent[]) => events.map((e) => e.type);

describe("SAP confirmation cancellations become production-confirmation-reversed events", () => {
  it("pairs a cancellation with the confirmation it cancels within a payload, naming both", () => {
    const r = decodeConfirmationEventsWire(fixtureText(PAYLOAD), CONTEXT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [first, cancel, again] = r.results;
    // The cancelled confirmation did happen: it stays a production-confirmed event.
    expect(first?.ok && types(first.value)).toEqual(["dev.mfgsync.production.confirmed.v1", "dev.mfgsync.material.consumed.v1"]);
    expect(cancel?.ok && types(cancel.value)).toEqual(["dev.mfgsync.production.confirmationreversed.v1", "dev.mfgsync.material.consumed.v1"]);
    expect(again?.ok && types(again.value)).toEqual(["dev.mfgsync.production.confirmed.v1", "dev.mfgsync.material.consumed.v1"]);
    if (!cancel?.ok) return;
    for (const event of cancel.value) expect(safeParseEvent(event).ok).toBe(true);
    const [reversed, movement] = cancel.value;
    expect(reversed).toMatchObject({
      subject: "2000022", time: "2016-09-21T13:00:00-04:00", correlationid: "sap-confirmation:207/2",
      data: {
        order: { value: "2000022", scheme: "sap-s4hana", issuer: "S4P-100" }, operation: "0010", plant: "1710",
        confirmation: { value: "207/1", scheme: "sap-s4hana", issuer: "S4P-100" }, reversal: { value: "207/2", scheme: "sap-s4hana", issuer: "S4P-100" },
        yield: { value: "6.000", unit: "H87" }, occurredAt: "2016-09-21T13:00:00-04:00",
      },
    });
    expect((reversed?.data as { scrap?: unknown }).scrap).toBeUndefined();
    expect(movement?.data).toMatchObject({ reversal: true, movementType: "262", movement: { value: "2016/4900000557/1" } });
    expect(cancel.warnings.map((w) => w.code)).not.toContain("event.skipped");
  });

  it("names the cancelled confirmation the caller gives for a single cancellation, and warns without one", () => {
    const named = decodeConfirmationEvents(CANCELLATION, CONTEXT, { reverses: "1" });
    expect(named.ok && named.value[0]?.data).toMatchObject({ confirmation: { value: "207/1" }, reversal: { value: "207/2" } });
    const alone = decodeConfirmationEvents(CANCELLATION, CONTEXT);
    expect(alone.ok && types(alone.value)).toEqual(["dev.mfgsync.material.consumed.v1"]);
    expect(alone.warnings).toContainEqual(expect.objectContaining({ path: "/IsReversal", code: "event.skipped" }));
  });

  it("does not guess: a cancellation with several or no matching cancelled confirmations stays unpaired", () => {
    const twin = { ...CANCELLED, ConfirmationCount: "4", IsReversed: true };
    const late = { ...CANCELLATION, ConfirmationCount: "5" };
    // Two cancelled confirmations with the same quantities before counter 5: ambiguous.
    const ambiguous = decodeConfirmationEventsWire({ d: { results: [CANCELLED, twin, late] } }, CONTEXT);
    expect(ambiguous.ok && ambiguous.results[2]?.warnings.map((w) => w.code)).toContain("event.skipped");
    // Other quantities than the cancellation's: no candidate.
    const other = decodeConfirmationEventsWire({ d: { results: [{ ...CANCELLED, ConfirmationYieldQuantity: "4" }, CANCELLATION, RECONFIRMED] } }, CONTEXT);
    expect(other.ok && other.results[1]?.ok && types(other.results[1].value)).toEqual(["dev.mfgsync.material.consumed.v1"]);
    // A confirmation not marked as reversed is never the one cancelled.
    const notReversed = decodeConfirmationEventsWire({ d: { results: [{ ...CANCELLED, IsReversed: false }, CANCELLATION] } }, CONTEXT);
    expect(notReversed.ok && notReversed.results[1]?.warnings.map((w) => w.code)).toContain("event.skipped");
  });

  it("keeps a group or counter with / or ~ unambiguous in the reversed confirmation's id", () => {
    const r = decodeConfirmationEvents({ ...CANCELLATION, ConfirmationGroup: "20/7" }, CONTEXT, { reverses: "1/2" });
    expect(r.ok && r.value[0]?.data).toMatchObject({ confirmation: { value: "20~17/1~12" }, reversal: { value: "20~17/2" } });
  });

  it("writes a reversal back to SAP as the CancelProdnOrdConf call for the cancelled confirmation", () => {
    const r = decodeConfirmationEventsWire(fixtureText(PAYLOAD), CONTEXT);
    const reversed = r.ok && r.results[1]?.ok ? r.results[1].value[0] : undefined;
    const call = confirmationCancellation(reversed);
    expect(call.ok && call.value).toEqual({
      method: "POST",
      path: "/CancelProdnOrdConf?ConfirmationGroup='207'&ConfirmationCount='1'&PostingDate=datetime'2016-09-21T00:00'",
      parameters: { ConfirmationGroup: "207", ConfirmationCount: "1", PostingDate: "2016-09-21" },
    });
    if (!reversed) return;
    // Escaped parts go back as SAP spells them, quoted.
    const odd = structuredClone(reversed) as typeof reversed & { data: { confirmation: { value: string } } };
    odd.data.confirmation.value = "O'1~17/1";
    expect(confirmationCancellation(odd).ok && (confirmationCancellation(odd) as { value: { parameters: unknown; path: string } }).value.path).toBe("/CancelProdnOrdConf?ConfirmationGroup='O''1%2F7'&ConfirmationCount='1'&PostingDate=datetime'2016-09-21T00:00'");
    // A confirmation known by the MES only: refused, unless it carries the SAP id as a cross-reference.
    odd.data.confirmation = { value: "MES-CONF-88", scheme: "mes" } as never;
    const foreign = confirmationCancellation(odd);
    expect(!foreign.ok && foreign.issues[0]).toMatchObject({ path: "/data/confirmation", code: "identifier.scheme" });
    odd.data.confirmation = { value: "MES-CONF-88", scheme: "mes", crossReferences: [{ value: "207/1", scheme: "sap-s4hana" }] } as never;
    expect(confirmationCancellation(odd).ok).toBe(true);
    const notAnEvent = confirmationCancellation({ type: "dev.mfgsync.production.confirmed.v1" });
    expect(notAnEvent.ok).toBe(false);
  });
});
