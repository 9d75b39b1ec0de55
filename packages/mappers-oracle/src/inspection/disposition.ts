import type { InspectionDecision } from "@mfgsync/canonical";
import { ISSUE_CODES, isUnitCode } from "@mfgsync/canonical";
import type { Converter, DecodeScope } from "@mfgsync/mapping";
import { EMPTY, INVALID, MAPPING_CODES, OMIT, isJsonNumber, jsonDecimal } from "@mfgsync/mapping";
import { oracleDateTime } from "../converters.js";

// An inspection event's decision is the set of its EventDisposition rows
// (notes §6: Disposition ∈ ACCEPT, REJECT, COMPLETE, PENDING [seen-doc], with a
// Quantity): "accept 90, reject 8" is two rows. The rows are read as one
// canonical decision with its quantity split, and kept whole (exact numbers,
// the collection shape) so that they go back as read while the decision is
// unchanged. Which canonical outcome each code means is [inferred] (notes §6).

/**
 * The code list of an Oracle inspection decision's `originalCode` (the
 * `EventDisposition.Disposition` code the outcome comes from).
 *
 * @example
 * ```ts
 * import { EVENT_DISPOSITION_LIST } from "@mfgsync/mappers-oracle";
 * EVENT_DISPOSITION_LIST; // "oracle:EventDisposition"
 * ```
 */
export const EVENT_DISPOSITION_LIST = "oracle:EventDisposition";

const CODES = ["ACCEPT", "REJECT", "COMPLETE", "PENDING"] as const;
type Code = (typeof CODES)[number];
const ID_ATTRIBUTES = ["IpEventDispositionId", "IpEventId", "InspectionPlanId", "RcvTransactionId", "WoOperationTransactionId"] as const;
const NAV = "EventDisposition";
const DATE = "DispositionDate";
const UNIT = "UOMCode";

type Row = Readonly<Record<string, unknown>>;
type Outcome = NonNullable<InspectionDecision["outcome"]>;
/** What the rows say: outcome and accepted/rejected quantities (decimal texts). */
interface Derived { readonly outcome: Outcome; readonly accepted?: string; readonly rejected?: string }

/** Exact sum of two non-negative decimal texts. */
function addDecimals(a: string, b: string): string {
  const [ai = "0", af = ""] = a.split("."), [bi = "0", bf = ""] = b.split(".");
  const scale = Math.max(af.length, bf.length);
  const sum = BigInt(ai + af.padEnd(scale, "0")) + BigInt(bi + bf.padEnd(scale, "0"));
  if (scale === 0) return sum.toString();
  const digits = sum.toString().padStart(scale + 1, "0");
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** A decimal text without insignificant zeros ("2.50" → "2.5"), for comparing values. */
function normalDecimal(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const [i = "0", f = ""] = text.split(".");
  const frac = f.replace(/0+$/, "");
  return `${i.replace(/^0+(?=\d)/, "")}${frac === "" ? "" : "." + frac}`;
}

function numberTextOf(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  return isJsonNumber(value) ? value.text : undefined;
}

/** The outcome and split the rows give (rows already checked). */
export function deriveDisposition(rows: readonly Row[]): Derived | undefined {
  const has = (c: Code) => rows.some((r) => r["Disposition"] === c);
  const sum = (c: Code) => {
    let total: string | undefined;
    for (const r of rows) {
      const q = r["Disposition"] === c ? numberTextOf(r["Quantity"]) : undefined;
      if (q !== undefined && /^\d+(\.\d+)?$/.test(q)) total = total === undefined ? q : addDecimals(total, q);
    }
    return total;
  };
  const code: Code | undefined = has("ACCEPT") ? "ACCEPT" : has("REJECT") ? "REJECT" : has("COMPLETE") ? "COMPLETE" : undefined;
  if (code === undefined) return undefined;
  const value = code === "ACCEPT" ? "Accepted" : code === "REJECT" ? "Rejected" : "Other";
  const accepted = sum("ACCEPT"), rejected = sum("REJECT");
  return { outcome: { value, originalCode: code, originalList: EVENT_DISPOSITION_LIST }, ...(accepted === undefined ? {} : { accepted }), ...(rejected === undefined ? {} : { rejected }) };
}

/** The rows of a kept or read collection, or undefined. */
function rowsOf(value: unknown, scope: { readonly profile: { readCollection(v: unknown): { kind: string; rows?: readonly unknown[] } } }): readonly unknown[] | undefined {
  const read = scope.profile.readCollection(value);
  return read.kind === "rows" ? read.rows : undefined;
}

/** Checks each row like the catalog would, naming the row and attribute. */
function checkRows(rows: readonly unknown[], scope: DecodeScope): boolean {
  let ok = true;
  const fail = (i: number, attribute: string, message: string, code: string = ISSUE_CODES.invalidValue) => {
    scope.issue(NAV, code, `${NAV}/${i}/${attribute}: ${message}`);
    ok = false;
  };
  rows.forEach((row, i) => {
    if (typeof row !== "object" || row === null || Array.isArray(row)) return fail(i, "", "each disposition row must be an object", ISSUE_CODES.invalidType);
    const r = row as Row;
    const d = r["Disposition"];
    if (typeof d !== "string" || !(CODES as readonly string[]).includes(d)) fail(i, "Disposition", `must be one of ${CODES.join(", ")}, got ${JSON.stringify(d)?.slice(0, 40)}`);
    const q = r["Quantity"];
    if (q !== undefined && q !== null) {
      const text = numberTextOf(q);
      if (text === undefined) fail(i, "Quantity", `must be a JSON number, got ${JSON.stringify(q)?.slice(0, 40)}`, ISSUE_CODES.invalidType);
      else if (!/^\d{1,28}(\.\d{1,18})?$/.test(text)) fail(i, "Quantity", `${text} is not a non-negative decimal`, ISSUE_CODES.decimalFormat);
    }
    for (const a of ID_ATTRIBUTES) {
      const v = r[a];
      if (v === undefined || v === null) continue;
      const text = numberTextOf(v);
      if (text === undefined || !/^-?\d{1,19}$/.test(text)) fail(i, a, `must be an int64 JSON number, got ${JSON.stringify(v)?.slice(0, 40)}`, ISSUE_CODES.invalidType);
      else if (!Number.isSafeInteger(Number(text))) fail(i, a, `${text} is beyond the integers a kept row can hold exactly (2^53)`, ISSUE_CODES.tooBig);
    }
  });
  return ok;
}

/** The unit of the disposition quantities: the event's unit code (`UOMCode`). */
function eventUnit(scope: DecodeScope): string | undefined {
  const code = scope.record[UNIT];
  if (typeof code !== "string" || code === "") return undefined;
  return scope.context.unitIn(code) ?? (isUnitCode(code) ? code : undefined);
}

/** What of a decision the rows can hold: the outcome (ACCEPT, REJECT or COMPLETE) and the accepted and rejected quantities. */
export function survivingDecision(decision: InspectionDecision | undefined): Derived | undefined {
  if (decision === undefined) return undefined;
  const q = decision.quantities;
  const rows: Row[] = [];
  if (q?.accepted !== undefined) rows.push({ Disposition: "ACCEPT", Quantity: q.accepted.value });
  if (q?.rejected !== undefined) rows.push({ Disposition: "REJECT", Quantity: q.rejected.value });
  rows.push({ Disposition: codeOf(decision.outcome.value) });
  return deriveDisposition(rows.map((r) => (r["Quantity"] === undefined ? r : { ...r, Quantity: Number(r["Quantity"]) })));
}

function codeOf(outcome: string): Code {
  return outcome === "Accepted" || outcome === "ConditionallyAccepted" ? "ACCEPT" : outcome === "Rejected" ? "REJECT" : "COMPLETE";
}

function sameDerived(a: Derived | undefined, b: Derived | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.outcome.value === b.outcome.value && normalDecimal(a.accepted) === normalDecimal(b.accepted) && normalDecimal(a.rejected) === normalDecimal(b.rejected);
}

/**
 * `EventDisposition` rows (with `DispositionDate`) as the inspection's
 * decision: any ACCEPT row → Accepted, else REJECT → Rejected, else
 * COMPLETE → Other (closed without a decision); PENDING alone is no decision.
 * The quantities of the ACCEPT and REJECT rows add up to the split's
 * `accepted` and `rejected`, in the event's unit (`UOMCode`). The rows are
 * kept whole and go back as read while the decision is unchanged; a changed
 * decision writes one row per quantity (reusing the attributes of a row read
 * with the same code) in the collection shape read. Uncertain ([inferred]):
 * what COMPLETE and PENDING mean (notes §6).
 *
 * @example
 * ```ts
 * import { eventDisposition } from "@mfgsync/mappers-oracle";
 * eventDisposition().arity; // 2
 * ```
 */
export function eventDisposition(): Converter<readonly unknown[], InspectionDecision> {
  const date = oracleDateTime();
  const amount = jsonDecimal();
  return {
    kind: "event dispositions",
    description: "ACCEPT → Accepted, REJECT → Rejected, COMPLETE → Other, PENDING → no decision; ACCEPT/REJECT quantities → quantities.accepted/rejected in UOMCode; DispositionDate → decidedAt",
    arity: 2,
    decode(values, scope, props) {
      const [raw, rawDate] = values;
      const nav = props[0] ?? NAV, dateProp = props[1] ?? DATE;
      const read = scope.profile.readCollection(raw);
      if (read.kind === "invalid") return scope.issue(nav, ISSUE_CODES.invalidType, `${nav} ${read.message}`);
      let decidedAt: string | undefined;
      if (rawDate !== undefined) {
        const d = date.decode(rawDate as string | null, scope, [dateProp]);
        if (d === INVALID) return INVALID;
        decidedAt = d;
        scope.carry(dateProp, rawDate);
      }
      if (read.kind !== "rows") {
        if (raw === null) scope.carry(nav, null);
        return undefined;
      }
      if (!checkRows(read.rows, scope)) return INVALID;
      if (scope.carryJson !== undefined) scope.carryJson(nav, raw);
      else scope.carry(nav, raw);
      const derived = deriveDisposition(read.rows as Row[]);
      if (derived === undefined) return undefined;
      const decision: InspectionDecision = { outcome: derived.outcome };
      if (derived.accepted !== undefined || derived.rejected !== undefined) {
        const unit = eventUnit(scope);
        if (unit === undefined) return scope.issue(UNIT, MAPPING_CODES.unknownUnit, `the ${nav} quantities are in the event's unit, but ${UNIT} is empty or not in the unit table`);
        decision.quantities = {
          ...(derived.accepted === undefined ? {} : { accepted: { value: derived.accepted, unit } }),
          ...(derived.rejected === undefined ? {} : { rejected: { value: derived.rejected, unit } }),
        };
      }
      if (decidedAt !== undefined) decision.decidedAt = decidedAt;
      return decision;
    },
    encode(decision, scope, pointer) {
      const kept = scope.kept(NAV);
      const keptDate = scope.kept(DATE);
      // DispositionDate: as read while the instant is unchanged, else in UTC.
      let dateOut: unknown = EMPTY;
      const at = decision?.decidedAt;
      if (at === undefined) dateOut = decision === undefined && keptDate !== undefined ? keptDate : EMPTY;
      else if (typeof keptDate === "string" && Date.parse(keptDate) === Date.parse(at)) dateOut = keptDate;
      else dateOut = date.encode(at, scope, pointer + "/decidedAt");
      if (dateOut === INVALID) return INVALID;
      const keptRows = kept === undefined || kept === null ? undefined : rowsOf(kept, scope);
      const now = survivingDecision(decision);
      if (keptRows !== undefined && sameDerived(deriveDisposition(keptRows as Row[]), now)) return [kept, dateOut];
      if (decision === undefined) return [kept === null ? null : OMIT, dateOut];
      const q = decision.quantities;
      const unit = (scope.object["inspectedQuantity"] as { unit?: unknown } | undefined)?.unit;
      const template = (code: Code): Record<string, unknown> => {
        const found = (keptRows ?? []).find((r) => typeof r === "object" && r !== null && (r as Row)["Disposition"] === code) as Row | undefined;
        const { Quantity: _q, ...rest } = found ?? {};
        return { ...rest, Disposition: code };
      };
      const rows: Record<string, unknown>[] = [];
      for (const [code, part, name] of [["ACCEPT", q?.accepted, "accepted"], ["REJECT", q?.rejected, "rejected"]] as const) {
        if (part === undefined) continue;
        if (unit === undefined) return scope.issue(`${pointer}/quantities/${name}`, MAPPING_CODES.required, `Oracle keeps the disposition quantities in the event's unit (${UNIT}): the inspection needs an inspectedQuantity`);
        if (part.unit !== unit) return scope.issue(`${pointer}/quantities/${name}/unit`, ISSUE_CODES.invalidValue, `Oracle keeps the disposition quantities in the event's unit (${String(unit)}), not ${part.unit}`);
        const n = amount.encode(part.value, scope, `${pointer}/quantities/${name}/value`);
        if (n === INVALID) return INVALID;
        rows.push({ ...template(code), Quantity: n });
      }
      const code = codeOf(decision.outcome.value);
      if (!rows.some((r) => r["Disposition"] === code)) rows.push(template(code));
      const shape = kept === undefined || kept === null ? undefined : scope.profile.readCollection(kept);
      return [scope.profile.writeCollection(rows, shape?.kind === "rows" ? shape.shape : undefined), dateOut];
    },
  };
}
