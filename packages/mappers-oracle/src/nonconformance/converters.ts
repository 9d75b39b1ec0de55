import type { ComplaintReference, Identifier } from "@mfgsync/canonical";
import { ISSUE_CODES } from "@mfgsync/canonical";
import type { Coded, Converter } from "@mfgsync/mapping";
import { EMPTY, INVALID, MAPPING_CODES, coded, identifier } from "@mfgsync/mapping";
import { ORACLE_ID_SCHEMES } from "../context.js";
import { preview } from "../inspection/converters.js";

// Quality issue attributes whose values are tenant data: Severity, Source and
// Disposition are lookup codes whose values the notes did not see (notes §6;
// Oracle's use case shows Severity "ORA_HIGH" and Source "ORA_QUALITY"), and
// the workflow status and quality type are ids configured per pod. Their
// canonical meaning comes from the context's code tables; codes without an
// entry read as Other and keep the code as originalCode.

/**
 * A tenant-coded attribute of a required canonical code (`severity`,
 * `source`): `coded` of `@mfgsync/mapping` with every code (tenant table
 * first) read as `fallback` unless the context's `codeTables[list]` names
 * it, and an empty attribute (`null`, absent) read as `fallback` without a
 * code and written back empty while the value is still the bare fallback.
 *
 * @example
 * ```ts
 * import { tenantCode } from "@mfgsync/mappers-oracle";
 * tenantCode("oracle:QualityIssueSeverity", "Other").kind; // "code list oracle:QualityIssueSeverity"
 * ```
 */
export function tenantCode<const V extends string>(list: string, fallback: V): Converter<unknown, Coded<V>> {
  const base = coded<V>({ list, codes: {}, fallback, tenant: true });
  return {
    ...base,
    description: `${base.description}; empty (null, \"\") reads as ${fallback} and is written back as read`,
    emptyIsProfile: false,
    decode(value, scope, props) {
      if (value === undefined || value === null || value === "") {
        if (value !== undefined) scope.carry(props[0] ?? "", value);
        return { value: fallback };
      }
      return base.decode(value as string, scope, props);
    },
    encode(value, scope, pointer) {
      if (value === undefined || (value.value === fallback && (value.originalCode === undefined || value.originalList !== list))) return EMPTY;
      return base.encode(value, scope, pointer);
    },
  };
}

/**
 * An int64 id whose meaning is tenant data (`WorkflowStatusId`,
 * `QualityTypeId`) as a canonical code: the id's digits are the
 * `originalCode`, its meaning comes from the context's `codeTables[list]`
 * (`{ "300100190000101": "Open" }`), and ids without an entry read as
 * `fallback`. An empty id (`null`, absent) reads as `fallback` without a code
 * and is written back empty; a value the table has no id for is refused.
 *
 * @example
 * ```ts
 * import { tenantIdCode } from "@mfgsync/mappers-oracle";
 * tenantIdCode("oracle:WorkflowStatusId", "Other").arity; // 1
 * ```
 */
export function tenantIdCode<const V extends string>(list: string, fallback: V): Converter<unknown, Coded<V>> {
  const id = identifier({ numeric: true, scheme: list });
  const meaning = (code: string, table: ReadonlyMap<string, unknown> | undefined): V => {
    const m = table?.get(code);
    return typeof m === "string" ? (m as V) : fallback;
  };
  return {
    kind: `tenant id ${list}`,
    description: `int64 id kept as originalCode; its meaning from codeTables["${list}"], otherwise ${fallback}; empty (null) reads as ${fallback}`,
    arity: 1,
    decode(value, scope, props) {
      if (value === undefined || value === null) {
        if (value === null) scope.carry(props[0] ?? "", null);
        return { value: fallback };
      }
      const read = id.decode(value, scope, props);
      if (read === INVALID || read === undefined) return read === INVALID ? INVALID : { value: fallback };
      return { value: meaning(read.value, scope.context.codeTable(list)), originalCode: read.value, originalList: list };
    },
    encode(value, scope, pointer) {
      if (value === undefined) return EMPTY;
      const table = scope.context.codeTable(list);
      const original = value.originalList === list ? value.originalCode : undefined;
      let code: string | undefined = original !== undefined && /^-?(?:0|[1-9]\d{0,18})$/.test(original) && meaning(original, table) === value.value ? original : undefined;
      if (code === undefined && table !== undefined) for (const [c, m] of table) if (m === value.value && /^-?(?:0|[1-9]\d{0,18})$/.test(c)) { code = c; break; }
      if (code === undefined) {
        if (value.value === fallback) return EMPTY;
        return scope.issue(pointer + "/value", MAPPING_CODES.noVendorCode, `no ${list} id is known for "${value.value}"; set originalCode or give the context a codeTables["${list}"] entry (id → meaning)`);
      }
      return id.encode({ value: code, scheme: list }, scope, pointer + "/originalCode");
    },
  };
}

/** The canonical title's limit (`Nonconformance.title`). */
const TITLE_MAX = 255;
/** The canonical description's limit (`Nonconformance.description`). */
const DESCRIPTION_MAX = 10000;

/** The description a quality issue without one reads with: its Name, or else its number. */
function fallbackDescription(record: Readonly<Record<string, unknown>>): string {
  const name = record["Name"];
  if (typeof name === "string" && name.trim() !== "" && name.length <= DESCRIPTION_MAX) return name;
  const number = record["IssueNumber"];
  return typeof number === "string" && number !== "" ? `Quality issue ${number}` : "Quality issue";
}

/**
 * `Description` (also a LOB enclosure: a GET may leave it out or send
 * `null`) as the canonical description, which is required: an issue
 * without one reads its `Name`, or else `"Quality issue <IssueNumber>"`, and
 * the empty `Description` is written back as read while the description is
 * still that. Longer than the canonical 10,000 characters is refused.
 *
 * @example
 * ```ts
 * import { issueDescription } from "@mfgsync/mappers-oracle";
 * issueDescription().arity; // 1
 * ```
 */
export function issueDescription(): Converter<unknown, string> {
  return {
    kind: "description (or Name)",
    description: "Description as is; empty: the issue's Name, or else \"Quality issue <IssueNumber>\" (the empty Description is written back)",
    arity: 1,
    decode(value, scope, props) {
      const prop = props[0] ?? "";
      if (value !== undefined && value !== null && typeof value !== "string") return scope.issue(prop, ISSUE_CODES.invalidType, `${prop} must be a string, got ${preview(value)}`);
      if (typeof value === "string" && value.length > DESCRIPTION_MAX) return scope.issue(prop, ISSUE_CODES.tooBig, `${prop} has ${value.length} characters; a canonical description holds at most ${DESCRIPTION_MAX}`);
      if (typeof value === "string" && value.trim() !== "") return value;
      if (value !== undefined) scope.carry(prop, value);
      return fallbackDescription(scope.record);
    },
    encode: (value) => (value === undefined ? EMPTY : value),
  };
}

/**
 * `Name` (at most 400 characters in Oracle's reference, not in the field
 * catalog) as the canonical title, which holds 255: a longer or blank name
 * is kept in the extensions instead and written back as read.
 *
 * @example
 * ```ts
 * import { issueTitle } from "@mfgsync/mappers-oracle";
 * issueTitle().arity; // 1
 * ```
 */
export function issueTitle(): Converter<unknown, string> {
  return {
    kind: "title",
    description: `Name as the title (at most ${TITLE_MAX} characters; longer or blank names are kept in extensions)`,
    arity: 1,
    decode(value, scope, props) {
      const prop = props[0] ?? "";
      if (value === undefined) return undefined;
      if (value !== null && typeof value !== "string") return scope.issue(prop, ISSUE_CODES.invalidType, `${prop} must be a string, got ${preview(value)}`);
      if (value === null || value.trim() === "" || value.length > TITLE_MAX) {
        scope.carry(prop, value);
        return undefined;
      }
      return value;
    },
    encode: (value) => (value === undefined ? EMPTY : value),
  };
}

/**
 * `CustomerId` (int64) as the customer complaint behind the issue:
 * `{ party: Customer, partner: <CustomerId> }` with the partner in the scheme
 * `oracle-fusion.customer-id`. A supplier complaint cannot be written (the
 * catalogued attributes name a customer only).
 *
 * @example
 * ```ts
 * import { issueCustomer } from "@mfgsync/mappers-oracle";
 * issueCustomer().arity; // 1
 * ```
 */
export function issueCustomer(): Converter<unknown, ComplaintReference> {
  const id = identifier({ numeric: true, scheme: ORACLE_ID_SCHEMES.customer });
  return {
    kind: "customer complaint",
    description: `CustomerId → complaint { party: Customer, partner (${ORACLE_ID_SCHEMES.customer}) }`,
    arity: 1,
    decode(value, scope, props) {
      const partner = id.decode(value, scope, props);
      if (partner === INVALID || partner === undefined) return partner;
      return { party: { value: "Customer" }, partner };
    },
    encode(value, scope, pointer) {
      if (value === undefined) return EMPTY;
      if (value.party.value !== "Customer") return scope.issue(pointer + "/party/value", MAPPING_CODES.noVendorCode, `an Oracle quality issue names a customer (CustomerId), not a ${value.party.value} complaint`);
      return value.partner === undefined ? EMPTY : id.encode(value.partner as Identifier, scope, pointer + "/partner");
    },
  };
}
