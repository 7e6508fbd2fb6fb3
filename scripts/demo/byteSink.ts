/**
 * A reusable byte buffer that CSV files and the digest are written into value by value. Building
 * JavaScript strings for tens of millions of values costs more than the data itself (allocation,
 * rope flattening, garbage collection); writing ASCII straight into a Buffer does not.
 */
import { DAY_MS, createDateFormatter } from './calendar';

const QUOTE = 0x22;
/** Instants whose ISO form has a four-digit year (0000–9999); others go through Date. */
const MIN_FAST_MS = 0;
const MAX_FAST_MS = 253_402_300_799_999;

export class ByteSink {
  private buffer: Buffer;
  private view: DataView;
  private position = 0;
  private readonly formatDay = createDateFormatter();

  constructor(capacity = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(capacity);
    this.view = new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.length);
  }

  get length(): number {
    return this.position;
  }

  /** The bytes written so far, valid until the next write; the sink starts over empty. */
  take(): Buffer {
    const bytes = this.buffer.subarray(0, this.position);
    this.position = 0;
    return bytes;
  }

  private ensure(extra: number): void {
    if (this.position + extra <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.position + extra));
    this.buffer.copy(grown, 0, 0, this.position);
    this.buffer = grown;
    this.view = new DataView(grown.buffer, grown.byteOffset, grown.length);
  }

  byte(value: number): void {
    this.ensure(1);
    this.buffer[this.position] = value;
    this.position += 1;
  }

  /** UTF-8 text; `quoteDoubling` doubles every '"' (CSV). */
  text(value: string, quoteDoubling = false): void {
    const length = value.length;
    this.ensure(length * 2);
    const buffer = this.buffer;
    let position = this.position;
    for (let i = 0; i < length; i += 1) {
      const code = value.charCodeAt(i);
      if (code >= 0x80) {
        // Rare (accented names): let Buffer encode the rest of the string.
        let rest = value.slice(i);
        if (quoteDoubling) rest = rest.replace(/"/g, '""');
        this.position = position;
        this.ensure(rest.length * 3);
        this.position += this.buffer.write(rest, this.position, 'utf8');
        return;
      }
      buffer[position] = code;
      position += 1;
      if (code === QUOTE && quoteDoubling) {
        buffer[position] = QUOTE;
        position += 1;
      }
    }
    this.position = position;
  }

  /** A CSV field: the text between double quotes, inner quotes doubled. */
  quoted(value: string): void {
    this.byte(QUOTE);
    this.text(value, true);
    this.byte(QUOTE);
  }

  /** 8 bytes, little-endian IEEE 754 (the digest's form of a number). */
  float64(value: number): void {
    this.ensure(8);
    this.view.setFloat64(this.position, value, true);
    this.position += 8;
  }

  uint32(value: number): void {
    this.ensure(4);
    this.view.setUint32(this.position, value, true);
    this.position += 4;
  }

  /** What Date.prototype.toISOString gives (2026-11-23T12:00:00.000Z), without a Date. */
  isoDateTime(ms: number): void {
    if (!(ms >= MIN_FAST_MS && ms <= MAX_FAST_MS) || !Number.isInteger(ms)) {
      this.text(new Date(ms).toISOString());
      return;
    }
    const day = Math.floor(ms / DAY_MS);
    this.text(this.formatDay(day));
    this.ensure(14);
    let rest = ms - day * DAY_MS;
    const millis = rest % 1000;
    rest = (rest - millis) / 1000;
    const seconds = rest % 60;
    rest = (rest - seconds) / 60;
    const minutes = rest % 60;
    const hours = (rest - minutes) / 60;
    const buffer = this.buffer;
    let p = this.position;
    buffer[p++] = 0x54; // T
    buffer[p++] = 0x30 + Math.floor(hours / 10);
    buffer[p++] = 0x30 + (hours % 10);
    buffer[p++] = 0x3a; // :
    buffer[p++] = 0x30 + Math.floor(minutes / 10);
    buffer[p++] = 0x30 + (minutes % 10);
    buffer[p++] = 0x3a;
    buffer[p++] = 0x30 + Math.floor(seconds / 10);
    buffer[p++] = 0x30 + (seconds % 10);
    buffer[p++] = 0x2e; // .
    buffer[p++] = 0x30 + Math.floor(millis / 100);
    buffer[p++] = 0x30 + (Math.floor(millis / 10) % 10);
    buffer[p++] = 0x30 + (millis % 10);
    buffer[p++] = 0x5a; // Z
    this.position = p;
  }
}
