import { KEY_PREFIXES, checksumSuffix, decodeId, idCodec, objectOfId, to15, to18 } from '../ids';

describe('Salesforce Id checksum', () => {
  // 15 → 18 pairs published with the algorithm (Salesforce StackExchange question 27686, the
  // gammone.com and amureki/salesforce_id_converter write-ups), not computed by this code.
  it.each([
    ['001A0000006Vm9r', '001A0000006Vm9rIAC'],
    ['003A0000005QB3A', '003A0000005QB3AIAW'],
    ['003A0000008qb1s', '003A0000008qb1sIAA'],
    ['a0D30000001n7Pi', 'a0D30000001n7PiEAI'],
    ['00558000001N0Ke', '00558000001N0KeAAK']
  ])('converts %s to %s', (id15, id18) => {
    expect(to18(id15)).toBe(id18);
    expect(checksumSuffix(id15)).toBe(id18.slice(15));
    expect(to18(id18)).toBe(id18);
  });

  it('restores the case of an 18-character Id from its suffix', () => {
    expect(to15('001a0000006vm9riac')).toBe('001A0000006Vm9r');
    expect(to15('001A0000006VM9RIAC')).toBe('001A0000006Vm9r');
    expect(to15('001A0000006Vm9r')).toBe('001A0000006Vm9r');
  });

  it('rejects malformed Ids', () => {
    expect(to15('001A0000006Vm9')).toBeUndefined();
    expect(to15('001A0000006Vm9r!!!')).toBeUndefined();
    // A suffix claiming an upper-case letter where there is a digit.
    expect(to15('0010000000000005AA')).toBeUndefined();
    expect(() => checksumSuffix('short')).toThrow(RangeError);
  });
});

describe('demo Id codec', () => {
  const codec = idCodec(KEY_PREFIXES.Opportunity);

  it('encodes prefix, instance and the row in base 62 with a valid checksum', () => {
    expect(codec.encode(0)).toBe('0065g0000000000AAA');
    expect(codec.encode(61)).toBe('0065g000000000zAAA');
    for (const row of [0, 1, 61, 62, 3843, 3844, 238327, 14776335, 987654321, 2147483647]) {
      const id = codec.encode(row);
      expect(id).toHaveLength(18);
      expect(id.startsWith('0065g')).toBe(true);
      expect(to18(id.slice(0, 15))).toBe(id);
      expect(codec.decode(id)).toBe(row);
      expect(codec.decode(id.slice(0, 15))).toBe(row);
      expect(codec.decode(id.toLowerCase())).toBe(row);
    }
  });

  it('keeps Ids in row order', () => {
    const ids = [5, 70, 4000, 300000].map((row) => codec.encode(row).slice(0, 15));
    expect([...ids].sort()).toEqual(ids);
  });

  it('decodes only its own object and instance', () => {
    const account = idCodec(KEY_PREFIXES.Account).encode(12);
    expect(codec.decode(account)).toBeUndefined();
    expect(decodeId(account)).toEqual({ prefix: '001', row: 12 });
    expect(decodeId('001A0000006Vm9rIAC')).toBeUndefined();
    expect(objectOfId(account)).toBe('Account');
    expect(objectOfId(idCodec(KEY_PREFIXES.Profile).encode(1))).toBe('Profile');
    expect(objectOfId(idCodec('a01').encode(1))).toBeUndefined();
    expect(objectOfId('nonsense')).toBeUndefined();
    expect(() => codec.encode(-1)).toThrow(RangeError);
    expect(() => codec.encode(1.5)).toThrow(RangeError);
    expect(() => idCodec('0x')).toThrow(RangeError);
  });
});
