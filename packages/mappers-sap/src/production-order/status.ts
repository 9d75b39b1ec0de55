import type { Converter } from "@mfgsync/mapping";
import { INVALID, MAPPING_CODES, OMIT } from "@mfgsync/mapping";

/**
 * Canonical `RequestState` per SAP system status (English short name).
 * Codes and flags follow notes section 12; TECO and CLSD both close an
 * order for the shop floor. Override per list with `statusRules` in the
 * mapping context.
 *
 * @example
 * ```ts
 * import { SAP_ORDER_STATUS_STATES } from "@mfgsync/mappers-sap";
 * SAP_ORDER_STATUS_STATES.TECO; // "Closed"
 * ```
 */
export const SAP_ORDER_STATUS_STATES: Readonly<Record<string, string>> = {
  DLT: "Cancelled", DLFL: "Cancelled", CLSD: "Closed", TECO: "Closed", LKD: "Held",
  DLV: "Completed", CNF: "Completed", PDLV: "Running", PCNF: "Running", REL: "Released", PREL: "Released", CRTD: "Forecast",
};

/**
 * Which of several simultaneous SAP system statuses decides the canonical
 * state, strongest first (notes section 12: DLT > DLFL > CLSD > TECO > DLV >
 * CNF > PCNF > REL > CRTD, with LKD, PDLV and PREL placed by us).
 *
 * @example
 * ```ts
 * import { SAP_ORDER_STATUS_PRECEDENCE } from "@mfgsync/mappers-sap";
 * SAP_ORDER_STATUS_PRECEDENCE[0]; // "DLT"
 * ```
 */
export const SAP_ORDER_STATUS_PRECEDENCE: readonly string[] = ["DLT", "DLFL", "CLSD", "TECO", "LKD", "DLV", "CNF", "PDLV", "PCNF", "REL", "PREL", "CRTD"];

/** Status to write for a canonical state when the object carries no SAP code for it. */
const PREFERRED: Readonly<Record<string, string>> = {
  Forecast: "CRTD", Released: "REL", Running: "PCNF", Completed: "CNF", Closed: "TECO", Cancelled: "DLFL", Held: "LKD",
};

/**
 * SAP system status numbers (`A_ProductionOrderStatus_2.StatusCode`) to
 * short names. I0045 TECO is [SEEN] in the sample; the others are standard
 * SAP numbers [INFERRED].
 *
 * @example
 * ```ts
 * import { SAP_SYSTEM_STATUS_CODES } from "@mfgsync/mappers-sap";
 * SAP_SYSTEM_STATUS_CODES.I0045; // "TECO"
 * ```
 */
export const SAP_SYSTEM_STATUS_CODES: Readonly<Record<string, string>> = {
  I0001: "CRTD", I0002: "REL", I0042: "PREL", I0009: "CNF", I0010: "PCNF", I0012: "DLV", I0074: "PDLV",
  I0045: "TECO", I0046: "CLSD", I0043: "LKD", I0013: "DLT", I0076: "DLFL",
};

/**
 * Reduces SAP status flags (`"X"`/`""` string flags such as
 * `OrderIsReleased`) and, optionally, the expanded status set
 * (`to_ProductionOrderStatus`, user statuses ignored) to one canonical state
 * by precedence. The winning short name is kept as `originalCode`. Encoding
 * sets the flag of the state's status and clears the others; the exact flags
 * and status set read from SAP come back while the state is unchanged
 * (declare the field with `carryAlways`).
 *
 * @example
 * ```ts
 * import { sapStatus } from "@mfgsync/mappers-sap";
 * const state = sapStatus({ list: "sap:order-status", flags: [["OrderIsReleased", "REL"]] });
 * state.arity; // 1
 * ```
 */
export function sapStatus(options: {
  readonly list: string;
  readonly flags: readonly (readonly [property: string, status: string])[];
  readonly statusSet?: string;
}): Converter<unknown, { value: string; originalCode?: string; originalList?: string }> {
  const { list, flags } = options;
  const withSet = options.statusSet !== undefined;
  const base = { precedence: SAP_ORDER_STATUS_PRECEDENCE, states: SAP_ORDER_STATUS_STATES };
  const available = new Set(flags.map(([, status]) => status));
  return {
    kind: "status precedence",
    description: `SAP statuses reduced by precedence (${list}); the winning status kept as originalCode`,
    arity: flags.length + (withSet ? 1 : 0),
    decode(value, scope, props) {
      const values = value as readonly unknown[];
      const active = new Set<string>();
      for (let i = 0; i < flags.length; i++) {
        const v = values[i];
        if (v === "X") active.add(flags[i]?.[1] ?? "");
        else if (v !== "" && v !== undefined && v !== null) return scope.issue(props[i] ?? "", "value.invalid", `a status flag is "X" or "", got ${JSON.stringify(v)}`);
      }
      if (withSet) {
        const set = values[flags.length];
        const prop = props[flags.length] ?? "";
        const entries = typeof set === "object" && set !== null && !Array.isArray(set) && Array.isArray((set as Record<string, unknown>)["results"])
          ? ((set as Record<string, unknown>)["results"] as unknown[])
          : Array.isArray(set) ? set : undefined;
        if (set !== undefined && set !== null && entries === undefined && !(typeof set === "object" && "__deferred" in set)) {
          return scope.issue(prop, "type.invalid", `${prop} must be an expanded status set ({ "results": [...] })`);
        }
        for (const entry of entries ?? []) {
          if (typeof entry !== "object" || entry === null) return scope.issue(prop, "type.invalid", "a status entry must be an object");
          const e = entry as Record<string, unknown>;
          if (typeof e["StatusCode"] !== "string") return scope.issue(prop, "type.invalid", "a status entry needs a StatusCode string");
          if (e["IsUserStatus"] === true) continue;
          const code = Object.prototype.hasOwnProperty.call(SAP_SYSTEM_STATUS_CODES, e["StatusCode"]) ? SAP_SYSTEM_STATUS_CODES[e["StatusCode"]] : undefined;
          if (code !== undefined) active.add(code);
        }
      }
      const rules = scope.context.statusRules(list, base);
      let winner: string | undefined;
      let best = Infinity;
      for (const code of active) {
        const rank = rules.rank.get(code);
        if (rank !== undefined && rank < best) {
          best = rank;
          winner = code;
        }
      }
      if (winner === undefined) return { value: "Other", originalList: list };
      return { value: rules.states.get(winner) ?? "Other", originalCode: winner, originalList: list };
    },
    encode(value, scope, pointer) {
      if (value === undefined) return INVALID;
      const rules = scope.context.statusRules(list, base);
      // Only statuses this entity has a flag for can be written.
      const writable = (c: string | undefined): c is string => c !== undefined && available.has(c) && rules.states.get(c) === value.value;
      let code: string | undefined;
      const original = value.originalCode;
      if ((value.originalList === undefined || value.originalList === list) && writable(original)) code = original;
      if (code === undefined) code = writable(PREFERRED[value.value]) ? PREFERRED[value.value] : rules.precedence.find(writable);
      if (code === undefined && value.value !== "Other") {
        return scope.issue(pointer + "/value", MAPPING_CODES.noVendorCode, `SAP has no system status for the state "${value.value}" (${list})`);
      }
      const out: unknown[] = flags.map(([, status]) => (status === code ? "X" : ""));
      if (withSet) out.push(OMIT);
      return out;
    },
  };
}
