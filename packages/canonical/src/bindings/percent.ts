import { fromUtf8, utf8 } from "./shared.js";

// Percent-encoding of HTTP header values, CloudEvents HTTP binding 1.0.2
// section 3.1.3.2. Internal.

// Characters the HTTP binding lets through unencoded: printable ASCII except space, '"' and '%'.
const NEEDS_ENCODING = /[^\x21\x23\x24\x26-\x7e]/;
const NEEDS_DECODING = /[%\u0080-\uffff]/;

/** Percent-encodes an attribute value for a `ce-` header (HTTP binding 3.1.3.2): UTF-8 bytes of what is not printable ASCII, and space, `"` and `%`. */
export function percentEncode(value: string): string {
  if (!NEEDS_ENCODING.test(value)) return value;
  let out = "";
  for (const char of value) {
    if (!NEEDS_ENCODING.test(char)) out += char;
    else for (const byte of utf8(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/**
 * Decodes a `ce-` header value; undefined when a `%` is not followed by two
 * hex digits or the bytes are not UTF-8 (the binding says such messages must
 * be rejected). Characters U+0080 to U+00FF are taken as the raw header bytes
 * they are when Node or a `Headers` object shows bytes as Latin-1, so that a
 * sender that did not encode UTF-8 is still read correctly.
 */
export function percentDecode(header: string): string | undefined {
  // A quoted-string (RFC 7230 3.2.6) is unquoted first, as the binding says.
  const value = header.length >= 2 && header.startsWith('"') && header.endsWith('"') ? header.slice(1, -1).replace(/\\(.)/gs, "$1") : header;
  if (!NEEDS_DECODING.test(value)) return value;
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x25) {
      const hex = value.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (code <= 0xff) {
      bytes.push(code);
    } else {
      // Not a header byte: a JavaScript string handed over directly; take it as text.
      const point = value.codePointAt(i)!;
      const char = String.fromCodePoint(point);
      bytes.push(...utf8(char));
      i += char.length - 1;
    }
  }
  return fromUtf8(Uint8Array.from(bytes));
}
