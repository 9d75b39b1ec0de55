import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { EventName, ObjectName, SchemaName } from "@mfgsync/canonical";
import {
  CanonicalEvent, EventSchemas, OBJECT_NAMES, ObjectSchemas, SCHEMA_NAMES, SCHEMA_VERSION, createEvent, eventExtensions, idempotencyKey, safeParseEvent,
  safeParseEventOf, safeParseObject, schemaId, toJsonSchema,
} from "@mfgsync/canonical";
import { EXAMPLES_DIR, type Loose, jsonSchemaErrors, readExample } from "./support.js";

const EVENT_NAMES = Object.keys(EventSchemas) as EventName[];

describe("examples", () => {
  it("there is exactly one example per schema name, and nothing else", () => {
    const files = fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith(".json")).map((f) => f.replace(/\.json$/, "")).sort();
    expect(files).toEqual([...SCHEMA_NAMES].sort());
    expect(SCHEMA_NAMES).toHaveLength(5 + 27);
  });

  describe.each(OBJECT_NAMES)("object %s", (name: ObjectName) => {
    const example = readExample(name);

    it("passes the zod schema unchanged", () => {
      const result = safeParseObject(name, example);
      expect(result.ok ? [] : result.issues).toEqual([]);
      expect(result.ok && result.value).toEqual(example);
    });

    it("passes the generated JSON Schema (ajv, draft 2020-12)", () => {
      expect(jsonSchemaErrors(name, example)).toEqual([]);
    });

    it("states its kind and schema version", () => {
      expect(example).toMatchObject({ kind: name, schemaVersion: SCHEMA_VERSION });
    });
  });

  describe.each(EVENT_NAMES)("event %s", (name: EventName) => {
    const example = readExample(name) as Loose;

    it("passes the zod schema of its name and of any event unchanged", () => {
      const named = safeParseEventOf(name, example);
      expect(named.ok ? [] : named.issues).toEqual([]);
      expect(named.ok && named.value).toEqual(example);
      const any = safeParseEvent(example);
      expect(any.ok && any.value.type).toBe(EventSchemas[name].shape.type.value);
    });

    it("passes the generated JSON Schema (ajv, draft 2020-12)", () => {
      expect(jsonSchemaErrors(name, example)).toEqual([]);
    });

    it("points at its own versioned schema", () => {
      expect(example.dataschema).toBe(schemaId(name));
      expect(example.type).toMatch(/^dev\.mfgsync\.[a-z]+\.[a-z]+\.v1$/);
    });

    it("is exactly what createEvent builds from its fields (the id is the idempotency key)", () => {
      const rebuilt = createEvent(name, {
        source: example.source,
        subject: example.subject,
        time: example.time,
        sequence: example.sequence,
        correlationId: example.correlationid,
        ...(example.causationid === undefined ? {} : { causationId: example.causationid }),
        ...(example.partitionkey === undefined ? {} : { partitionKey: example.partitionkey }),
        ...(example.traceparent === undefined ? {} : { traceparent: example.traceparent }),
        ...(Object.keys(eventExtensions(example)).length === 0 ? {} : { extensions: eventExtensions(example) }),
        data: example.data,
      });
      expect(rebuilt).toEqual(example);
      // The examples' subjects carry no scope, so their keys are 1.0 keys: the four strings.
      expect(example.id).toBe(idempotencyKey({ source: example.source, objectType: example.type, businessKey: example.subject, revision: example.sequence }));
    });
  });
});

describe("the examples tell one coherent story", () => {
  const events = EVENT_NAMES.map((name) => readExample(name) as Loose);
  const order = readExample("production-order") as Loose;
  const lot = readExample("lot") as Loose;
  const inspection = readExample("inspection") as Loose;
  const nonconformance = readExample("nonconformance") as Loose;

  it("every event has a distinct id, and (source, subject, sequence) never repeats", () => {
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const slots = events.map((e) => `${e.source} ${e.subject} ${e.sequence}`);
    expect(new Set(slots).size).toBe(slots.length);
  });

  it("per source and subject, sequence numbers increase with time", () => {
    const bySubject = new Map<string, Loose[]>();
    for (const e of events) bySubject.set(`${e.source} ${e.subject}`, [...(bySubject.get(`${e.source} ${e.subject}`) ?? []), e]);
    for (const stream of bySubject.values()) {
      const bySequence = [...stream].sort((a, b) => Number(a.sequence) - Number(b.sequence));
      const byTime = [...stream].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
      expect(bySequence.map((e) => e.id)).toEqual(byTime.map((e) => e.id));
    }
  });

  it("everything happens in SAP plant 1010 around order 1000123 for FG-1000", () => {
    expect(order).toMatchObject({ id: { value: "1000123", scheme: "sap-s4hana" }, plant: "1010", material: { id: { value: "FG-1000" } } });
    expect(order.operations.map((o: Loose) => o.sequence)).toEqual(["0010", "0020", "0025", "0030"]);
    expect(order.components).toHaveLength(3);
    expect(lot.producedBy).toEqual(order.id);
    expect(order.producedLot).toEqual(lot.id);
    expect(inspection.subject.lot).toEqual(lot.id);
    expect(inspection.subject.order).toEqual(order.id);
    expect(nonconformance.inspection).toEqual(inspection.id);
    expect(nonconformance.affected[0].lot).toEqual(lot.id);
  });

  it("the lot's genealogy matches the order's lot-managed components", () => {
    const componentLots = order.components.filter((c: Loose) => c.lot).map((c: Loose) => [c.material.id.value, c.lot.value]);
    const parentLots = lot.parents.map((p: Loose) => [p.material.id.value, p.lot.value]);
    expect(parentLots).toEqual(componentLots);
    for (const parent of lot.parents) expect(parent.order).toEqual(order.id);
  });

  it("the inspection has quantitative and qualitative characteristics, results for each, and a usage decision", () => {
    const ids = inspection.characteristics.map((c: Loose) => c.id);
    expect(new Set(inspection.characteristics.map((c: Loose) => c.kind))).toEqual(new Set(["Quantitative", "Qualitative"]));
    expect(inspection.results.map((r: Loose) => r.characteristic)).toEqual(ids);
    expect(inspection.decision.outcome.originalCode).toBeTruthy();
  });

  it("quantitative results lie inside their limits exactly when they pass", () => {
    for (const result of inspection.results.filter((r: Loose) => r.measured)) {
      const spec = inspection.characteristics.find((c: Loose) => c.id === result.characteristic);
      const value = Number(result.measured.value);
      const inside = value >= Number(spec.lowerLimit) && value <= Number(spec.upperLimit);
      expect(result.measured.unit).toBe(spec.unit);
      expect(inside).toBe(result.evaluation.value === "Pass");
    }
  });

  it("the nonconformance has containment and the closing event carries the final state", () => {
    expect(nonconformance.containmentActions.length).toBeGreaterThan(0);
    expect((readExample("nonconformance-closed") as Loose).data.nonconformance).toEqual(nonconformance);
    expect((readExample("lot-created") as Loose).data.lot.id).toEqual(lot.id);
  });

  it("uses SAP identifiers with MES/QMS cross-references and keeps SAP extensions", () => {
    const objects = OBJECT_NAMES.map((name) => readExample(name) as Loose);
    for (const object of objects) {
      expect(object.id).toMatchObject({ scheme: "sap-s4hana", issuer: "S4P-100" });
      expect(object.crossReferences.map((r: Loose) => r.scheme).every((s: string) => s === "mes" || s === "qms")).toBe(true);
      expect(Object.keys(object.extensions)).toEqual(["sap"]);
    }
  });
  it("the rework operation repeats the operation whose leak test failed, as the rework event says", () => {
    const rework = readExample("rework-declared") as Loose;
    const operation = order.operations.find((o: Loose) => o.sequence === rework.data.operation);
    expect(operation.repeats).toBe(rework.data.repeats);
    expect(order.operations.some((o: Loose) => o.sequence === operation.repeats)).toBe(true);
    expect(operation.confirmedYield.value).toBe(rework.data.quantity.value);
  });

  it("the usage decision splits exactly the inspected quantity, and the lot keeps what was not destroyed or retained", () => {
    const q = inspection.decision.quantities;
    const parts = [q.accepted, q.rejected, q.scrapped, q.sampleDestroyed, q.returnedToVendor, q.toRework, ...q.other.map((o: Loose) => o.quantity)];
    expect(parts.reduce((sum: number, p: Loose) => sum + Number(p.value), 0)).toBe(Number(inspection.inspectedQuantity.value));
    expect(Number(lot.quantity.value)).toBe(Number(inspection.inspectedQuantity.value) - Number(q.sampleDestroyed.value) - Number(q.other[0].quantity.value));
    expect((readExample("inspection-decision-made") as Loose).data.decision).toEqual(inspection.decision);
  });

  it("holds: the inspection hold placed at creation is released by the decision, the rework hold it places is the lot's and the nonconformance's", () => {
    const created = (readExample("lot-created") as Loose).data.lot;
    const changed = (readExample("lot-disposition-changed") as Loose);
    const decisionEvent = readExample("inspection-decision-made") as Loose;
    expect(created.holds.map((h: Loose) => h.id)).toEqual([changed.data.holdsReleased[0].hold]);
    expect(changed.data.holdsReleased[0].inspection.value).toBe(inspection.id.value);
    expect(changed.causationid).toBe(decisionEvent.id);
    expect(lot.holds).toEqual(changed.data.holdsPlaced);
    expect(lot.holds).toEqual(inspection.decision.holdsPlaced);
    expect(nonconformance.heldLots[0].hold).toEqual(lot.holds[0].id);
    expect(nonconformance.heldLots[0].quantity).toEqual(lot.holds[0].quantity);
    expect(lot.holds[0].sourceReference.value).toBe(nonconformance.id.value);
  });

  it("the shipment ships serialised units the order produced, no more than the lot holds outside the hold", () => {
    const shipped = readExample("lot-shipped") as Loose;
    const produced = readExample("material-produced") as Loose;
    expect(produced.data.serialNumbers).toHaveLength(Number(produced.data.quantity.value));
    expect(shipped.data.serialNumbers).toHaveLength(Number(shipped.data.quantity.value));
    for (const serial of shipped.data.serialNumbers) expect(produced.data.serialNumbers).toContain(serial);
    expect(Number(shipped.data.quantity.value)).toBeLessThanOrEqual(Number(lot.quantity.value) - Number(lot.holds[0].quantity.value));
  });

  it("the MES acknowledges the release it was sent (causation), and the reversed confirmation is not the one that stands", () => {
    const ack = readExample("production-order-acknowledged") as Loose;
    expect(ack.causationid).toBe((readExample("production-order-released") as Loose).id);
    const reversed = (readExample("production-confirmation-reversed") as Loose).data;
    const confirmed = (readExample("production-confirmed") as Loose).data;
    expect(reversed.confirmation.value).not.toBe(confirmed.confirmation.value);
    expect(reversed.order).toEqual(confirmed.order);
  });
});

describe("toJsonSchema", () => {
  it.each(SCHEMA_NAMES)("%s is draft 2020-12 with a versioned $id, and compiles in strict ajv", (name: SchemaName) => {
    const schema = toJsonSchema(name);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe(`https://mfgsync.dev/schemas/v1/${name}.schema.json`);
    expect(schema.$id).toBe(schemaId(name));
    expect(jsonSchemaErrors(name, null).length).toBeGreaterThan(0);
  });

  it("throws a RangeError for names that are not schemas, including Object.prototype keys", () => {
    for (const name of ["nope", "constructor", "toString", "__proto__"]) expect(() => toJsonSchema(name as SchemaName)).toThrow(RangeError);
  });

  it("covers every object and event schema", () => {
    expect(new Set(SCHEMA_NAMES)).toEqual(new Set([...Object.keys(ObjectSchemas), ...Object.keys(EventSchemas)]));
    expect(CanonicalEvent.options).toHaveLength(27);
  });
});
