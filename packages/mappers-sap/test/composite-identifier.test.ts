// The SAP composite key collision found for canonical 1.1 (issue 9): confirmation group "20/7" + counter "1"
// and group "20" + counter "7/1" gave the same confirmation id "20/7/1", and so the same event key.
import { decodeConfirmationEvents } from "@mfgsync/mappers-sap";
import { describe, expect, it } from "vitest";
import { entitiesOf, fixture } from "./helpers/fixtures.js";

const CONTEXT = { plantTimeZones: { "1710": "America/New_York" }, identifiers: { issuer: "S4P-100" } };
const [CONFIRMATION] = entitiesOf(fixture("events/confirmations-order-2000022.json")) as Record<string, unknown>[];

function confirmedOf(group: string, count: string) {
  const r = decodeConfirmationEvents({ ...CONFIRMATION, ConfirmationGroup: group, ConfirmationCount: count, to_ProdnOrdConfMatlDocItm: { results: [] } }, CONTEXT);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const [confirmed] = r.value;
  return confirmed as { id: string; data: { confirmation?: { value: string } } };
}

describe("SAP composite identifiers are unambiguous", () => {
  it("keys whose parts contain the separator give different identifiers and event ids", () => {
    const a = confirmedOf("20/7", "1");
    const b = confirmedOf("20", "7/1");
    expect(a.data.confirmation?.value).toBe("20~17/1");
    expect(b.data.confirmation?.value).toBe("20/7~11");
    expect(a.id).not.toBe(b.id);
  });

  it("SAP's numeric keys read exactly as before", () => {
    expect(confirmedOf("207", "1").data.confirmation?.value).toBe("207/1");
  });
});
