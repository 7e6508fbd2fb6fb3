/**
 * Growable typed-array columns: the big objects are stored column-wise so millions of rows take a
 * few bytes each instead of one JavaScript object each.
 */

type NumericArray = Int32Array | Uint8Array | Float64Array;

export class Column<A extends NumericArray> {
  private data: A;
  private readonly allocate: (length: number) => A;
  length = 0;

  constructor(allocate: (length: number) => A, capacity = 1024) {
    this.allocate = allocate;
    this.data = allocate(Math.max(16, capacity));
  }

  push(value: number): number {
    if (this.length === this.data.length) {
      const grown = this.allocate(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = value;
    this.length += 1;
    return this.length - 1;
  }

  get(index: number): number {
    return this.data[index];
  }

  /** The filled part, copied into an array of exactly the right length. */
  finish(): A {
    return this.data.slice(0, this.length) as A;
  }
}

export const int32Column = (capacity?: number): Column<Int32Array> =>
  new Column((length) => new Int32Array(length), capacity);
export const uint8Column = (capacity?: number): Column<Uint8Array> =>
  new Column((length) => new Uint8Array(length), capacity);
export const float64Column = (capacity?: number): Column<Float64Array> =>
  new Column((length) => new Float64Array(length), capacity);
