/**
 * Skeleton of the mappers-d365 package. The mappers arrive with their own issue.
 *
 * @packageDocumentation
 */

/**
 * The vendor this package maps, as used in extension namespaces and identifier schemes.
 *
 * @example
 * ```ts
 * import { VENDOR } from "@mfgsync/mappers-d365";
 * console.log(VENDOR);
 * ```
 */
export const VENDOR = "d365" as const;
