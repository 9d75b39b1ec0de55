import type { Disposition, LotHold, QualityStatus } from "@mfgsync/canonical";
import { Disposition as DispositionSchema, ISSUE_CODES, QualityStatus as QualityStatusSchema } from "@mfgsync/canonical";
import type { Converter, MappingContext } from "@mfgsync/mapping";
import { EMPTY } from "@mfgsync/mapping";
import { ORACLE_CODE_LISTS } from "../context.js";

const LIST = ORACLE_CODE_LISTS.lotStatus;

/**
 * What a lot material status means, as an entry of the context's
 * `codeTables["oracle:lot-status"]` gives it.
 *
 * @example
 * ```ts
 * import type { LotStatusMeaning } from "@mfgsync/mappers-oracle";
 * const quarantine: LotStatusMeaning = { qualityStatus: "Quarantined", disposition: "Restricted", hold: true };
 * ```
 */
export interface LotStatusMeaning {
  /** The lot's disposition (default: Restricted when on hold, else UnRestricted). */
  readonly disposition?: Disposition;
  /** The lot's quality status. */
  readonly qualityStatus?: QualityStatus;
  /** The status is a hold (a lot in it is blocked for everything). */
  readonly hold?: boolean;
}

/**
 * Built-in meanings of material status codes, used when the context's
 * `codeTables["oracle:lot-status"]` has no entry. Material statuses are
 * user-defined per pod; "Active" and "Hold" are the names the notes mention
 * and these defaults are [inferred].
 *
 * @example
 * ```ts
 * import { ORACLE_LOT_STATUS_DEFAULTS } from "@mfgsync/mappers-oracle";
 * ORACLE_LOT_STATUS_DEFAULTS.Hold; // { qualityStatus: "OnHold", hold: true }
 * ```
 */
export const ORACLE_LOT_STATUS_DEFAULTS: Readonly<Record<string, LotStatusMeaning>> = {
  Active: {},
  Hold: { qualityStatus: "OnHold", hold: true },
  Quarantine: { qualityStatus: "Quarantined", hold: true },
  Rejected: { qualityStatus: "Rejected", disposition: "Restricted" },
};

type Table = Readonly<Record<string, unknown>> | ReadonlyMap<string, unknown> | undefined;

function entry(table: Table, code: string): unknown {
  if (table === undefined) return undefined;
  if (table instanceof Map) return table.get(code);
  return Object.prototype.hasOwnProperty.call(table, code) ? (table as Record<string, unknown>)[code] : undefined;
}

/** A code table entry read as a meaning: `"OnHold"` (a quality status) or `{ qualityStatus, disposition, hold }`; undefined when malformed. */
function meaningOf(value: unknown): LotStatusMeaning | undefined {
  if (typeof value === "string") return QualityStatusSchema.safeParse(value).success ? { qualityStatus: value as QualityStatus, hold: value === "OnHold" || value === "Quarantined" } : undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (v["qualityStatus"] !== undefined && !QualityStatusSchema.safeParse(v["qualityStatus"]).success) return undefined;
  if (v["disposition"] !== undefined && !DispositionSchema.safeParse(v["disposition"]).success) return undefined;
  if (v["hold"] !== undefined && typeof v["hold"] !== "boolean") return undefined;
  return v as LotStatusMeaning;
}

/** The hold a status in hold reads as: a manual hold blocking everything (Oracle's status flags per transaction type are set-up data). */
const STATUS_HOLD: LotHold = { reason: { value: "Other" }, source: { value: "Manual" }, blocks: ["All"] };

/**
 * The canonical lot status fields a material status code means, with a
 * code table (`codeTables["oracle:lot-status"]`) or without one.
 *
 * @example
 * ```ts
 * import { lotStatusFields } from "@mfgsync/mappers-oracle";
 * lotStatusFields("Hold", undefined).qualityStatus; // { value: "OnHold" }
 * ```
 */
export function lotStatusFields(code: string | undefined, table: Table): { disposition: { value: Disposition }; qualityStatus?: { value: QualityStatus }; holds?: LotHold[]; vendorStatus?: { code: string; list: string } } {
  if (code === undefined) return { disposition: { value: "Other" } };
  const meaning = meaningOf(entry(table, code)) ?? (Object.prototype.hasOwnProperty.call(ORACLE_LOT_STATUS_DEFAULTS, code) ? ORACLE_LOT_STATUS_DEFAULTS[code] : undefined);
  const vendorStatus = { code, list: LIST };
  if (meaning === undefined) return { disposition: { value: "Other" }, vendorStatus };
  const hold = meaning.hold === true;
  return {
    disposition: { value: meaning.disposition ?? (hold ? "Restricted" : "UnRestricted") },
    ...(meaning.qualityStatus === undefined ? {} : { qualityStatus: { value: meaning.qualityStatus } }),
    ...(hold ? { holds: [structuredClone(STATUS_HOLD)] } : {}),
    vendorStatus,
  };
}

/**
 * The material status code an encode writes for a lot: its vendor status
 * code, else the first code (code table first, then the defaults) whose
 * meaning fits the lot's quality status and holds.
 *
 * @example
 * ```ts
 * import { lotStatusCode } from "@mfgsync/mappers-oracle";
 * lotStatusCode({ qualityStatus: { value: "OnHold" }, holds: [{}] }, undefined); // "Hold"
 * ```
 */
export function lotStatusCode(lot: Readonly<Record<string, unknown>>, table: Table): string | undefined {
  const vendor = lot["vendorStatus"] as { code?: unknown; list?: unknown } | undefined;
  if (vendor !== undefined && typeof vendor.code === "string" && (vendor.list === undefined || vendor.list === LIST)) return vendor.code;
  const quality = (lot["qualityStatus"] as { value?: unknown } | undefined)?.value;
  const holds = Array.isArray(lot["holds"]) && (lot["holds"] as unknown[]).length > 0;
  const disposition = (lot["disposition"] as { value?: unknown } | undefined)?.value;
  // A lot with disposition Other and nothing else to say is what an empty status reads as: written as none, so
  // that it reads back the same (a code such as Active would read back UnRestricted).
  if (disposition === "Other" && quality === undefined && !holds) return undefined;
  const candidates: [string, LotStatusMeaning][] = [];
  if (table !== undefined) for (const [code, value] of table instanceof Map ? table : Object.entries(table)) {
    const m = meaningOf(value);
    if (m !== undefined) candidates.push([code, m]);
  }
  candidates.push(...Object.entries(ORACLE_LOT_STATUS_DEFAULTS));
  const fits = (m: LotStatusMeaning) => (m.qualityStatus ?? undefined) === quality && (m.hold === true) === holds;
  const found = candidates.find(([, m]) => fits(m)) ?? candidates.find(([, m]) => (m.hold === true) === holds && (holds || disposition !== "Restricted"));
  return found?.[0];
}

/**
 * A lot's material status (`StatusCode`) to the canonical disposition,
 * quality status, holds and vendor status. Material statuses are
 * user-defined per pod: the context's `codeTables["oracle:lot-status"]` maps
 * each code to `"OnHold"` (a quality status) or to
 * `{ "qualityStatus": "Quarantined", "disposition": "Restricted", "hold": true }`;
 * without an entry, {@link ORACLE_LOT_STATUS_DEFAULTS} apply, and other codes
 * read as disposition `Other`. The code is always kept as `vendorStatus`.
 * Encoding writes the `vendorStatus` code, else the code whose meaning fits
 * the lot's quality status and holds.
 *
 * @example
 * ```ts
 * import { lotStatus } from "@mfgsync/mappers-oracle";
 * lotStatus().arity; // 1
 * ```
 */
export function lotStatus(): Converter<unknown, Record<string, unknown>> {
  return {
    kind: "Oracle lot material status",
    description: `StatusCode → disposition, qualityStatus, holds and vendorStatus; tenant codes from codeTables["${LIST}"]; defaults ${Object.keys(ORACLE_LOT_STATUS_DEFAULTS).join(", ")}`,
    arity: 1,
    decode(value, scope, props) {
      const prop = props[0] ?? "";
      if (value !== undefined && value !== null && typeof value !== "string") return scope.issue(prop, ISSUE_CODES.invalidType, `${prop} must be a material status code string, got ${JSON.stringify(value)}`);
      if (value === null) scope.carry(prop, null);
      const code = typeof value === "string" && value !== "" ? value : undefined;
      if (value === "") scope.carry(prop, "");
      const raw = scope.context.source.codeTables?.[LIST];
      if (code !== undefined && raw !== undefined && entry(raw, code) !== undefined && meaningOf(entry(raw, code)) === undefined) {
        return scope.issue(prop, ISSUE_CODES.invalidValue, `codeTables["${LIST}"]["${code}"] is neither a quality status nor { qualityStatus, disposition, hold }`);
      }
      return lotStatusFields(code, raw);
    },
    encode(_value, scope) {
      const code = lotStatusCode(scope.object, scope.context.source.codeTables?.[LIST]);
      return code === undefined ? EMPTY : code;
    },
  };
}
