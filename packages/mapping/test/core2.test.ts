import { SCHEMA_VERSION } from "@mfgsync/canonical";
import type { VendorMappers } from "@mfgsync/mapping";
import {
  JsonNumber, MAPPING_CODES, codeAndValue, compileMapper, createRegistry, declareMapper, entity, field, identifier, lossNormalizers, odataV2DateTimeOffset,
  odataV2Profile, oracleRestProfile, parseWireJson, resolveContext, stringifyWireJson, text, unitCodeAndName,
} from "@mfgsync/mapping";
import { checkVendorRoundTrip, diffJson, runConformance } from "@mfgsync/mapping/conformance";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { odataMapper, restMapper } from "./support/acme.js";

describe("wire JSON", () => {
  it("refuses duplicate keys, naming the key and its object", () => {
    const r = parseWireJson('{"d":{"results":[{"Batch":"1"},{"Batch":"2","Batch":"3"}]}}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]).toMatchObject({ path: "/d/results/1", code: MAPPING_CODES.duplicateKey });
      expect(r.issues[0]?.message).toContain('"Batch"');
    }
    expect(parseWireJson('{"a\\u0062":1,"ab":2}').ok).toBe(false);
    expect(parseWireJson('{"a":{"x":1},"b":{"x":1}}').ok).toBe(true);
  });

  it("keeps number tokens a double would change, and writes them back digit for digit", () => {
    const text = '{"q":12.30,"big":9007199254740993,"e":1e3,"z":-0,"plain":12.5,"id":300100111016254}';
    const r = parseWireJson(text);
    if (!r.ok) throw new Error("parse");
    const v = r.value as Record<string, unknown>;
    expect(v["q"]).toBeInstanceOf(JsonNumber);
    expect(v["plain"]).toBe(12.5);
    expect(v["id"]).toBe(300100111016254);
    expect(stringifyWireJson(v)).toBe(text);
    expect(JSON.stringify(v)).toBe('{"q":12.3,"big":9007199254740992,"e":1000,"z":0,"plain":12.5,"id":300100111016254}');
  });

  it("reports text that is not JSON as such", () => {
    const r = parseWireJson('{"a":');
    expect(!r.ok && r.issues[0]?.code).toBe(MAPPING_CODES.jsonInvalid);
  });

  it("parses any JSON text the way JSON.parse does, up to exact numbers (property)", () => {
    fc.assert(fc.property(fc.json(), (text) => {
      const r = parseWireJson(text);
      expect(r.ok).toBe(true);
      if (r.ok) expect(JSON.stringify(r.value)).toBe(JSON.stringify(JSON.parse(text)));
    }), { numRuns: 300 });
  });
});

describe("time defects of mapping core 1", () => {
  it("refuses OData V2 offsets beyond ±23:59 instead of inventing +166:39", () => {
    const scope = {
      context: (resolveContext({}, { scheme: "acme" }) as { ok: true; value: never }).value, record: {}, parentRecord: undefined, profile: odataV2Profile,
      zone: () => "UTC", idScope: () => undefined, issue: (_p: string, code: string) => (codes.push(code), Symbol.for("x") as never), warn: () => undefined, carry: () => undefined,
    };
    const codes: string[] = [];
    odataV2DateTimeOffset().decode("/Date(1474416000000+9999)/", scope, ["ChangedDateTime"]);
    expect(codes).toEqual(["format.invalid"]);
  });

  it("keeps the sign of a year before 0001 out of canonical timestamps (refused, not written as year 0001)", () => {
    const codes: string[] = [];
    const scope = {
      context: (resolveContext({}, { scheme: "acme" }) as { ok: true; value: never }).value, record: {}, parentRecord: undefined, profile: odataV2Profile,
      zone: () => "UTC", idScope: () => undefined, issue: (_p: string, code: string) => (codes.push(code), Symbol.for("x") as never), warn: () => undefined, carry: () => undefined,
    };
    const out = odataV2DateTimeOffset().decode("/Date(-62167219200000-0060)/", scope, ["ChangedDateTime"]);
    expect(typeof out === "string" && out.startsWith("0001")).toBe(false);
    expect(codes).toEqual(["format.invalid"]);
  });

  it("describes what decode does with the repeated hour: the first occurrence", () => {
    // 06:30Z is the second 01:30 in New York on 2020-11-01; SAP keeps only the wall clock.
    expect(lossNormalizers.localDateTime("2020-11-01T06:30:00Z", "America/New_York")).toBe("2020-11-01T01:30:00-04:00");
    expect(lossNormalizers.localDateTime("2026-10-25T01:30:00Z", "Europe/Berlin")).toBe("2026-10-25T02:30:00+02:00");
    expect(lossNormalizers.localDateTime("2026-10-25T00:30:00Z", "Europe/Berlin")).toBe("2026-10-25T02:30:00+02:00");
  });

  it("diffJson does not reach Object.prototype", () => {
    expect(diffJson({ constructor: 1 }, {})).toEqual(["/constructor: 1 ≠ (absent)"]);
    expect(diffJson({}, { toString: "x" })).toEqual(['/toString: (absent) ≠ "x"']);
  });
});

describe("mapping context", () => {
  it("refuses unknown keys such as a misspelt plantTimeZone, and malformed code tables", () => {
    const r = resolveContext({ plantTimeZone: { "1010": "Europe/Berlin" } } as never, { scheme: "acme" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message).toContain("plantTimeZone");
    expect(resolveContext({ codeTables: { "acme:status": "Released" } } as never, { scheme: "acme" }).ok).toBe(false);
    expect(resolveContext({ codeTables: { "acme:status": { A: "Released" } } }, { scheme: "acme" }).ok).toBe(true);
  });
});

describe("code + value and unit code + name pairs", () => {
  const declaration = declareMapper({
    name: "acme:material", title: "ACME items", canonical: "material", profile: oracleRestProfile, namespace: "acme", defaults: { scheme: "acme", units: { Ea: "H87", Each: "H87" }, unitsOut: { H87: "Ea" } },
    root: entity({
      entity: "items", constants: { schemaVersion: SCHEMA_VERSION, kind: "material", type: { value: "FinishedGood" } },
      fields: [
        field("ItemNumber", "id", identifier(), { required: true }),
        field("ItemDescription", "description", text()),
        field(["PrimaryUOMCode", "PrimaryUOMValue"], "baseUnit", unitCodeAndName(), { required: true }),
        field(["ItemStatusCode", "ItemStatusValue"], "lifecycleStatus", codeAndValue({ list: "acme:item-status", codes: { A: "Approved", I: "Obsolete" }, fallback: "Other", values: { Active: "A" } })),
      ],
    }),
    knownLoss: [],
  });
  const mapper = compileMapper<Record<string, unknown>, "material">(declaration);

  it("reads the unit from its name when the code is missing, and writes the name back only as read", () => {
    const r = mapper.decode({ ItemNumber: "FG-1", PrimaryUOMValue: "Each", ItemStatusValue: "Active" });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.baseUnit).toBe("H87");
    expect(r.value.lifecycleStatus).toEqual({ value: "Approved", originalCode: "A", originalList: "acme:item-status" });
    expect(checkVendorRoundTrip(mapper, { ItemNumber: "FG-1", PrimaryUOMValue: "Each", ItemStatusValue: "Active" }).problems).toEqual([]);
    const { extensions: _e, ...fresh } = r.value;
    const back = mapper.encode(fresh);
    expect(back.ok && back.value).toMatchObject({ PrimaryUOMCode: "Ea", ItemStatusCode: "A" });
    expect(back.ok && "PrimaryUOMValue" in back.value).toBe(false);
    expect(back.ok && "ItemStatusValue" in back.value).toBe(false);
  });
});

describe("mapper registry", () => {
  it("lists vendors and finds mappers by vendor and object, refusing taken or malformed names", () => {
    const acme: VendorMappers = { name: "acme", title: "ACME", mappers: { "production-order": restMapper } };
    const registry = createRegistry([acme]);
    expect(registry.mapper("acme", "production-order")).toBe(restMapper);
    expect(registry.mapper("acme", "lot")).toBeUndefined();
    expect(registry.mapper("acme", "constructor")).toBeUndefined();
    expect(registry.register({ name: "acme", title: "again", mappers: {} })).toMatchObject({ ok: false });
    expect(registry.register({ name: "canonical", title: "no", mappers: {} })).toMatchObject({ ok: false });
    expect(registry.register({ name: "acme-odata", title: "ACME OData", mappers: { "production-order": odataMapper } })).toEqual({ ok: true });
    expect(registry.vendors().map((v) => v.name)).toEqual(["acme", "acme-odata"]);
  });
});

describe("runner-neutral conformance kit", () => {
  it("reports a mapper that loses a field, without throwing and without vitest", () => {
    const lossy = compileMapper<Record<string, unknown>, "material">(declareMapper({
      name: "acme:material", title: "lossy", canonical: "material", profile: oracleRestProfile, namespace: "acme", defaults: { scheme: "acme" },
      root: entity({
        entity: "items", constants: { schemaVersion: SCHEMA_VERSION, kind: "material", baseUnit: "H87" },
        fields: [field("ItemNumber", "id", identifier(), { required: true }), field("Name", "description", { ...text(), decode: () => undefined })],
      }),
      knownLoss: [],
    }));
    const report = runConformance({
      mapper: lossy, fixtures: [{ name: "item", vendor: { ItemNumber: "A", Name: "kept?" } }],
      arbitrary: fc.constant({ schemaVersion: SCHEMA_VERSION, kind: "material", id: { value: "A", scheme: "acme" }, baseUnit: "H87", description: "x" } as never),
      fit: (m) => m, numRuns: 5,
    });
    const failed = report.filter((c) => c.problems.length > 0).map((c) => c.name);
    expect(failed).toContain("vendor → canonical → vendor is exact: item");
    expect(failed).toContain("canonical → vendor → canonical keeps every field the vendor can hold (property)");
    expect(failed.some((n) => n.startsWith("declares"))).toBe(true);
  });

});

describe("wire JSON, lossless path", () => {
  it("reports a duplicate key as such when the payload also has inexact numbers", () => {
    const r = parseWireJson('{"q":12.30,"a":1,"a":2}');
    expect(!r.ok && r.issues[0]?.code).toBe(MAPPING_CODES.duplicateKey);
    const same = parseWireJson('{"q":12.30,"a":1,"a":1}');
    expect(!same.ok && same.issues[0]?.code).toBe(MAPPING_CODES.duplicateKey);
  });
});

describe("wire JSON, native path for inexact numbers", () => {
  // Keys start with a letter: JavaScript objects put integer-like keys first, whatever the parser.
  // Texts whose numbers a double would respell (12.50, 1e3, 2^53 + 1), in every position JSON allows.
  const inexact = fc.oneof(fc.constant("12.50"), fc.constant("1e3"), fc.constant("-0"), fc.constant("9007199254740993"), fc.constant("0.10"), fc.constant("1E+2"));
  const value: fc.Arbitrary<string> = fc.letrec<{ v: string }>((tie) => ({
    v: fc.oneof(
      { depthSize: "small" },
      inexact,
      fc.integer().map(String),
      fc.string().map((s) => JSON.stringify(s)),
      fc.array(tie("v"), { maxLength: 4 }).map((a) => `[${a.join(",")}]`),
      fc.uniqueArray(fc.tuple(fc.string({ maxLength: 6 }).map((k) => `k${k}`), tie("v")), { maxLength: 4, selector: ([k]) => k }).map((es) => `{${es.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`),
    ),
  })).v;

  it("keeps every number token as written, and writes the same text back (property)", () => {
    fc.assert(fc.property(value, (text) => {
      const r = parseWireJson(text);
      expect(r.ok).toBe(true);
      if (r.ok) expect(stringifyWireJson(r.value)).toBe(text);
    }), { numRuns: 500 });
  });

  it("a string that spells the marker (\\u0001) stays a string, and a root number is kept", () => {
    const text = '{"a":"\\u00010","q":12.50}';
    const r = parseWireJson(text);
    if (!r.ok) throw new Error("parse");
    expect((r.value as Record<string, unknown>)["a"]).toBe("\u00010");
    expect(stringifyWireJson(r.value)).toBe(text);
    const root = parseWireJson("12.50");
    expect(root.ok && root.value).toBeInstanceOf(JsonNumber);
  });

  it("still refuses duplicate keys and reports malformed text, with inexact numbers present", () => {
    const dup = parseWireJson('{"items":[{"Q":1.50,"Q":2.50}]}');
    expect(!dup.ok && dup.issues[0]).toMatchObject({ path: "/items/0", code: MAPPING_CODES.duplicateKey });
    const bad = parseWireJson('{"Q":1.50,');
    expect(!bad.ok && bad.issues[0]?.code).toBe(MAPPING_CODES.jsonInvalid);
    const deep = "[".repeat(600) + "1.50" + "]".repeat(600);
    const d = parseWireJson(deep);
    expect(d.ok && stringifyWireJson(d.value)).toBe(deep);
  });
});
