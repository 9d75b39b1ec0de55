// Issue 11: an OData V4 `value` page is a collection whatever else it carries
// (`@odata.context`, `@odata.count`, `@odata.nextLink`, other annotations, a
// proxy's own keys): every D365 mapper reads its rows as the plain page's rows,
// never the page as one entity.
import { D365_CODES, D365_MAPPERS_BY_OBJECT } from "@mfgsync/mappers-d365";
import type { Mapper, WireResult } from "@mfgsync/mapping";
import { describe, expect, it } from "vitest";
import { fixtureText } from "./helpers/fixtures.js";

const CONTEXT = {
  plantTimeZones: { "2": "America/Chicago" },
  units: { cP: "C7" },
  codeTables: { "d365:QualityTestUnit": { Viscosity: "cP", Diameter: "mm" }, "d365:BatchDispositionCode": { "QA-QUAR": "Unavailable" }, "d365:ProductLifecycleStateId": { Discontinued: "Obsolete" } },
};

/** The rows of each mapper's fixtures (JSON.parse: the page texts below are built from them). */
const ROWS: Record<string, unknown[]> = {
  "production-order": (JSON.parse(fixtureText("production-order/orders-released-expanded-collection.json")) as { value: unknown[] }).value,
  material: (JSON.parse(fixtureText("material/released-products-collection.json")) as { value: unknown[] }).value,
  lot: (JSON.parse(fixtureText("lot/item-batches-collection.json")) as { value: unknown[] }).value,
  inspection: [JSON.parse(fixtureText("inspection/quality-order-production-passed.json")) as Record<string, unknown>].map(({ "@odata.context": _c, ...row }) => row),
  nonconformance: (JSON.parse(fixtureText("nonconformance/nonconformances-collection.json")) as { value: unknown[] }).value,
};

const NEXT = "https://mfgsync-demo.operations.dynamics.com/data/X?$skiptoken=ReRecId%3d5637144577&cross-company=true";

/** The results without their warnings (compared across envelopes). */
function values(r: WireResult<unknown>): unknown[] {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.results.map((x) => (x.ok ? { ok: true, value: x.value } : { ok: false, issues: x.issues }));
}

describe("value pages with extra keys are collections (issue 11)", () => {
  for (const [object, rows] of Object.entries(ROWS)) {
    const mapper = D365_MAPPERS_BY_OBJECT[object as keyof typeof D365_MAPPERS_BY_OBJECT] as Mapper<unknown, unknown> | undefined;
    if (mapper === undefined) throw new Error(object);
    const set = mapper.entitySet;
    const plain = mapper.decodeWire(JSON.stringify({ value: rows }), CONTEXT);

    it(`${object}: the plain page reads every row`, () => {
      expect(plain.ok && plain.collection).toBe(true);
      expect(plain.ok && plain.results.map((r) => r.ok)).toEqual(rows.map(() => true));
    });

    it(`${object}: @odata.context, @odata.count, @odata.nextLink and other annotations around value`, () => {
      const envelopes: Record<string, unknown>[] = [
        { "@odata.context": `https://mfgsync-demo.operations.dynamics.com/data/$metadata#${set}`, "@odata.count": rows.length + 100 },
        { "@odata.context": `https://mfgsync-demo.operations.dynamics.com/data/$metadata#${set}`, "@odata.count": rows.length + 100, "@odata.nextLink": NEXT },
        { "@odata.nextLink": NEXT, "@odata.deltaLink": NEXT, "@Microsoft.Dynamics.DataEntities.Total": 3, "@odata.metadataEtag": "W/\"1\"" },
      ];
      for (const envelope of envelopes) {
        // Keys before and after value, as servers order them differently.
        for (const text of [JSON.stringify({ ...envelope, value: rows }), JSON.stringify({ value: rows, ...envelope })]) {
          const r = mapper.decodeWire(text, CONTEXT);
          expect(r.ok && r.collection, text.slice(0, 120)).toBe(true);
          expect(values(r)).toEqual(values(plain));
          if (!r.ok) continue;
          expect(r.results.every((x) => x.warnings.every((w) => w.code !== D365_CODES.envelopeExtra))).toBe(true);
          if ("@odata.nextLink" in envelope) expect(r.paging?.next).toBe(NEXT);
          if ("@odata.count" in envelope) expect(r.paging?.count).toBe(rows.length + 100);
        }
      }
    });

    it(`${object}: keys that are not OData (a proxy's or a tool's) beside value: the rows, with a warning naming the keys`, () => {
      const page = { "@odata.context": `https://mfgsync-demo.operations.dynamics.com/data/$metadata#${set}`, "@odata.count": rows.length, value: rows, "@odata.nextLink": NEXT, _synthetic: "generated", requestId: "7f3c" };
      const r = mapper.decodeWire(JSON.stringify(page), CONTEXT);
      expect(r.ok && r.collection).toBe(true);
      expect(values(r)).toEqual(values(plain));
      if (!r.ok) return;
      expect(r.paging).toEqual({ next: NEXT, count: rows.length });
      for (const x of r.results) {
        const extra = x.warnings.filter((w) => w.code === D365_CODES.envelopeExtra);
        expect(extra.map((w) => w.path)).toEqual(["/_synthetic"]);
        expect(extra[0]?.message).toContain('"requestId"');
      }
    });

    it(`${object}: an empty page with its envelope is an empty collection`, () => {
      const r = mapper.decodeWire(JSON.stringify({ "@odata.context": `https://x/data/$metadata#${set}`, "@odata.count": 0, value: [] }), CONTEXT);
      expect(r.ok && [r.collection, r.results.length]).toEqual([true, 0]);
    });
  }
});
