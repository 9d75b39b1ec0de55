// The bookkeeping a decode keeps (extensions.mfgsync) and the vendor values it
// keeps (extensions.<namespace>) come back from outside inside canonical
// objects: encode must not trust their form, and decode must keep only what
// encode can write back. Cases found by the fuzz suite (`pnpm fuzz`).
import { SCHEMA_VERSION } from "@mfgsync/canonical";
import type { CatalogEntityInfo } from "@mfgsync/mapping";
import { MAPPING_CODES, child, compileMapper, declareMapper, entity, field, identifier, materialRef, odataV2Profile, sameAsParent, text } from "@mfgsync/mapping";
import { describe, expect, it } from "vitest";

const prop = (name: string, maxLength: number | null = null) => ({ name, edmType: "Edm.String", maxLength, nullable: true, precision: null, scale: null });
const LOTS: CatalogEntityInfo = { entitySet: "Lots", keys: ["LotId"], properties: [prop("LotId", 10), prop("Item", 20), prop("Note", 40)], navigationProperties: [{ name: "Parents" }] };
const LINKS: CatalogEntityInfo = { entitySet: "LotLinks", keys: ["LotId", "ParentLot"], properties: [prop("LotId", 10), prop("ParentLot", 10), prop("Weight", 5)], navigationProperties: [] };

const mapper = compileMapper<Record<string, unknown>, "lot">(declareMapper({
  name: "acme:lot", title: "ACME lots", canonical: "lot", profile: odataV2Profile, namespace: "acme", defaults: { scheme: "acme" }, knownLoss: [],
  root: entity({
    entity: "Lots", catalog: LOTS, constants: { schemaVersion: SCHEMA_VERSION, kind: "lot", disposition: { value: "UnRestricted" } },
    fields: [field("LotId", "id", identifier(), { required: true }), field("Item", "material", materialRef(), { required: true })],
    children: [child("Parents", "parents", entity({
      entity: "LotLinks", catalog: LINKS,
      fields: [field("ParentLot", "lot", identifier(), { required: true }), field("LotId", null, sameAsParent("LotId"))],
    }), { match: "lot.value", optional: true })],
  }),
}));

const LOT = { LotId: "L1", Item: "FG-1", Note: "keep", Parents: { results: [{ LotId: "L1", ParentLot: "P1", Weight: "heavy" }], __count: "1" } };

function decoded(): Record<string, unknown> {
  const r = mapper.decode(LOT);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return JSON.parse(JSON.stringify(r.value)) as Record<string, unknown>;
}

function withBooks(books: unknown): Record<string, unknown> {
  const lot = decoded();
  const extensions = lot["extensions"] as { mfgsync: { acme: Record<string, unknown> } };
  return { ...lot, extensions: { ...extensions, mfgsync: { acme: { ...extensions.mfgsync.acme, ...(books as object) } } } };
}

describe("encode does not trust the bookkeeping it is given", () => {
  it("malformed members (absent, nulls, numbers, shapes, children) give a result, never mapping.internal", () => {
    const hostile: unknown[] = [
      { absent: "Parents" }, { absent: 5 }, { absent: { Parents: true } }, { absent: [1, {}] }, { nulls: "Note" }, { numbers: "1" }, { numbers: { "/Note": 5 } }, { numbers: { "/Note": "12abc" } },
      { shapes: "x" }, { shapes: { Parents: { form: "results", extra: "abc" } } }, { shapes: { Parents: { form: 7 } } }, { children: [] },
      { children: { Parents: "x" } }, { children: { Parents: [null, 3, "s"] } }, { etag: 5 },
    ];
    for (const books of hostile) {
      const r = mapper.encode(withBooks(books) as never);
      if (!r.ok) expect(r.issues.map((i) => i.code)).not.toContain(MAPPING_CODES.internal);
      else expect(r.value["LotId"]).toBe("L1");
    }
  });

  it("collection extras cannot replace the rows", () => {
    const r = mapper.encode(withBooks({ shapes: { Parents: { form: "results", extra: { results: "not rows", __count: "1" } } } }) as never);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value["Parents"]).toEqual({ results: [{ LotId: "L1", ParentLot: "P1", Weight: "heavy" }], __count: "1" });
  });

  it("a kept value or a null under a name decode would refuse is an issue, not a property of the entity", () => {
    const lot = decoded();
    const extensions = lot["extensions"] as { acme: Record<string, unknown> };
    const parents = extensions.acme["Parents"] as Record<string, unknown>[];
    const nested = { ...lot, extensions: { ...extensions, acme: { ...extensions.acme, Parents: [{ ...parents[0], "bad+name": 1 }] } } };
    const r = mapper.encode(nested as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ path: "/extensions/acme/Parents/0/bad+name", code: "field.unknown" });
    const nulled = mapper.encode(withBooks({ nulls: [" ", "-Note"] }) as never);
    expect(nulled.ok).toBe(false);
    if (!nulled.ok) expect(nulled.issues.every((i) => i.code === "field.unknown")).toBe(true);
  });
});

describe("decode keeps only envelope extras it can write back", () => {
  it("a non-JSON value or a prototype key beside the rows is an issue at that key", () => {
    const cases: [unknown, string][] = [
      [{ results: LOT.Parents.results, __count: Symbol("s") }, "/Parents/__count"],
      [{ results: LOT.Parents.results, __next: () => 1 }, "/Parents/__next"],
      [JSON.parse('{"results":[],"__proto__":{"polluted":true}}'), "/Parents/__proto__"],
    ];
    for (const [parents, path] of cases) {
      const r = mapper.decode({ ...LOT, Parents: parents });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.path)).toContain(path);
    }
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("JSON extras are kept and written back", () => {
    const r = mapper.decode({ ...LOT, Parents: { ...LOT.Parents, __next: "https://acme/Lots?$skiptoken=2" } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const e = mapper.encode(r.value);
    expect(e.ok && e.value["Parents"]).toEqual({ ...LOT.Parents, __next: "https://acme/Lots?$skiptoken=2" });
  });
});

void text;

describe("identifiers longer than the canonical limit", () => {
  it("are an issue at the vendor property when the catalog states no length", () => {
    const loose = compileMapper<Record<string, unknown>, "lot">(declareMapper({
      name: "acme:loose-lot", title: "ACME lots without lengths", canonical: "lot", profile: odataV2Profile, namespace: "acme", defaults: { scheme: "acme" }, knownLoss: [],
      root: entity({
        entity: "Lots", constants: { schemaVersion: SCHEMA_VERSION, kind: "lot", disposition: { value: "UnRestricted" } },
        fields: [field("LotId", "id", identifier(), { required: true }), field("Item", "material", materialRef(), { required: true })],
      }),
    }));
    const r = loose.decode({ LotId: "L".repeat(256), Item: "I".repeat(255) }, undefined, { validate: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => [i.path, i.code])).toEqual([["/LotId", "value.too-big"]]);
  });
});

describe("values JSON has no spelling for", () => {
  it("a navigation set to undefined is absent: the vendor value without transport drops it and the round trip is exact", () => {
    const input = { __metadata: { type: "Lots" }, LotId: "L1", Item: "FG-1", Parents: undefined };
    expect(odataV2Profile.stripTransport(input)).toEqual({ LotId: "L1", Item: "FG-1" });
    const r = mapper.decode(input);
    expect(r.ok ? [] : r.issues).toEqual([]);
    if (r.ok) expect(mapper.encode(r.value)).toMatchObject({ ok: true, value: { LotId: "L1", Item: "FG-1" } });
  });

  it("a number beyond the range of a double (1e400) in a kept value is an issue, with or without the schema check", () => {
    for (const validate of [true, false]) {
      const r = mapper.decodeWire('{"LotId":"L1","Item":"FG-1","Extra":{"weight":1e400}}', undefined, { validate });
      const issues = r.ok ? r.results.flatMap((x) => (x.ok ? [] : x.issues)) : r.issues;
      expect(issues.map((i) => [i.path, i.code])).toEqual([["/Extra/weight", "value.too-big"]]);
    }
  });
});
