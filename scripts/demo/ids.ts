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
  Case: '500',
  OpportunityFieldHistory: '017',
  DuplicateRecordSet: '0GK',
  DuplicateRecordItem: '0GL'
} as const;

export type DemoObjectName = keyof typeof KEY_PREFIXES;

/** The pod/instance characters real Ids carry after the key prefix. */
export const INSTANCE = '5g';
const INSTANCE_CODES = [INSTANCE.charCodeAt(0), INSTANCE.charCodeAt(1)];

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

/** Base-62 value of each character code (-1 = not an Id character). */
const DIGIT_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE62.length; i += 1) DIGIT_VALUES[BASE62.charCodeAt(i)] = i;
/** Checksum value of each suffix character, read case-insensitively (-1 = invalid). */
const CHECKSUM_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < CHECKSUM_CHARS.length; i += 1) {
  CHECKSUM_VALUES[CHECKSUM_CHARS.charCodeAt(i)] = i;
  CHECKSUM_VALUES[CHECKSUM_CHARS.toLowerCase().charCodeAt(i)] = i;
}

const isLetter = (code: number): boolean =>
  (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * Writes the case-sensitive character codes of an Id's first 15 characters into `out`. An
 * 18-character Id is case-insensitive: its suffix restores each letter's case, so
 * '001a0000006vm9riac' is '001A0000006Vm9r'. Returns false for anything that is not an Id
 * (including a suffix that marks a digit as upper case).
 */
function normalise(id: string, out: Uint8Array): boolean {
  const length = id.length;
  if (length !== 15 && length !== 18) return false;
  let masks = 0;
  if (length === 18) {
    for (let chunk = 0; chunk < 3; chunk += 1) {
      const code = id.charCodeAt(15 + chunk);
      const mask = code < 128 ? CHECKSUM_VALUES[code] : -1;
      if (mask < 0) return false;
      masks |= mask << (chunk * 5);
    }
  }
  for (let i = 0; i < 15; i += 1) {
    let code = id.charCodeAt(i);
    if (code >= 128 || DIGIT_VALUES[code] < 0) return false;
    if (length === 18) {
      const upper = (masks >> i) & 1;
      if (isLetter(code)) code = upper ? code & ~32 : code | 32;
      else if (upper) return false;
    }
    out[i] = code;
  }
  return true;
}

/** The case-sensitive 15-character form of an Id, or undefined when it is not one. */
export function to15(id: string): string | undefined {
  const codes = new Uint8Array(15);
  return normalise(id, codes) ? String.fromCharCode(...codes) : undefined;
}

/** The row in a normalised Id's body, or -1 when it is beyond MAX_ROW. */
function rowOfCodes(codes: Uint8Array): number {
  let row = 0;
  for (let i = 15 - BODY_LENGTH; i < 15; i += 1) row = row * 62 + DIGIT_VALUES[codes[i]];
  return row <= MAX_ROW ? row : -1;
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
  const headCodes = Array.from(head, (char) => char.charCodeAt(0));
  const scratch = new Uint8Array(15);
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
      if (!normalise(id, scratch)) return undefined;
      for (let i = 0; i < 5; i += 1) if (scratch[i] !== headCodes[i]) return undefined;
      const row = rowOfCodes(scratch);
      return row < 0 ? undefined : row;
    }
  };
}

/** The key prefix and row of a demo Id, or undefined when it is not one (wrong instance too). */
export function decodeId(id: string): { prefix: string; row: number } | undefined {
  const codes = new Uint8Array(15);
  if (!normalise(id, codes) || codes[3] !== INSTANCE_CODES[0] || codes[4] !== INSTANCE_CODES[1]) {
    return undefined;
  }
  const row = rowOfCodes(codes);
  return row < 0 ? undefined : { prefix: String.fromCharCode(codes[0], codes[1], codes[2]), row };
}

/** The demo object an Id belongs to, from its key prefix (for polymorphic fields like WhatId). */
export function objectOfId(id: string): DemoObjectName | undefined {
  const decoded = decodeId(id);
  if (decoded === undefined) return undefined;
  const names = Object.keys(KEY_PREFIXES) as DemoObjectName[];
  return names.find((name) => KEY_PREFIXES[name] === decoded.prefix);
}
