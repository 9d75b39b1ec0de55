import type { RequestState } from "@mfgsync/canonical";
import { ISSUE_CODES, RequestState as RequestStateSchema } from "@mfgsync/canonical";
import type { Coded, Converter, DecodeScope, EncodeScope } from "@mfgsync/mapping";
import { MAPPING_CODES, OMIT } from "@mfgsync/mapping";
import { ORACLE_CODE_LISTS } from "../context.js";

/**
 * Canonical state per Oracle work order system status
 * (`WorkOrderSystemStatusCode`, lookup `ORA_WIE_WO_SYSTEM_STATUS`).
 * RELEASED is seen in live filters; the other codes are [inferred] from the
 * seeded user statuses (notes §3), PENDING_APPROVAL from the issue.
 *
 * @example
 * ```ts
 * import { ORACLE_WORK_ORDER_SYSTEM_STATES } from "@mfgsync/mappers-oracle";
 * ORACLE_WORK_ORDER_SYSTEM_STATES.ON_HOLD; // "Held"
 * ```
 */
export const ORACLE_WORK_ORDER_SYSTEM_STATES: Readonly<Record<string, RequestState>> = {
  UNRELEASED: "Forecast",
  RELEASED: "Released",
  ON_HOLD: "Held",
  COMPLETED: "Completed",
  CLOSED: "Closed",
  CANCELED: "Cancelled",
  PENDING_APPROVAL: "Waiting",
};

/** System status written for each canonical state; states Oracle has no status for take the nearest one. */
const SYSTEM_FOR_STATE: Readonly<Record<string, string>> = {
  Forecast: "UNRELEASED", Released: "RELEASED", Ready: "RELEASED", Running: "RELEASED", Held: "ON_HOLD", Suspended: "ON_HOLD",
  Completed: "COMPLETED", Closed: "CLOSED", Cancelled: "CANCELED", Aborted: "CANCELED", Waiting: "PENDING_APPROVAL",
};

/**
 * What an Oracle work order can hold of a canonical state: Ready and
 * Running read back as Released, Suspended as Held, Aborted as Cancelled.
 *
 * @example
 * ```ts
 * import { oracleStateOf } from "@mfgsync/mappers-oracle";
 * oracleStateOf("Running"); // "Released"
 * ```
 */
export function oracleStateOf(state: string): string {
  const system = SYSTEM_FOR_STATE[state];
  return system === undefined ? state : (ORACLE_WORK_ORDER_SYSTEM_STATES[system] ?? state);
}

const LIST = ORACLE_CODE_LISTS.workOrderStatus;
/** The canonical limit of a coded value's originalCode. */
const CODE_MAX = 255;
const own = (o: Readonly<Record<string, unknown>>, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The meaning of a user status: the tenant's code table, else a seeded ORA_ code. */
function userMeaning(code: string, scope: { context: { codeTable(list: string): ReadonlyMap<string, unknown> | undefined } }): string | undefined {
  const fromTable = scope.context.codeTable(LIST)?.get(code);
  if (typeof fromTable === "string") return fromTable;
  if (code.startsWith("ORA_")) {
    const system = code.slice(4);
    return own(ORACLE_WORK_ORDER_SYSTEM_STATES, system) ? ORACLE_WORK_ORDER_SYSTEM_STATES[system] : undefined;
  }
  return undefined;
}

/**
 * Oracle's two-layer work order status to one canonical state. The state
 * comes from the system status (`WorkOrderSystemStatusCode`); the user status
 * (`WorkOrderStatusCode`, tenant-defined codes such as a released-and-kitted
 * status) is kept as `originalCode` (list `oracle:WorkOrderStatusCode`).
 * Without a system status, the user status gives the state: a seeded
 * `ORA_…` code, or the context's `codeTables["oracle:WorkOrderStatusCode"]`
 * (user code → canonical state). Unknown system codes read as `Other`.
 *
 * Encoding writes the user status that was read while it still means the
 * state, else the tenant's code for the state from the code table, else the
 * seeded `ORA_…` code; the system status is written only where the user
 * status alone does not tell the state (a tenant code without a table entry).
 * Declare the field with `carryAlways` so both attributes go back as read.
 *
 * @example
 * ```ts
 * import { workOrderStatus } from "@mfgsync/mappers-oracle";
 * workOrderStatus().arity; // 2
 * ```
 */
export function workOrderStatus(): Converter<readonly unknown[], Coded<RequestState>> {
  const text = (v: unknown, prop: string, scope: DecodeScope): string | undefined | null | false => {
    if (v === undefined || v === null || v === "") return v === "" ? undefined : (v as undefined | null);
    if (typeof v !== "string") {
      scope.issue(prop, ISSUE_CODES.invalidType, `${prop} must be a status code string, got ${v === null ? "null" : Array.isArray(v) ? "an array" : typeof v}`);
      return false;
    }
    if (v.length > CODE_MAX) {
      scope.issue(prop, ISSUE_CODES.tooBig, `${prop} has ${v.length} characters; a canonical status code holds at most ${CODE_MAX}`);
      return false;
    }
    return v;
  };
  return {
    kind: "Oracle work order status",
    description: `system status → state (${Object.entries(ORACLE_WORK_ORDER_SYSTEM_STATES).map(([c, s]) => `${c}→${s}`).join(", ")}, otherwise Other); user status kept as originalCode; tenant codes from codeTables["${LIST}"]`,
    arity: 2,
    decode(values, scope, props) {
      const systemProp = props[0] ?? "", userProp = props[1] ?? "";
      const system = text(values[0], systemProp, scope);
      const user = text(values[1], userProp, scope);
      if (system === false || user === false) return scope.issue(systemProp, ISSUE_CODES.invalidType, "the work order status is not readable");
      let value: string | undefined;
      if (typeof system === "string") value = own(ORACLE_WORK_ORDER_SYSTEM_STATES, system) ? ORACLE_WORK_ORDER_SYSTEM_STATES[system] : "Other";
      else if (typeof user === "string") value = userMeaning(user, scope) ?? "Other";
      if (value === undefined) return undefined;
      if (!RequestStateSchema.safeParse(value).success) {
        return scope.issue(userProp, ISSUE_CODES.invalidValue, `codeTables["${LIST}"] maps ${String(user)} to "${value}", which is not a canonical state (${RequestStateSchema.options.join(", ")})`);
      }
      return typeof user === "string"
        ? { value: value as RequestState, originalCode: user, originalList: LIST }
        : { value: value as RequestState, originalList: LIST };
    },
    encode(value, scope: EncodeScope, pointer) {
      if (value === undefined) return [OMIT, OMIT];
      const system = SYSTEM_FOR_STATE[value.value];
      const original = value.originalList === undefined || value.originalList === LIST ? value.originalCode : undefined;
      const state = oracleStateOf(value.value);
      // An unknown system status read without a user status: the system status read is all Oracle can be sent.
      const keptSystem = scope.kept("WorkOrderSystemStatusCode");
      if (value.value === "Other" && (typeof original !== "string" || original === "") && typeof keptSystem === "string" && keptSystem !== "") return [keptSystem, OMIT];
      if (typeof original === "string" && original !== "") {
        // "Other" is an unknown system status: the user status read is all Oracle can be sent.
        if (value.value === "Other") return [OMIT, original];
        const meaning = userMeaning(original, scope);
        if (meaning === undefined) {
          // A tenant code the context does not explain: the system status says what it means.
          if (system === undefined) return scope.issue(pointer + "/value", MAPPING_CODES.noVendorCode, `Oracle has no work order status for "${value.value}"`);
          return [system, original];
        }
        if (meaning === state || meaning === value.value) return [OMIT, original];
      }
      if (system === undefined) return scope.issue(pointer + "/value", MAPPING_CODES.noVendorCode, `Oracle has no work order status for "${value.value}"; set originalCode to a WorkOrderStatusCode`);
      const table = scope.context.codeTable(LIST);
      if (table !== undefined) for (const [code, meaning] of table) if (meaning === state) return [OMIT, code];
      return [OMIT, `ORA_${system}`];
    },
  };
}

/**
 * The canonical state of a work order record without a mapping context: its
 * system status, else its seeded `ORA_…` user status, else `Other`. Used for
 * the operations, which have no status attribute of their own.
 *
 * @example
 * ```ts
 * import { workOrderStateOfRecord } from "@mfgsync/mappers-oracle";
 * workOrderStateOfRecord({ WorkOrderSystemStatusCode: "ON_HOLD" }); // "Held"
 * ```
 */
export function workOrderStateOfRecord(record: Readonly<Record<string, unknown>> | undefined): RequestState {
  const system = record?.["WorkOrderSystemStatusCode"];
  if (typeof system === "string" && system !== "") return own(ORACLE_WORK_ORDER_SYSTEM_STATES, system) ? (ORACLE_WORK_ORDER_SYSTEM_STATES[system] ?? "Other") : "Other";
  const user = record?.["WorkOrderStatusCode"];
  if (typeof user === "string" && user.startsWith("ORA_") && own(ORACLE_WORK_ORDER_SYSTEM_STATES, user.slice(4))) return ORACLE_WORK_ORDER_SYSTEM_STATES[user.slice(4)] ?? "Other";
  return "Other";
}
