import { odataV2Profile } from "./odata-v2.js";
import { odataV4Profile } from "./odata-v4.js";
import { oracleRestProfile } from "./oracle-rest.js";
import type { WireProfile } from "./profile.js";

/**
 * The wire profiles of the mapping core by name.
 *
 * @example
 * ```ts
 * import { PROFILES } from "@mfgsync/mapping";
 * Object.keys(PROFILES); // ["odata-v2", "odata-v4", "oracle-rest"]
 * ```
 */
export const PROFILES: Readonly<Record<"odata-v2" | "odata-v4" | "oracle-rest", WireProfile>> = {
  "odata-v2": odataV2Profile,
  "odata-v4": odataV4Profile,
  "oracle-rest": oracleRestProfile,
};

/**
 * The wire profile of a name, or undefined.
 *
 * @example
 * ```ts
 * import { profileByName } from "@mfgsync/mapping";
 * profileByName("oracle-rest")?.title; // "Oracle REST (ADF REST framework)"
 * ```
 */
export function profileByName(name: string): WireProfile | undefined {
  return Object.prototype.hasOwnProperty.call(PROFILES, name) ? PROFILES[name as keyof typeof PROFILES] : undefined;
}
