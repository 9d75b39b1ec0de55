import * as fc from "fast-check";
import { describe, expectTypeOf, it } from "vitest";
import type {
  CanonicalEvent, CanonicalEventOf, CanonicalObject, Disposition, EventInput, EventName, Identifier, Inspection, Issue, Lot, Material,
  Nonconformance, ObjectName, ProductionOrder, Quantity, ReadValue, Reference, Result, SchemaName,
} from "@mfgsync/canonical";
import {
  createEvent, parseLot, safeCreateEvent, safeParseEvent, safeParseEventOf, safeParseLot, safeParseMaterial, safeParseObject, safeReadObject, toJsonSchema,
} from "@mfgsync/canonical";
import { arbitraryEvent, arbitraryLot, arbitraryObject, arbitraryQuantity } from "@mfgsync/canonical/testing";

describe("public types", () => {
  it("parsers return the inferred object types", () => {
    expectTypeOf(safeParseLot).returns.toEqualTypeOf<Result<Lot>>();
    expectTypeOf(parseLot).returns.toEqualTypeOf<Lot>();
    expectTypeOf(safeParseMaterial).parameter(0).toBeUnknown();
    expectTypeOf(safeParseObject<"inspection">).returns.toEqualTypeOf<Result<Inspection>>();
    expectTypeOf<CanonicalObject<"production-order">>().toEqualTypeOf<ProductionOrder>();
    expectTypeOf<CanonicalObject>().toEqualTypeOf<Material | ProductionOrder | Lot | Inspection | Nonconformance>();
    expectTypeOf<ObjectName>().toEqualTypeOf<"material" | "production-order" | "lot" | "inspection" | "nonconformance">();
  });

  it("results narrow on ok and carry at least one issue", () => {
    const result = safeParseLot({});
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<Lot>();
    else {
      expectTypeOf(result.issues).toEqualTypeOf<readonly [Issue, ...Issue[]]>();
      expectTypeOf(result.issues[0]).toEqualTypeOf<Issue>();
    }
    expectTypeOf<Issue>().toEqualTypeOf<{ readonly path: string; readonly code: string; readonly message: string }>();
  });

  it("vocabularies are string unions, not strings", () => {
    expectTypeOf<Lot["disposition"]["value"]>().toEqualTypeOf<Disposition>();
    expectTypeOf<Disposition>().toEqualTypeOf<"Planned" | "In-Process" | "Restricted" | "UnRestricted" | "Closed" | "Other">();
    expectTypeOf<Lot["disposition"]["originalCode"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Lot["schemaVersion"]>().toEqualTypeOf<"1.0" | "1.1">();
    expectTypeOf<NonNullable<Lot["qualityStatus"]>["value"]>().toEqualTypeOf<"AwaitingInspection" | "Accepted" | "Rejected" | "OnHold" | "Quarantined" | "Other">();
    expectTypeOf<NonNullable<Lot["holds"]>[number]["blocks"]>().toEqualTypeOf<("Consumption" | "Shipment" | "Transfer" | "ProductionCompletion" | "All" | "Other")[]>();
    expectTypeOf<Lot["kind"]>().toEqualTypeOf<"lot">();
    expectTypeOf<Quantity>().toEqualTypeOf<{ value: string; unit: string }>();
    expectTypeOf<Identifier>().toEqualTypeOf<{ value: string; scheme: string; issuer?: string | undefined; scope?: { type: "company" | "organization" | "plant"; value: string } | undefined }>();
    // A reference is an identifier that may carry the referenced object's other identifiers: every identifier is a reference.
    expectTypeOf<Reference>().toEqualTypeOf<{
      value: string; scheme: string; issuer?: string | undefined; scope?: { type: "company" | "organization" | "plant"; value: string } | undefined;
      crossReferences?: Identifier[] | undefined;
    }>();
    expectTypeOf<Identifier>().toMatchTypeOf<Reference>();
    expectTypeOf<NonNullable<ProductionOrder["components"][number]["lot"]>>().toEqualTypeOf<Reference>();
  });

  it("events are typed by name", () => {
    expectTypeOf<CanonicalEventOf<"lot-created">["data"]["lot"]>().toEqualTypeOf<Lot>();
    expectTypeOf<CanonicalEventOf<"lot-created">["type"]>().toEqualTypeOf<"dev.mfgsync.lot.created.v1">();
    expectTypeOf<CanonicalEventOf<"production-order-released">["data"]["order"]>().toEqualTypeOf<ProductionOrder>();
    expectTypeOf<CanonicalEventOf<"nonconformance-closed">["data"]["nonconformance"]>().toEqualTypeOf<Nonconformance>();
    expectTypeOf<CanonicalEventOf<"lot-disposition-changed">["data"]["change"]>().toEqualTypeOf<"Hold" | "Release" | "Reject" | "Other">();
    expectTypeOf(createEvent<"lot-created">).returns.toEqualTypeOf<CanonicalEventOf<"lot-created">>();
    expectTypeOf(safeCreateEvent<"lot-created">).returns.toEqualTypeOf<Result<CanonicalEventOf<"lot-created">>>();
    expectTypeOf(safeParseEventOf<"operation-started">).returns.toEqualTypeOf<Result<CanonicalEventOf<"operation-started">>>();
    expectTypeOf(safeParseEvent).returns.toEqualTypeOf<Result<CanonicalEvent>>();
    expectTypeOf<EventInput<"lot-created">["data"]["lot"]["kind"]>().toEqualTypeOf<"lot">();
    expectTypeOf<EventInput<"lot-created">["sequence"]>().toEqualTypeOf<string | bigint | number>();
    expectTypeOf<CanonicalEventOf<"lot-shipped">["data"]["quantity"]>().toEqualTypeOf<Quantity>();
    expectTypeOf<CanonicalEventOf<"lot-created">["causationid"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CanonicalEventOf<"lot-created">["datacontenttype"]>().toEqualTypeOf<"application/json">();
    // Extension attributes are kept beside the known ones, typed as CloudEvents values.
    expectTypeOf<CanonicalEventOf<"lot-created">["knativearrivaltime"]>().toEqualTypeOf<string | number | boolean>();
    expectTypeOf(safeReadObject<"lot">).returns.toEqualTypeOf<Result<ReadValue<Lot>>>();
    expectTypeOf<SchemaName>().toEqualTypeOf<ObjectName | EventName>();
  });

  it("narrowing an event on type gives its data", () => {
    const event = {} as CanonicalEvent;
    if (event.type === "dev.mfgsync.lot.dispositionchanged.v1") expectTypeOf(event.data.to.value).toEqualTypeOf<Disposition>();
  });

  it("misuse does not compile", () => {
    // @ts-expect-error not an object name
    safeParseObject("order", {});
    // @ts-expect-error not a schema name
    toJsonSchema("orders");
    // @ts-expect-error data of the wrong event
    createEvent("lot-created", { source: "s", subject: "1", time: "2026-03-02T06:30:00Z", sequence: 1, correlationId: "c", data: { order: { value: "1", scheme: "mes" } } });
  });

  it("arbitraries are typed like the schemas", () => {
    expectTypeOf(arbitraryLot()).toEqualTypeOf<fc.Arbitrary<Lot>>();
    expectTypeOf(arbitraryObject("nonconformance")).toEqualTypeOf<fc.Arbitrary<Nonconformance>>();
    expectTypeOf(arbitraryQuantity()).toEqualTypeOf<fc.Arbitrary<Quantity>>();
    expectTypeOf(arbitraryEvent("lot-created")).toEqualTypeOf<fc.Arbitrary<CanonicalEventOf<"lot-created">>>();
  });
});
