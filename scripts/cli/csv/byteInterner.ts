/**
 * Turns repeated cell bytes into one shared string: LoginHistory repeats a few thousand user Ids
 * and a handful of statuses over millions of rows, and the big CRM objects repeat owner Ids.
 * Decoding each cell would allocate a string per row (and hold millions of copies in records);
 * hashing the bytes and comparing them with the stored copy allocates nothing once a value has
 * been seen.
 */

/** Distinct values kept at most; past it values are decoded each time (memory stays bounded). */
const DEFAULT_MAX_ENTRIES = 1 << 20;

export class ByteInterner {
  private capacity = 1 << 10;
  private mask = this.capacity - 1;
  private hashes = new Int32Array(this.capacity);
  private offsets = new Int32Array(this.capacity);
  private lengths = new Int32Array(this.capacity);
  private values: (string | undefined)[] = new Array<string | undefined>(this.capacity);
  private pool: Buffer = Buffer.allocUnsafe(1 << 14);
  private poolLength = 0;
  private size = 0;
  private readonly maxEntries: number;

  constructor(maxEntries = DEFAULT_MAX_ENTRIES) {
    this.maxEntries = maxEntries;
  }

  /** The UTF-8 string of bytes[start, end), shared with earlier equal byte ranges. */
  intern(bytes: Buffer, start: number, end: number): string {
    const length = end - start;
    let hash = 0x811c9dc5 ^ length;
    for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ bytes[i], 0x01000193);
    let slot = hash & this.mask;
    for (let value = this.values[slot]; value !== undefined; value = this.values[slot]) {
      if (this.hashes[slot] === hash && this.lengths[slot] === length) {
        const offset = this.offsets[slot];
        let i = 0;
        while (i < length && this.pool[offset + i] === bytes[start + i]) i += 1;
        if (i === length) return value;
      }
      slot = (slot + 1) & this.mask;
    }
    const value = bytes.toString('utf8', start, end);
    if (this.size >= this.maxEntries) return value;
    this.store(slot, hash, bytes, start, length, value);
    return value;
  }

  private store(
    slot: number,
    hash: number,
    bytes: Buffer,
    start: number,
    length: number,
    value: string
  ): void {
    if (this.poolLength + length > this.pool.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.pool.length * 2, this.poolLength + length));
      this.pool.copy(grown, 0, 0, this.poolLength);
      this.pool = grown;
    }
    bytes.copy(this.pool, this.poolLength, start, start + length);
    this.hashes[slot] = hash;
    this.offsets[slot] = this.poolLength;
    this.lengths[slot] = length;
    this.values[slot] = value;
    this.poolLength += length;
    this.size += 1;
    if (this.size * 2 > this.capacity) this.rehash();
  }

  /** Doubles the table, keeping the load under one half so probes stay short. */
  private rehash(): void {
    const { hashes, offsets, lengths, values } = this;
    this.capacity *= 2;
    this.mask = this.capacity - 1;
    this.hashes = new Int32Array(this.capacity);
    this.offsets = new Int32Array(this.capacity);
    this.lengths = new Int32Array(this.capacity);
    this.values = new Array<string | undefined>(this.capacity);
    for (let old = 0; old < values.length; old += 1) {
      if (values[old] === undefined) continue;
      let slot = hashes[old] & this.mask;
      while (this.values[slot] !== undefined) slot = (slot + 1) & this.mask;
      this.hashes[slot] = hashes[old];
      this.offsets[slot] = offsets[old];
      this.lengths[slot] = lengths[old];
      this.values[slot] = values[old];
    }
  }
}
