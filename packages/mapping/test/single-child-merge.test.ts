import { SCHEMA_VERSION } from "@mfgsync/canonical";
import { child, coded, compileMapper, declareMapper, entity, field, identifier, odataV2Profile, text } from "@mfgsync/mapping";
import { describe, expect, it } from "vitest";

// A parent record that keeps facts of its single child's object (SAP keeps a usage decision's stock postings on
// the inspection lot, not on the usage decision): the parent's field fills part of the child's object.
const mapper = compileMapper<Record<string, unknown>, "inspection">(declareMapper({
  name: "acme:inspection", title: "ACME lots", canonical: "inspection", profile: odataV2Profile, namespace: "acme", defaults: { scheme: "acme" },
  root: entity({
    entity: "Lots", constants: { schemaVersion: SCHEMA_VERSION, kind: "inspection", subject: {}, origin: { value: "Final" }, characteristics: [], results: [] },
    fields: [
      field("LotId", "id", identifier(), { required: true }),
      field("DecidedBy", "decision.decidedBy", text()),
    ],
    children: [
      child("Decision", "decision", entity({
        entity: "Decisions",
        fields: [field("Code", "outcome", coded({ list: "acme:ud", codes: { A: "Accepted", R: "Rejected" }, fallback: "Other" }), { required: true })],
      }), { cardinality: "single" }),
    ],
  }),
  knownLoss: [],
}));

describe("a single child's object filled by its parent's fields too", () => {
  it("merges the child's fields over what the parent's fields put in the object, and writes both back", () => {
    const record = { LotId: "L1", DecidedBy: "QM-LEAD", Decision: { Code: "A" } };
    const r = mapper.decode(record, undefined, { validate: false });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.decision).toEqual({ decidedBy: "QM-LEAD", outcome: { value: "Accepted", originalCode: "A", originalList: "acme:ud" } });
    const back = mapper.encode(r.value);
    expect(back.ok && back.value).toEqual(record);
  });
});
