import type { AnyConverter, DecodeScope, EncodeScope, MappingContext } from "@mfgsync/mapping";
import {
  EMPTY, INVALID, integer, lossNormalizers, odataV2Profile, abapTimestamp, coded, odataV2Decimal, odataV2Double, abapFlag, identifier, odataV2Date, odataV2DateAndTime, odataV2DateTimeOffset, quantity, resolveContext, unitCode,
} from "@mfgsync/mapping";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";

const DEFAULTS = { scheme: "acme", units: { PC: "H87", PCE: "H87", ST: "H87", KG: "KGM" }, unitsOut: { H87: "PC", KGM: "KG" } };

function scopes(context: MappingContext = {}, zone = "UTC") {
  const resolved = resolveContext(context, DEFAULTS);
  if (!resolved.ok) throw new Error("bad context");
  const issues: string[] = [];
  const warnings: string[] = [];
  const carried: Record<string, unknown> = {};
  const decode: DecodeScope = {
    context: resolved.value, record: {}, parentRecord: undefined, zone: () => zone, profile: odataV2Profile, idScope: () => undefined,
    issue: (p, code) => (issues.push(`${p} ${code}`), INVALID), warn: (p, code) => void warnings.push(`${p} ${code}`), carry: (p, v) => void (carried[p] = v),
  };
  const encode: EncodeScope = {
    context: resolved.value, object: {}, target: {}, parentTarget: undefined, zone: () => zone, profile: odataV2Profile, idScope: () => undefined, sameScope: (a, b) => a === b,
    issue: (p, code) => (issues.push(`${p} ${code}`), INVALID), warn: (p, code) => void warnings.push(`${p} ${code}`), kept: () => undefined,
  };
  return { decode, encode, issues, warnings, carried };
}

function roundTrip(converter: AnyConverter, vendor: unknown, zone = "UTC") {
  const s = scopes({}, zone);
  const props = Array.from({ length: converter.arity }, (_, i) => `P${i}`);
  const canonical = converter.decode(vendor, s.decode, props);
  const back = canonical === INVALID ? INVALID : converter.encode(canonical, s.encode, "/x");
  return { canonical, back, ...s };
}

describe("odataV2Decimal", () => {
  it("keeps SAP decimal strings digit for digit", () => {
    for (const v of ["500", "0.00", "0.000", "12.5", "9999999999.999"]) expect(roundTrip(odataV2Decimal(), v)).toMatchObject({ canonical: v, back: v });
  });
  it("refuses commas, exponents, numbers and (unsigned) negatives", () => {
    expect(roundTrip(odataV2Decimal(), "12,5").issues).toEqual(["P0 decimal.format"]);
    expect(roundTrip(odataV2Decimal(), "1e3").issues).toEqual(["P0 decimal.format"]);
    expect(roundTrip(odataV2Decimal(), 12.5).issues).toEqual(["P0 type.invalid"]);
    expect(roundTrip(odataV2Decimal(), "-1").issues).toEqual(["P0 value.too-small"]);
    expect(roundTrip(odataV2Decimal({ signed: true }), "-1").canonical).toBe("-1");
  });
  it("reads null as none and leaves the empty value to the profile", () => {
    const r = roundTrip(odataV2Decimal(), null);
    expect(r.canonical).toBeUndefined();
    expect(r.back).toBe(EMPTY);
  });
});

describe("odataV2Double", () => {
  it("reads SAP's exponent text and numbers exactly and writes the exponent form", () => {
    expect(roundTrip(odataV2Double(), "1.0000000000000000E+01")).toMatchObject({ canonical: "10", back: "1.0000000000000000E+01", carried: {} });
    expect(roundTrip(odataV2Double(), "-1.2345000000000000E-03").canonical).toBe("-0.0012345");
    expect(roundTrip(odataV2Double(), 0.1 + 0.2).canonical).toBe("0.3");
    expect(roundTrip(odataV2Double(), 12.5).carried).toEqual({ P0: 12.5 });
  });
  it("round-trips any decimal of up to 17 significant digits (property)", () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), fc.integer({ min: 0, max: 12 }), (n, scale) => {
      const digits = (n < 0n ? -n : n).toString().padStart(scale + 1, "0");
      const raw = `${n < 0n ? "-" : ""}${digits.slice(0, digits.length - scale)}${scale > 0 ? "." + digits.slice(-scale) : ""}`;
      const canonical = raw.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "").replace(/^-0$/, "0");
      const s = scopes();
      const text = odataV2Double().encode(canonical, s.encode, "/x");
      expect(odataV2Double().decode(text as string, s.decode, ["P0"])).toBe(canonical);
    }));
  });
});

describe("flag and coded values", () => {
  it('reads "X" and "" and refuses other flags', () => {
    expect(roundTrip(abapFlag(), "X")).toMatchObject({ canonical: true, back: "X" });
    expect(roundTrip(abapFlag(), "")).toMatchObject({ canonical: false, back: "" });
    expect(roundTrip(abapFlag(), "Y").issues).toEqual(["P0 value.invalid"]);
  });
  it("keeps the vendor code and lets a changed canonical value win", () => {
    const types = coded({ list: "acme:type", codes: { FERT: "FinishedGood", ROH: "RawMaterial" }, fallback: "Other" });
    expect(roundTrip(types, "FERT")).toMatchObject({ canonical: { value: "FinishedGood", originalCode: "FERT", originalList: "acme:type" }, back: "FERT" });
    expect(roundTrip(types, "ZZZ")).toMatchObject({ canonical: { value: "Other", originalCode: "ZZZ" }, back: "ZZZ" });
    const s = scopes();
    expect(types.encode({ value: "RawMaterial", originalCode: "FERT", originalList: "acme:type" }, s.encode, "/type")).toBe("ROH");
    expect(types.encode({ value: "Other" }, s.encode, "/type")).toBe(INVALID);
    expect(s.issues).toEqual(["/type/value code.unmapped"]);
  });
});

describe("units and quantities", () => {
  it("reads SAP spellings through the unit table and keeps spellings it would not write", () => {
    expect(roundTrip(unitCode(), "PC")).toMatchObject({ canonical: "H87", back: "PC", carried: {} });
    expect(roundTrip(unitCode(), "ST")).toMatchObject({ canonical: "H87", back: "PC", carried: { P0: "ST" } });
  });
  it("passes valid Rec 20 codes with a warning and refuses unknown units", () => {
    expect(roundTrip(unitCode(), "MTR")).toMatchObject({ canonical: "MTR", back: "MTR", warnings: ["P0 unit.passed-through", "/x unit.passed-through"] });
    expect(roundTrip(unitCode(), "QQQ").issues).toEqual(["P0 unit.unknown"]);
  });
  it("lets the caller override the table", () => {
    const s = scopes({ units: { PAA: "PR" }, unitsOut: { PR: "PAA" } });
    expect(unitCode().decode("PAA", s.decode, ["U"])).toBe("PR");
    expect(unitCode().encode("PR", s.encode, "/u")).toBe("PAA");
    expect(resolveContext({ units: { KAR: "CT" } }, DEFAULTS).ok).toBe(false);
  });
  it("refuses a Rec 20 unit that would be written as a vendor code meaning another unit", () => {
    const s = scopes();
    expect(unitCode().encode("ST", s.encode, "/unit")).toBe(INVALID);
    expect(s.issues).toEqual(["/unit unit.unknown"]);
  });
  it("pairs amount and unit; a zero amount without unit is no quantity", () => {
    const q = quantity(odataV2Decimal(), unitCode());
    expect(roundTrip(q, ["12.5", "KG"])).toMatchObject({ canonical: { value: "12.5", unit: "KGM" }, back: ["12.5", "KG"] });
    expect(roundTrip(q, ["0.000", ""])).toMatchObject({ canonical: undefined, carried: { P0: "0.000" } });
    expect(roundTrip(q, ["5", ""]).issues).toEqual(["P1 unit.unknown"]);
  });
});

describe("dates and times", () => {
  it("reads /Date(ms)/ calendar dates in UTC and refuses times of day and garbage", () => {
    expect(roundTrip(odataV2Date(), "/Date(1496707200000)/")).toMatchObject({ canonical: "2017-06-06", back: "/Date(1496707200000)/" });
    expect(roundTrip(odataV2Date(), "/Date(1496707200001)/").issues).toEqual(["P0 date.not-midnight"]);
    expect(roundTrip(odataV2Date(), "/Date(abc)/").issues).toEqual(["P0 format.invalid"]);
    expect(roundTrip(odataV2Date(), null).canonical).toBeUndefined();
  });
  it("reads both DateTimeOffset forms and writes back the one it read", () => {
    expect(roundTrip(odataV2DateTimeOffset(), "/Date(1492098664000)/")).toMatchObject({ canonical: "2017-04-13T15:51:04Z", back: "/Date(1492098664000)/" });
    expect(roundTrip(odataV2DateTimeOffset(), "/Date(1492098664000+0000)/")).toMatchObject({ canonical: "2017-04-13T15:51:04+00:00", back: "/Date(1492098664000+0000)/" });
    expect(roundTrip(odataV2DateTimeOffset(), "/Date(1492098664000+0060)/")).toMatchObject({ canonical: "2017-04-13T16:51:04+01:00", back: "/Date(1492098664000+0060)/" });
  });
  it("reads date + time in the plant's zone; PT00H00M00S means a plain date", () => {
    const pair = odataV2DateAndTime();
    expect(roundTrip(pair, ["/Date(1772409600000)/", "PT06H30M00S"], "Europe/Berlin")).toMatchObject({ canonical: "2026-03-02T06:30:00+01:00", back: ["/Date(1772409600000)/", "PT06H30M00S"] });
    expect(roundTrip(pair, ["/Date(1782950400000)/", "PT06H30M00S"], "Europe/Berlin").canonical).toBe("2026-07-02T06:30:00+02:00");
    expect(roundTrip(pair, ["/Date(1772409600000)/", "PT00H00M00S"], "Europe/Berlin")).toMatchObject({ canonical: "2026-03-02", back: ["/Date(1772409600000)/", "PT00H00M00S"] });
    expect(roundTrip(pair, [null, "PT00H00M00S"])).toMatchObject({ canonical: undefined, back: [null, "PT00H00M00S"] });
    expect(roundTrip(odataV2DateAndTime({ timestamp: true }), ["/Date(1772409600000)/", "PT00H00M00S"], "Asia/Tokyo").canonical).toBe("2026-03-02T00:00:00+09:00");
  });
  it("keeps a wall-clock time that falls into a daylight-saving gap as sent", () => {
    // 2026-03-29 02:30 does not exist in Europe/Berlin.
    const r = roundTrip(odataV2DateAndTime(), ["/Date(1774742400000)/", "PT02H30M00S"], "Europe/Berlin");
    expect(r.canonical).toBe("2026-03-29T03:30:00+02:00");
    expect(r.carried).toEqual({ P0: "/Date(1774742400000)/", P1: "PT02H30M00S" });
  });
  it("encodes a timestamp given in any offset as the plant's local time", () => {
    const s = scopes({}, "America/New_York");
    expect(odataV2DateAndTime().encode("2026-03-02T12:00:00Z", s.encode, "/t")).toEqual(["/Date(1772409600000)/", "PT07H00M00S"]);
  });
  it("round-trips every second of a year in a zone with daylight saving, but for the repeated hour's second occurrence (property)", () => {
    const ambiguousStart = Date.UTC(2026, 10, 1, 6) / 1000; // 01:00 EST, the second 01:00 in New York
    fc.assert(fc.property(fc.oneof(fc.integer({ min: Date.UTC(2026, 0, 1) / 1000, max: Date.UTC(2027, 0, 1) / 1000 }), fc.integer({ min: ambiguousStart - 60, max: ambiguousStart + 3660 })), (seconds) => {
      const s = scopes({}, "America/New_York");
      const iso = new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
      const wire = odataV2DateAndTime({ timestamp: true }).encode(iso, s.encode, "/t") as unknown[];
      const back = odataV2DateAndTime({ timestamp: true }).decode(wire, s.decode, ["D", "T"]) as string;
      const second = seconds >= ambiguousStart && seconds < ambiguousStart + 3600;
      // SAP keeps only the wall clock: the second occurrence reads back as the first, an hour earlier, as declared.
      expect(Date.parse(back)).toBe((second ? seconds - 3600 : seconds) * 1000);
      expect(Date.parse(back)).toBe(Date.parse(lossNormalizers.localDateTime(iso, "America/New_York", { midnightIsDate: false }) as string));
    }), { numRuns: 400 });
  });
  it("reads 14-digit ABAP time stamps as UTC", () => {
    expect(roundTrip(abapTimestamp(), "20200723125718")).toMatchObject({ canonical: "2020-07-23T12:57:18Z", back: "20200723125718" });
    expect(roundTrip(abapTimestamp(), "20201323125718").issues).toEqual(["P0 format.invalid"]);
    // "No value" is the profile's to write (EMPTY: "" for an OData V2 string).
    expect(roundTrip(abapTimestamp(), "")).toMatchObject({ canonical: undefined, back: EMPTY });
  });
});

describe("identifiers", () => {
  it("gives identifiers the context's scheme and issuer and refuses foreign ones on encode", () => {
    const s = scopes({ identifiers: { issuer: "P01-100" } });
    expect(identifier().decode("1000123", s.decode, ["Id"])).toEqual({ value: "1000123", scheme: "acme", issuer: "P01-100" });
    expect(identifier().encode({ value: "1", scheme: "acme", issuer: "P01-100" }, s.encode, "/id")).toBe("1");
    expect(identifier().encode({ value: "1", scheme: "acme", issuer: "Q01-100" }, s.encode, "/id")).toBe(INVALID);
    expect(identifier().encode({ value: "1", scheme: "mes" }, s.encode, "/id")).toBe(INVALID);
    expect(s.issues).toEqual(["/id identifier.scheme", "/id identifier.scheme"]);
  });
});

describe("integer with zeroIsNone", () => {
  it("reads 0 and null as none, keeps the null (so it goes back as null) and writes 0 for none", () => {
    const days = integer({ min: 0, zeroIsNone: true });
    const fromNull = roundTrip(days, null);
    expect(fromNull).toMatchObject({ canonical: undefined, back: 0, carried: { P0: null } });
    const fromZero = roundTrip(days, 0);
    expect(fromZero).toMatchObject({ canonical: undefined, back: 0, carried: {} });
    expect(roundTrip(days, 30)).toMatchObject({ canonical: 30, back: 30 });
    expect(roundTrip(days, -1).issues).toEqual(["P0 value.too-small"]);
  });
});
