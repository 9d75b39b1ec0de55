/**
 * fp-ts interop for mfgsync: `Either`-returning variants of the canonical
 * parsers and of any mapper's decode and encode. The io-ts codecs of every
 * canonical object and event are in `@mfgsync/fp/io-ts`.
 *
 * fp-ts (and, for `@mfgsync/fp/io-ts`, io-ts) are optional peer
 * dependencies: install them next to this package. This entry needs fp-ts for
 * its types only; its `Either` values are the plain objects fp-ts builds.
 *
 * @packageDocumentation
 */

export type { Issues, Mapped, MappingFailure } from "./either.js";
export { fromResult, fromMapResult, parseEither, parseEventEither, decodeEither, encodeEither } from "./either.js";
