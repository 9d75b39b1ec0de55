import fs from "node:fs";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EventName, ObjectName, SchemaName } from "@mfgsync/canonical";
import {
  EventSchemas, ISSUE_CODES, OBJECT_NAMES, READABLE_SCHEMA_VERSIONS, SCHEMA_NAMES, SCHEMA_VERSION, safeParseEvent, safeParseEventOf, safeParseLot,
  safeParseObject, toJsonSchema,
} from "@mfgsync/canonical";
import { arbitraryEvent, arbitraryObject } from "@mfgsync/canonical/testing";
import { type Loose, jsonSchemaErrors, readExample } from "./support.js";
import { schemaFields, shownOwners } from "./schema-fields.js";

const V10 = new URL("./fixtures/v1.0/", import.meta.url);
const V10_FIELDS = (JSON.parse(fs.readFileSync(new URL("fields.json", V10), "utf8")) as { fields: Record<string, boolean> }).fields;
const V10_EXAMPLES = fs.readdirSync(new URL("examples/", V10)).map((f) => f.replace(/\.json$/, "")) as SchemaName[];
const readV10 = (name: string): Loose => JSON.parse(fs.readFileSync(new URL(`examples/${name}.json`, V10), "utf8"));
const EVENT_NAMES = Object.keys(EventSchemas) as EventName[];
const isObjectName = (name: string): name is ObjectName => (OBJECT_NAMES as readonly string[]).includes(name);

const current = SCHEMA_NAMES.map((name) => ({ name, fields: schemaFields(toJsonSchema(name), name) }));
const currentPaths = new Map(current.flatMap(({ fields }) => fields.map((f) => [f.path, f] as const)));
/** Owner keys of the fields that did not exist in 1.0, with one full path each (for messages). */
const newOwners = new Map(current.flatMap(({ fields }) => fields.filter((f) => !Object.hasOwn(V10_FIELDS, f.path)).map((f) => [f.owner, f.path] as const)));

describe("1.1 is a compatible extension of 1.0 (docs/guides/versioning.md)", () => {
  it("the 1.0 field list is what it says: 1.0 had no scope, holds or quantity split", () => {
    expect(Object.keys(V10_FIELDS).length).toBeGreaterThan(1000);
    expect(V10_FIELDS["lot/disposition"]).toBe(true);
    expect(Object.keys(V10_FIELDS).some((p) => p.endsWith("/scope") || p.includes("/holds") || p.includes("/quantities"))).toBe(false);
  });

  it("no 1.0 field is removed, and no optional 1.0 field became required", () => {
    const removed = Object.keys(V10_FIELDS).filter((path) => !currentPaths.has(path));
    const tightened = Object.entries(V10_FIELDS).filter(([path, required]) => !required && currentPaths.get(path)?.required === true).map(([path]) => path);
    expect(removed).toEqual([]);
    expect(tightened).toEqual([]);
  });

  it("1.1 adds fields, and the envelope's datacontenttype became optional as CloudEvents has it", () => {
    expect(newOwners.size).toBeGreaterThan(100);
    expect(V10_FIELDS["lot-created/datacontenttype"]).toBe(true);
    expect(currentPaths.get("lot-created/datacontenttype")?.required).toBe(false);
  });

  it.each(V10_EXAMPLES)("the 1.0 example %s still validates, unchanged, with zod and the published JSON Schema", (name) => {
    const example = readV10(name);
    const result = isObjectName(name) ? safeParseObject(name, example) : safeParseEventOf(name as EventName, example);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.ok && result.value).toEqual(example);
    expect(jsonSchemaErrors(name, example)).toEqual([]);
  });

  it("objects are emitted at 1.1 and read at 1.0 and 1.1", () => {
    expect(SCHEMA_VERSION).toBe("1.1");
    expect(READABLE_SCHEMA_VERSIONS).toEqual(["1.0", "1.1"]);
    for (const name of OBJECT_NAMES) expect(readExample(name)).toMatchObject({ schemaVersion: "1.1" });
    expect(readV10("lot").schemaVersion).toBe("1.0");
  });
});

describe("every field new in 1.1 is shown and generated", () => {
  it("in at least one example", () => {
    const shown = new Set(SCHEMA_NAMES.flatMap((name) => [...shownOwners(toJsonSchema(name), name, readExample(name))]));
    const missing = [...newOwners].filter(([owner]) => !shown.has(owner)).map(([owner, path]) => `${owner} (e.g. ${path})`);
    expect(missing).toEqual([]);
  });

  it("by the arbitraries (a few hundred values of every object and event)", () => {
    const shown = new Set<string>();
    for (const name of SCHEMA_NAMES) {
      const arbitrary = (isObjectName(name) ? arbitraryObject(name) : arbitraryEvent(name as EventName)) as fc.Arbitrary<unknown>;
      const schema = toJsonSchema(name);
      for (const value of fc.sample(arbitrary, { numRuns: 150, seed: 11 })) for (const owner of shownOwners(schema, name, value)) shown.add(owner);
    }
    const missing = [...newOwners].filter(([owner]) => !shown.has(owner)).map(([owner, path]) => `${owner} (e.g. ${path})`);
    expect(missing).toEqual([]);
  });
});

describe("objects from a newer version", () => {
  const lot = readExample("lot") as Loose;

  it("a 1.2 object gets one issue whose code and message name the version, whatever else it holds", () => {
    const newer = { ...lot, schemaVersion: "1.2", carbonFootprint: { value: "3.2", unit: "KGM" }, disposition: { value: "Quarantine" } };
    const result = safeParseLot(newer);
    expect(result.ok ? [] : result.issues).toEqual([{ path: "/schemaVersion", code: ISSUE_CODES.newerVersion, message: expect.stringContaining('"1.2"') }]);
    expect(result.ok ? "" : result.issues[0].message).toContain("lenient");
  });

  it("inside an event, the issue points at the embedded object's version and hides only that object's other issues", () => {
    const event = readExample("lot-created") as Loose;
    const newer = { ...event, sequence: "0", data: { lot: { ...event.data.lot, schemaVersion: "1.7", unknownThing: 1 } } };
    const result = safeParseEvent(newer);
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.code])).toEqual([["/sequence", ISSUE_CODES.invalidFormat], ["/data/lot/schemaVersion", ISSUE_CODES.newerVersion]]);
  });

  it("a new major version or a malformed version is unsupported, not newer", () => {
    for (const version of ["2.0", "0.9", "1.1.0", "1", "v1.2", 1.2]) {
      const result = safeParseLot({ ...lot, schemaVersion: version });
      expect(result.ok ? [] : result.issues.map((i) => i.code), String(version)).toEqual([ISSUE_CODES.unsupportedVersion]);
    }
  });
});
