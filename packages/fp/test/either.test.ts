import fs from "node:fs";
import path from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Lot } from "@mfgsync/canonical";
import { createEvent, safeParseLot } from "@mfgsync/canonical";
import type { Batch } from "@mfgsync/mappers-sap";
import { batchMapper } from "@mfgsync/mappers-sap";
import type { Issues, Mapped, MappingFailure } from "@mfgsync/fp";
import { decodeEither, encodeEither, fromMapResult, fromResult, parseEither, parseEventEither } from "@mfgsync/fp";

const fixture = (file: string) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../mappers-sap/fixtures", file), "utf8")) as { d: Batch };
const lotExample = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../canonical/examples/lot.json"), "utf8")) as unknown;
const CONTEXT = { plantTimeZones: { "1710": "America/New_York" } };

describe("Either variants", () => {
  it("parseEither gives Right with the parsed object and Left with the canonical issues", () => {
    const good = parseEither("lot", lotExample);
    expect(E.isRight(good) && good.right).toEqual(lotExample);
    const bad = parseEither("lot", { kind: "lot" });
    const expected = safeParseLot({ kind: "lot" });
    expect(expected.ok).toBe(false);
    expect(bad).toEqual(E.left(expected.ok ? [] : expected.issues));
    expectTypeOf(bad).toEqualTypeOf<E.Either<Issues, Lot>>();
  });

  it("the values are real fp-ts Eithers: fp-ts combinators work on them", () => {
    const id = pipe(parseEither("lot", lotExample), E.map((lot) => lot.id.value), E.getOrElse(() => "none"));
    expect(id).toBe("0000012345");
    const codes = pipe(parseEither("lot", null), E.match((issues) => issues.map((i) => i.code), () => []));
    expect(codes).toEqual(["type.invalid"]);
  });

  it("parseEventEither reads any event, or one kind of event", () => {
    const event = createEvent("lot-created", {
      source: "urn:mfgsync:sap-s4hana:S4P-100", subject: "0000012345", time: "2026-03-04T08:31:05Z", sequence: 1, correlationId: "c-1",
      data: { lot: lotExample as Lot },
    });
    expect(E.isRight(parseEventEither(event))).toBe(true);
    expect(E.isRight(parseEventEither(event, "lot-created"))).toBe(true);
    const wrongKind = parseEventEither(event, "lot-disposition-changed");
    expect(E.isLeft(wrongKind) && wrongKind.left[0].path).toBe("/type");
  });

  it("decodeEither and encodeEither take any mapper: SAP batch -> Right(lot) -> Right(batch), unchanged", () => {
    const { d } = fixture("lot/batch-fg226-restricted.json");
    const decoded = decodeEither(batchMapper, d, CONTEXT);
    expectTypeOf(decoded).toEqualTypeOf<E.Either<MappingFailure, Mapped<Lot>>>();
    expect(E.isRight(decoded)).toBe(true);
    if (!E.isRight(decoded)) return;
    expect(decoded.right.value.disposition.value).toBe("Restricted");
    const encoded = encodeEither(batchMapper, decoded.right.value, CONTEXT);
    expectTypeOf(encoded).toEqualTypeOf<E.Either<MappingFailure, Mapped<Batch>>>();
    expect(E.isRight(encoded)).toBe(true);
    if (!E.isRight(encoded)) return;
    const { __metadata: _metadata, to_BatchCharc: _c, to_BatchClass: _k, to_BatchPlant: _p, ...bare } = d;
    expect(encoded.right.value).toEqual(bare);
  });

  it("decodeEither gives Left with the mapper's issues, naming the SAP property", () => {
    const { d } = fixture("lot/batch-fg226-restricted.json");
    const decoded = decodeEither(batchMapper, { ...d, ShelfLifeExpirationDate: "31.12.2026" }, CONTEXT);
    expect(E.isLeft(decoded)).toBe(true);
    if (!E.isLeft(decoded)) return;
    expect(decoded.left.issues[0].path).toBe("/ShelfLifeExpirationDate");
    const direct = batchMapper.decode({ ...d, ShelfLifeExpirationDate: "31.12.2026" }, CONTEXT);
    expect(direct.ok ? [] : direct.issues).toEqual(decoded.left.issues);
  });

  it("encodeEither refuses a non-canonical object with Left (and the compiler refuses it too)", () => {
    // @ts-expect-error a material is not the lot a batch mapper encodes
    const encoded = encodeEither(batchMapper, { kind: "material" });
    expect(E.isLeft(encoded)).toBe(true);
  });

  it("fromResult and fromMapResult keep everything the results carry", () => {
    const warnings = [{ path: "/x", code: "time-zone.default", message: "UTC assumed" }];
    expect(fromMapResult({ ok: true, value: 1, warnings })).toEqual(E.right({ value: 1, warnings }));
    const issues = [{ path: "", code: "type.invalid", message: "no" }] as const;
    expect(fromMapResult({ ok: false, issues, warnings })).toEqual(E.left({ issues, warnings }));
    expect(fromResult({ ok: false, issues })).toEqual(E.left(issues));
    expect(fromResult({ ok: true, value: "v" })).toEqual(E.right("v"));
  });
});
