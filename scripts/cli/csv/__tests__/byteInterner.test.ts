import { ByteInterner } from '../byteInterner';

/** The cell `text` inside other bytes, so the interner must keep to [start, end). */
function intern(interner: ByteInterner, text: string): string {
  const bytes = Buffer.from(`<<${text}>>`, 'utf8');
  return interner.intern(bytes, 2, bytes.length - 2);
}

describe('ByteInterner', () => {
  it('decodes UTF-8 and hands back the same string for the same bytes', () => {
    const interner = new ByteInterner();
    const first = intern(interner, 'Zoë');
    expect(first).toBe('Zoë');
    expect(intern(interner, 'Zoë')).toBe(first);
    expect(intern(interner, 'Zoe')).toBe('Zoe');
    expect(intern(interner, '')).toBe('');
    expect(intern(interner, '')).toBe('');
  });

  it('keeps thousands of values apart across table growth', () => {
    const interner = new ByteInterner();
    const ids = Array.from({ length: 5000 }, (_, i) => `0055g${String(i).padStart(10, '0')}AAA`);
    for (const id of ids) expect(intern(interner, id)).toBe(id);
    for (const id of [...ids].reverse()) expect(intern(interner, id)).toBe(id);
  });

  it('tells apart values of the same length and those that only differ in length', () => {
    const interner = new ByteInterner();
    const values = ['ab', 'ba', 'a', 'aa', 'aaa', 'Success', 'Success ', 'Invalid Password'];
    for (let round = 0; round < 3; round += 1) {
      expect(values.map((value) => intern(interner, value))).toEqual(values);
    }
  });

  it('still decodes every value once it holds the most it may', () => {
    const interner = new ByteInterner(2);
    expect(['x', 'y', 'z', 'z', 'x'].map((value) => intern(interner, value))).toEqual([
      'x',
      'y',
      'z',
      'z',
      'x'
    ]);
  });
});
