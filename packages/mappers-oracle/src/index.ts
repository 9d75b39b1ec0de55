/**
 * Skeleton of the mappers-oracle package. The mappers arrive with their own issue.
 *
 * @packageDocumentation
 */

/**
 * The vendor this package maps, as used in extension namespaces and identifier schemes.
 *
 * @example
 * ```ts
 * import { VENDOR } from "@mfgsync/mappers-oracle";
 * console.log(VENDOR);
 * ```
 */
export const VENDOR = "oracle" as const;
