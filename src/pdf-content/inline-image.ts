/**
 * Where an inline image (BI … ID <data> EI, ISO 32000-1 8.9.7) ends. Its data is binary and may
 * hold any bytes, "EI" and "EMC" among them, so the end is found the surest way the image allows:
 * the data's length when the image gives it (/L, PDF 2.0) or when it is unfiltered (width ×
 * height × components × bits); the end-of-data mark of an ASCIIHex or ASCII85 filter; and only
 * for other filters a scan for an `EI` between white space that is followed by text that could
 * be operators (as PDF.js does), so binary that happens to spell " EI " is passed over.
 */
import { isDelimiter, isWhitespace, skipBlank, text, type Token } from './tokens.js';

/** An inline image's parameter value, as far as its end depends on it. */
type Value = number | string | boolean | Value[] | undefined;

/** The abbreviations inline images may use, to their full keys (ISO 32000-1 table 93). */
const FULL_KEYS: Record<string, string> = { W: 'Width', H: 'Height', BPC: 'BitsPerComponent', CS: 'ColorSpace', IM: 'ImageMask', F: 'Filter', L: 'Length' };
const COMPONENTS: Record<string, number> = { G: 1, DeviceGray: 1, RGB: 3, DeviceRGB: 3, CMYK: 4, DeviceCMYK: 4, I: 1, Indexed: 1 };
const E = 0x45;
const I = 0x49;
/** How far past a candidate `EI` must look like content-stream text. */
const PLAUSIBLE_BYTES = 48;

/** Reads the parameters between BI and ID (tokens of the dictionary, without its brackets). */
export function inlineImageParameters(bytes: Uint8Array, tokens: readonly Token[]): Map<string, Value> {
  const params = new Map<string, Value>();
  let index = 0;
  const value = (): Value => {
    const token = tokens[index++];
    if (!token) return undefined;
    const raw = text(bytes, token);
    if (token.kind === 'number') return Number(raw);
    if (token.kind === 'name') return raw.slice(1);
    if (token.kind === 'keyword') return raw === 'true' ? true : raw === 'false' ? false : raw;
    if (token.kind === 'array-open') {
      const items: Value[] = [];
      while (index < tokens.length && tokens[index]!.kind !== 'array-close') items.push(value());
      index += 1;
      return items;
    }
    if (token.kind === 'dict-open') {
      while (index < tokens.length && tokens[index]!.kind !== 'dict-close') value();
      index += 1;
    }
    return undefined;
  };
  while (index < tokens.length) {
    const key = tokens[index]!;
    if (key.kind !== 'name') {
      index += 1;
      continue;
    }
    index += 1;
    const name = text(bytes, key).slice(1);
    params.set(FULL_KEYS[name] ?? name, value());
  }
  return params;
}

/** The byte length of unfiltered image data, if the parameters say it. */
function unfilteredLength(params: Map<string, Value>): number | undefined {
  const [width, height] = [params.get('Width'), params.get('Height')];
  if (typeof width !== 'number' || typeof height !== 'number') return undefined;
  const mask = params.get('ImageMask') === true;
  const space = params.get('ColorSpace');
  const components = mask ? 1 : COMPONENTS[Array.isArray(space) ? String(space[0]) : String(space)];
  const bits = mask ? 1 : params.get('BitsPerComponent');
  if (components === undefined || typeof bits !== 'number') return undefined;
  return Math.ceil((width * components * bits) / 8) * height;
}

const firstFilter = (params: Map<string, Value>): string | undefined => {
  const filter = params.get('Filter');
  const first = Array.isArray(filter) ? filter[0] : filter;
  return typeof first === 'string' ? first : undefined;
};

/** Whether `EI` starts at `at` and stands as a token of its own. */
const eiAt = (bytes: Uint8Array, at: number) =>
  bytes[at] === E && bytes[at + 1] === I && (at + 2 >= bytes.length || isWhitespace(bytes[at + 2]) || isDelimiter(bytes[at + 2]));

/** Whether the bytes after `at` could be operators: printable ASCII and white space only. */
function plausibleAfter(bytes: Uint8Array, at: number): boolean {
  const stop = Math.min(bytes.length, at + PLAUSIBLE_BYTES);
  for (let index = at; index < stop; index += 1) {
    const code = bytes[index]!;
    if (!isWhitespace(code) && (code < 0x20 || code > 0x7e)) return false;
  }
  return true;
}

/** The `EI` after data known to end at `dataEnd`, past white space; undefined when it is not there. */
function eiAfter(bytes: Uint8Array, dataEnd: number): number | undefined {
  if (dataEnd > bytes.length) return undefined;
  const at = skipBlank(bytes, dataEnd);
  return eiAt(bytes, at) ? at : undefined;
}

/** The first `EI` after white space that is followed by what could be operators. */
function scanForEi(bytes: Uint8Array, from: number): number | undefined {
  for (let at = bytes.indexOf(E, from); at >= 0; at = bytes.indexOf(E, at + 1)) {
    if ((at === from || isWhitespace(bytes[at - 1])) && eiAt(bytes, at) && plausibleAfter(bytes, at + 2)) return at;
  }
  return undefined;
}

/**
 * Offset just past the `EI` that ends the image whose data starts at `dataStart` (the byte after
 * ID's single white-space byte). An image with no `EI` runs to the end of the stream.
 */
export function inlineImageEnd(bytes: Uint8Array, dataStart: number, params: Map<string, Value>): number {
  const known = knownDataEnd(bytes, dataStart, params);
  const ei = (known === undefined ? undefined : eiAfter(bytes, known)) ?? scanForEi(bytes, dataStart);
  return ei === undefined ? bytes.length : ei + 2;
}

/** Where the data ends when the image says so without a scan: its length, or its filter's end mark. */
function knownDataEnd(bytes: Uint8Array, dataStart: number, params: Map<string, Value>): number | undefined {
  const declared = params.get('Length');
  if (typeof declared === 'number') return dataStart + declared;
  const filter = firstFilter(params);
  if (filter === undefined) {
    const length = unfilteredLength(params);
    return length === undefined ? undefined : dataStart + length;
  }
  if (filter === 'AHx' || filter === 'ASCIIHexDecode') return indexAfter(bytes, '>', dataStart);
  if (filter === 'A85' || filter === 'ASCII85Decode') return indexAfter(bytes, '~>', dataStart);
  return undefined;
}

/** Offset just past the first `mark` at or after `from`. */
function indexAfter(bytes: Uint8Array, mark: string, from: number): number | undefined {
  const found = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(mark, from, 'latin1');
  return found < 0 ? undefined : found + mark.length;
}
