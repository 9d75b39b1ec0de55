import { v5 } from "uuid";

// UUID version 5 (RFC 9562 §5.5) from the `uuid` package: its browser build
// has a synchronous SHA-1 in plain JavaScript (no Node built-ins, no eval),
// and under Node it uses node:crypto. See docs/guides/decisions.md for the
// measurements behind the choice. SHA-1's weaknesses do not matter here: the
// hash only derives a stable name-based id, it protects nothing.

// The name is hashed as UTF-8 by TextEncoder (lone surrogates become U+FFFD),
// so every string has a key; `uuid`'s own string path would throw a URIError.
const encoder = new TextEncoder();
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Name-based UUID version 5 of `name` in `namespace` (RFC 9562), lower case.
 *
 * @throws TypeError when `namespace` is not a UUID.
 * @example
 * ```ts
 * import { uuidV5 } from "@mfgsync/canonical";
 * // RFC 9562's DNS namespace
 * uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"); // "2ed6657d-e927-568b-95e1-2665a8aea6a2"
 * ```
 */
export function uuidV5(name: string, namespace: string): string {
  if (!UUID_PATTERN.test(namespace)) throw new TypeError(`namespace must be a UUID, got "${namespace}"`);
  return v5(encoder.encode(name), namespace);
}
