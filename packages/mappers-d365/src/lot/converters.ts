import type { LotHold } from "@mfgsync/canonical";
import type { Converter } from "@mfgsync/mapping";
import { EMPTY, MAPPING_CODES, scalar } from "@mfgsync/mapping";
import { alpha2Of, alpha3Of } from "./countries.js";

/**
 * A D365 country/region id to a canonical ISO 3166-1 alpha-2 code: ISO
 * alpha-3 ids (`CHE`) read as alpha-2 (`CH`) and are written as alpha-3; an
 * alpha-2 id stays as it is. Any other id (a tenant's own) is never emitted
 * as a country: it is kept in extensions with the warning
 * `d365.country.unmapped`.
 *
 * @example
 * ```ts
 * import { countryRegion } from "@mfgsync/mappers-d365";
 * countryRegion().kind; // "country/region id"
 * ```
 */
export function countryRegion(): Converter<string | null | undefined, string> {
  return scalar<string, string>({
    kind: "country/region id",
    description: "ISO alpha-3 (CHE) → alpha-2 (CH), written back as alpha-3; alpha-2 kept; other ids kept in extensions",
    expected: "a country/region id",
    accepts: (v): v is string => typeof v === "string",
    decode(value, scope, prop) {
      const upper = value.toUpperCase();
      const a2 = /^[A-Z]{3}$/.test(upper) ? alpha2Of(upper) : /^[A-Z]{2}$/.test(upper) && alpha3Of(upper) !== undefined ? upper : undefined;
      if (a2 === undefined) {
        scope.warn(prop, "d365.country.unmapped", `${prop} "${value}" is not an ISO 3166-1 code; kept in extensions, no country of origin`);
        scope.carry(prop, value);
        return undefined;
      }
      if (alpha3Of(a2) !== value) scope.carry(prop, value);
      return a2;
    },
    encode(value, scope, pointer) {
      const a3 = alpha3Of(value);
      if (a3 === undefined) return scope.issue(pointer, "code.unmapped", `"${value}" is not an assigned ISO 3166-1 alpha-2 code`);
      return a3;
    },
  });
}

type Coded = { value: string; originalCode?: string; originalList?: string };

/**
 * What a batch disposition code means, as a tenant's code table states it:
 * its master status, or the canonical disposition, quality status and hold.
 *
 * @example
 * ```ts
 * import type { DispositionMeaning } from "@mfgsync/mappers-d365";
 * const quarantine: DispositionMeaning = { disposition: "Restricted", qualityStatus: "Quarantined", hold: { reason: "Investigation", blocks: ["All"] } };
 * ```
 */
export interface DispositionMeaning {
  /** The disposition master's status (enum PdsStatus), when the table gives no disposition. */
  readonly status?: "Available" | "Unavailable" | "NotApplicable";
  readonly disposition?: string;
  readonly qualityStatus?: string;
  readonly hold?: { readonly reason: string; readonly blocks: readonly string[]; readonly source?: string };
}

/**
 * The code list of `BatchDispositionCode` in the context's code tables.
 *
 * @example
 * ```ts
 * import { DISPOSITION_LIST } from "@mfgsync/mappers-d365";
 * const context = { codeTables: { [DISPOSITION_LIST]: { "QA-BLOCK": "Unavailable" } } };
 * ```
 */
export const DISPOSITION_LIST = "d365:BatchDispositionCode";

/**
 * Codes assumed when the tenant's table does not name them: the examples of
 * the batch disposition article ("Released", "QC-HOLD", "Rejected")
 * [inferred: codes are tenant-defined; give the context a
 * `codeTables["d365:BatchDispositionCode"]`].
 *
 * @example
 * ```ts
 * import { D365_DEFAULT_DISPOSITIONS } from "@mfgsync/mappers-d365";
 * D365_DEFAULT_DISPOSITIONS["QC-HOLD"]?.qualityStatus; // "AwaitingInspection"
 * ```
 */
export const D365_DEFAULT_DISPOSITIONS: Readonly<Record<string, DispositionMeaning>> = {
  Released: { status: "Available", qualityStatus: "Accepted" },
  "QC-HOLD": { status: "Unavailable", qualityStatus: "AwaitingInspection", hold: { reason: "AwaitingInspection", blocks: ["All"], source: "Inspection" } },
  Rejected: { status: "Unavailable", qualityStatus: "Rejected", hold: { reason: "FailedInspection", blocks: ["All"], source: "Inspection" } },
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function meaningOf(code: string, table: ReadonlyMap<string, unknown> | undefined): DispositionMeaning | undefined {
  const entry = table?.get(code) ?? (Object.prototype.hasOwnProperty.call(D365_DEFAULT_DISPOSITIONS, code) ? D365_DEFAULT_DISPOSITIONS[code] : undefined);
  if (typeof entry === "string") return entry === "Available" || entry === "Unavailable" || entry === "NotApplicable" ? { status: entry } : { disposition: entry };
  return isRecord(entry) ? (entry as DispositionMeaning) : undefined;
}

type LotFields = { disposition: Coded; qualityStatus?: Coded; holds?: LotHold[] };

function fieldsOf(code: string, m: DispositionMeaning): LotFields {
  const disposition = m.disposition ?? (m.status === "Unavailable" ? "Restricted" : "UnRestricted");
  const out: LotFields = { disposition: { value: disposition, originalCode: code, originalList: DISPOSITION_LIST } };
  if (m.qualityStatus !== undefined) out.qualityStatus = { value: m.qualityStatus, originalCode: code, originalList: DISPOSITION_LIST };
  if (m.hold !== undefined) out.holds = [{ reason: { value: m.hold.reason as LotHold["reason"]["value"] }, source: { value: (m.hold.source ?? "Other") as LotHold["source"]["value"] }, blocks: [...m.hold.blocks] as LotHold["blocks"] }];
  return out;
}

const json = (v: unknown) => JSON.stringify(v ?? null);

/**
 * The lot's disposition, quality status and holds from `BatchDispositionCode`,
 * a tenant-defined code of the batch disposition master: the context's
 * `codeTables["d365:BatchDispositionCode"]` maps each code to its master
 * status (`"Unavailable"`) or to `{ disposition, qualityStatus, hold: {
 * reason, blocks, source } }`. Unavailable codes block reservation, picking
 * and shipping [seen-doc] and read as Restricted with a hold when the table
 * gives one. No code reads as UnRestricted; a code the table does not know
 * reads as disposition Other (the code kept), with a warning. The code is
 * written back while the three fields still mean it; D365 refuses PATCHes of
 * the code over OData [seen-code], so changes go through its own process.
 *
 * @example
 * ```ts
 * import { batchDisposition } from "@mfgsync/mappers-d365";
 * batchDisposition().arity; // 1
 * ```
 */
export function batchDisposition(): Converter<unknown, LotFields> {
  return {
    kind: `tenant code ${DISPOSITION_LIST}`,
    description: `disposition master code → disposition, quality status and holds through codeTables["${DISPOSITION_LIST}"] (defaults: Released, QC-HOLD, Rejected); none → UnRestricted`,
    arity: 1,
    decode(value, scope, props) {
      const prop = props[0] ?? "";
      if (value === undefined || value === null || value === "") {
        if (value !== undefined) scope.carry(prop, value);
        return { disposition: { value: "UnRestricted", originalList: DISPOSITION_LIST } };
      }
      if (typeof value !== "string") return scope.issue(prop, "type.invalid", `${prop} is a batch disposition code (a string)`);
      const m = meaningOf(value, scope.context.codeTable(DISPOSITION_LIST));
      if (m === undefined) {
        scope.warn(prop, "d365.disposition.unmapped", `${prop} "${value}" is not in codeTables["${DISPOSITION_LIST}"]: its meaning is unknown (disposition Other)`);
        return { disposition: { value: "Other", originalCode: value, originalList: DISPOSITION_LIST } };
      }
      return fieldsOf(value, m);
    },
    encode(value, scope, pointer) {
      if (value === undefined) return EMPTY;
      const table = scope.context.codeTable(DISPOSITION_LIST);
      const same = (code: string) => {
        const m = meaningOf(code, table);
        if (m === undefined) return value.disposition.value === "Other" && value.qualityStatus === undefined && (value.holds?.length ?? 0) === 0;
        const f = fieldsOf(code, m);
        return f.disposition.value === value.disposition.value && f.qualityStatus?.value === value.qualityStatus?.value && json(f.holds?.map((h) => [h.reason.value, h.blocks])) === json(value.holds?.map((h) => [h.reason.value, h.blocks]));
      };
      const original = value.disposition.originalList === DISPOSITION_LIST ? value.disposition.originalCode : undefined;
      if (original !== undefined && original !== "" && same(original)) return original;
      if (value.disposition.value === "UnRestricted" && value.qualityStatus === undefined && (value.holds?.length ?? 0) === 0) return EMPTY;
      for (const code of [...(table?.keys() ?? []), ...Object.keys(D365_DEFAULT_DISPOSITIONS)]) if (same(code)) return code;
      return scope.issue(pointer + "/disposition/value", MAPPING_CODES.noVendorCode, `no batch disposition code is known for disposition ${value.disposition.value}${value.qualityStatus ? `, quality status ${value.qualityStatus.value}` : ""}${value.holds?.length ? " with holds" : ""}; give the context a codeTables["${DISPOSITION_LIST}"] entry`);
    },
  };
}
