import type { Converter } from "@mfgsync/mapping";
import { MAPPING_CODES } from "@mfgsync/mapping";

/** SAP language keys whose BCP 47 tag is not simply the lower-cased key [INFERRED: SAP's ISO language table]. */
const SPECIAL_LANGUAGES: Readonly<Record<string, string>> = { ZF: "zh-Hant" };

/**
 * An SAP language key as OData shows it (two-letter ISO form, `EN`, `JA`) to
 * a BCP 47 tag (`en`, `ja`). Encoding writes the primary language upper-case
 * (regions are not kept). SAP-specific keys such as `ZF` (traditional
 * Chinese) are mapped from a small table [INFERRED]; keys that are not
 * letters are issues.
 *
 * @example
 * ```ts
 * import { sapLanguage } from "@mfgsync/mappers-sap";
 * sapLanguage().kind; // "SAP language"
 * ```
 */
export function sapLanguage(): Converter<string | null | undefined, string> {
  return {
    kind: "SAP language",
    description: "two-letter SAP/ISO language key to a BCP 47 tag (EN → en)",
    arity: 1,
    decode(value, scope, props) {
      if (value === undefined || value === "" || value === null) return undefined;
      if (typeof value !== "string") return scope.issue(props[0] ?? "", "type.invalid", "a language key is a string");
      const special = Object.prototype.hasOwnProperty.call(SPECIAL_LANGUAGES, value) ? SPECIAL_LANGUAGES[value] : undefined;
      if (special !== undefined) return special;
      if (!/^[A-Za-z]{2}$/.test(value)) return scope.issue(props[0] ?? "", "format.invalid", `"${value}" is not an ISO language key; map it in code`);
      // Encode writes the key upper-case: another spelling ("ro") is kept so that it goes back as sent.
      if (value !== value.toUpperCase()) scope.carry(props[0] ?? "", value);
      return value.toLowerCase();
    },
    encode(value, scope, pointer) {
      if (value === undefined) return "";
      const lower = value.toLowerCase();
      if (lower === "zh-hant" || lower.startsWith("zh-hant-")) return "ZF";
      const primary = lower.split("-")[0] ?? "";
      if (!/^[a-z]{2}$/.test(primary)) return scope.issue(pointer, MAPPING_CODES.noVendorCode, `SAP language keys have two letters; "${value}" has none`);
      return primary.toUpperCase();
    },
  };
}

const PRODUCT_STATUS_LIST = "sap:CrossPlantStatus";

/**
 * A product's lifecycle from its cross-plant status and deletion flag:
 * marked for deletion → `Obsolete`; no cross-plant status → `Approved`; any
 * cross-plant status (a customer-defined block such as "01") → `Blocked`,
 * or the state the context maps it to (`statusRules["sap:CrossPlantStatus"].states`).
 * The status codes are customizing [INFERRED: their meaning differs per system].
 *
 * @example
 * ```ts
 * import { productLifecycle } from "@mfgsync/mappers-sap";
 * productLifecycle().arity; // 2
 * ```
 */
export function productLifecycle(): Converter<readonly unknown[], { value: string; originalCode?: string; originalList?: string }> {
  const base = { precedence: [], states: {} };
  return {
    kind: "cross-plant status",
    description: "IsMarkedForDeletion → Obsolete; empty CrossPlantStatus → Approved; other codes → Blocked (or the context's state)",
    arity: 2,
    decode(values, scope, props) {
      const [status, deleted] = values;
      if (status !== undefined && status !== null && typeof status !== "string") return scope.issue(props[0] ?? "", "type.invalid", "expected a status code");
      if (deleted !== undefined && deleted !== null && typeof deleted !== "boolean") return scope.issue(props[1] ?? "", "type.invalid", "expected true or false");
      if (deleted === true) return { value: "Obsolete", originalCode: props[1] ?? "", originalList: PRODUCT_STATUS_LIST };
      if (status === undefined || status === null || status === "") return { value: "Approved", originalList: PRODUCT_STATUS_LIST };
      const rules = scope.context.statusRules(PRODUCT_STATUS_LIST, base);
      return { value: rules.states.get(status) ?? "Blocked", originalCode: status, originalList: PRODUCT_STATUS_LIST };
    },
    encode(value, scope, pointer) {
      if (value === undefined) return ["", null];
      if (value.value === "Obsolete") return ["", true];
      if (value.value === "Approved") return ["", false];
      const rules = scope.context.statusRules(PRODUCT_STATUS_LIST, base);
      const original = value.originalCode;
      const valid = (code: string | undefined): code is string => code !== undefined && code !== "" && (rules.states.get(code) ?? "Blocked") === value.value;
      if ((value.originalList === undefined || value.originalList === PRODUCT_STATUS_LIST) && valid(original)) return [original, false];
      for (const [code, state] of rules.states) if (state === value.value && valid(code)) return [code, false];
      return scope.issue(pointer + "/value", MAPPING_CODES.noVendorCode, `no SAP cross-plant status is known for "${value.value}"; set originalCode or map a code in statusRules["${PRODUCT_STATUS_LIST}"]`);
    },
  };
}
