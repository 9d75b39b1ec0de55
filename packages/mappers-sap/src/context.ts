import type { ContextDefaults } from "@mfgsync/mapping";
import { SAP_UNITS_IN, SAP_UNITS_OUT } from "./units.js";

/**
 * Identifier scheme of SAP S/4HANA identifiers (`Identifier.scheme`).
 *
 * @example
 * ```ts
 * import { SAP_SCHEME } from "@mfgsync/mappers-sap";
 * SAP_SCHEME; // "sap-s4hana"
 * ```
 */
export const SAP_SCHEME = "sap-s4hana";

/**
 * Extension namespace of SAP properties kept in canonical `extensions`.
 *
 * @example
 * ```ts
 * import { SAP_NAMESPACE } from "@mfgsync/mappers-sap";
 * SAP_NAMESPACE; // "sap"
 * ```
 */
export const SAP_NAMESPACE = "sap";

/**
 * Context defaults of every SAP mapper: scheme `sap-s4hana` and the SAP unit
 * tables. Callers override them with a `MappingContext`.
 *
 * @example
 * ```ts
 * import { SAP_CONTEXT_DEFAULTS } from "@mfgsync/mappers-sap";
 * SAP_CONTEXT_DEFAULTS.scheme; // "sap-s4hana"
 * ```
 */
export const SAP_CONTEXT_DEFAULTS: ContextDefaults = { scheme: SAP_SCHEME, units: SAP_UNITS_IN, unitsOut: SAP_UNITS_OUT };

/**
 * Stable issue and warning codes the SAP package adds to those of
 * `@mfgsync/mapping` (`MAPPING_CODES`).
 *
 * @example
 * ```ts
 * import { SAP_CODES } from "@mfgsync/mappers-sap";
 * SAP_CODES.odataError; // "odata.error"
 * ```
 */
export const SAP_CODES = {
  /** The payload is not JSON. */
  jsonInvalid: "json.invalid",
  /** The payload is an OData error response. */
  odataError: "odata.error",
  /** An SAP business event type that is not mapped. */
  eventUnsupported: "event.unsupported",
  /** Part of a confirmation that has no canonical event (warning). */
  eventSkipped: "event.skipped",
} as const;
