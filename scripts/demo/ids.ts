/**
 * Deterministic Salesforce-style record Ids. A 15-character Id is the object's 3-character key
 * prefix, a fixed 2-character instance part and the row index in base 62 (0-9A-Za-z), zero-padded;
 * the 18-character form appends Salesforce's case-safety checksum: for each 5-character chunk, a
 * 5-bit mask of which characters are upper-case letters (bit j = character j of the chunk), written
 * as one character of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'.
 */

export const KEY_PREFIXES = {
  User: '005',
  UserRole: '00E',
  Profile: '00e',
  LoginHistory: '0Ya',
  Account: '001',
  Contact: '003',
  Opportunity: '006',
  Lead: '00Q',
  Task: '00T',
  Case: '500'
} as const;

export type DemoObjectName = keyof typeof KEY_PREFIXES;

/** The pod/instance characters real Ids carry after the key prefix. */
export const INSTANCE = '5g';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BODY_LENGTH = 10;
/** Rows are plain array indexes; 2^31 keeps the arithmetic exact and is far beyond any demo. */
const MAX_ROW = 0x7fffffff;

const isUpper = (code: number): boolean => code >= 65 && code <= 90;

function chunkMask(id: string, chunk: number): number {
  let mask = 0;
  for (let j = 0; j < 5; j += 1) {
    if (isUpper(id.charCodeAt(chunk * 5 + j))) mask |= 1 << j;
  }
  return mask;
}

/** The 3-character case-safety suffix of a 15-character Id. */
export function checksumSuffix(id15: string): string {
  if (id15.length !== 15) throw new RangeError(`A 15-character Id is needed, got "${id15}"`);
  return (
    CHECKSUM_CHARS[chunkMask(id15, 0)] +
    CHECKSUM_CHARS[chunkMask(id15, 1)] +
    CHECKSUM_CHARS[chunkMask(id15, 2)]
  );
}

/** 15 → 18 characters (what CASESAFEID() does); 18-character Ids are returned unchanged. */
export function to18(id: string): string {
  return id.length === 18 ? id : id + checksumSuffix(id);
}

/**
 * The case-sensitive 15-character form of an Id. An 18-character Id is case-insensitive: its
 * suffix restores the case of each letter, so '001a0000006vm9riac' is '001A0000006Vm9r'. Returns
 * undefined for anything that is not a well-formed Id.
 */
export function to15(id: string): string | undefined {
  if (id.length === 15) return /^[0-9A-Za-z]{15}$/.test(id) ? id : undefined;
  if (id.length !== 18 || !/^[0-9A-Za-z]{18}$/.test(id)) return undefined;
  const suffix = id.slice(15).toUpperCase();
  let restored = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    const mask = CHECKSUM_CHARS.indexOf(suffix[chunk]);
    if (mask < 0) return undefined;
    for (let j = 0; j < 5; j += 1) {
      const char = id[chunk * 5 + j];
      restored += mask & (1 << j) ? char.toUpperCase() : char.toLowerCase();
    }
  }
  // A suffix bit set on a digit cannot come from a real Id.
  return checksumSuffix(restored) === suffix ? restored : undefined;
}

/** Two-character base-62 strings and their upper-case bits, so encoding is a few table lookups. */
const PAIRS: string[] = [];
const PAIR_UPPER = new Uint8Array(62 * 62);
for (let hi = 0; hi < 62; hi += 1) {
  for (let lo = 0; lo < 62; lo += 1) {
    const index = hi * 62 + lo;
    PAIRS.push(BASE62[hi] + BASE62[lo]);
    PAIR_UPPER[index] =
      (isUpper(BASE62.charCodeAt(hi)) ? 1 : 0) | (isUpper(BASE62.charCodeAt(lo)) ? 2 : 0);
  }
}
const PAIR_BASE = 62 * 62;

/** Encodes and decodes the Ids of one object (one key prefix). */
export interface IdCodec {
  readonly prefix: string;
  encode(row: number): string;
  /** The row of an Id of this object (15 or 18 characters), or undefined. */
  decode(id: string): number | undefined;
}

export function idCodec(prefix: string): IdCodec {
  if (!/^[0-9A-Za-z]{3}$/.test(prefix)) throw new RangeError(`Bad key prefix "${prefix}"`);
  const head = prefix + INSTANCE;
  const headSuffix = CHECKSUM_CHARS[chunkMask(head + '0000000000', 0)];
  const zeroLeft = head + '000000';
  const suffixes = Array.from(
    { length: 32 * 32 },
    (_, masks) => headSuffix + CHECKSUM_CHARS[masks >> 5] + CHECKSUM_CHARS[masks & 31]
  );
  return {
    prefix,
    encode(row: number): string {
      if (!(row >= 0 && row <= MAX_ROW && Number.isInteger(row))) {
        throw new RangeError(`Row ${row} cannot be encoded as an Id`);
      }
      // Body characters 5..14 of the Id as five base-62 pairs p0..p4 (p4 = least significant).
      const p4 = row % PAIR_BASE;
      let rest = (row - p4) / PAIR_BASE;
      const p3 = rest % PAIR_BASE;
      rest = (rest - p3) / PAIR_BASE;
      const p2 = rest % PAIR_BASE;
      rest = (rest - p2) / PAIR_BASE;
      const p1 = rest % PAIR_BASE;
      const p0 = (rest - p1) / PAIR_BASE;
      // Chunk 2 = characters 5..9 = p0, p1, first char of p2; chunk 3 = rest of p2, p3, p4.
      const mask1 = PAIR_UPPER[p0] | (PAIR_UPPER[p1] << 2) | ((PAIR_UPPER[p2] & 1) << 4);
      const mask2 = (PAIR_UPPER[p2] >> 1) | (PAIR_UPPER[p3] << 1) | (PAIR_UPPER[p4] << 3);
      // Pieces under 13 characters concatenate flat in V8; only the final join makes a rope.
      const left =
        p0 === 0 && p1 === 0 && p2 === 0 ? zeroLeft : head + PAIRS[p0] + PAIRS[p1] + PAIRS[p2];
      return left + (PAIRS[p3] + PAIRS[p4] + suffixes[mask1 * 32 + mask2]);
    },
    decode(id: string): number | undefined {
      const decoded = decodeId(id);
      return decoded !== undefined && decoded.prefix === prefix ? decoded.row : undefined;
    }
  };
}

/** The key prefix and row of a demo Id, or undefined when it is not one (wrong instance too). */
export function decodeId(id: string): { prefix: string; row: number } | undefined {
  const id15 = to15(id);
  if (id15 === undefined || id15.slice(3, 5) !== INSTANCE) return undefined;
  let row = 0;
  for (let i = 15 - BODY_LENGTH; i < 15; i += 1) {
    row = row * 62 + BASE62.indexOf(id15[i]);
  }
  return row <= MAX_ROW ? { prefix: id15.slice(0, 3), row } : undefined;
}

/** The demo object an Id belongs to, from its key prefix (for polymorphic fields like WhatId). */
export function objectOfId(id: string): DemoObjectName | undefined {
  const decoded = decodeId(id);
  if (decoded === undefined) return undefined;
  const names = Object.keys(KEY_PREFIXES) as DemoObjectName[];
  return names.find((name) => KEY_PREFIXES[name] === decoded.prefix);
}
