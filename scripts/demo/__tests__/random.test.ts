import { Random } from '../random';

const sample = (rng: Random, n = 20): number[] => Array.from({ length: n }, () => rng.nextUint32());

describe('Random', () => {
  it('repeats its sequence for the same seed and label', () => {
    expect(sample(new Random(42))).toEqual(sample(new Random(42)));
    expect(sample(new Random(42).fork('logins'))).toEqual(sample(new Random(42, 'logins')));
  });

  it('differs between seeds, labels and large seeds', () => {
    expect(sample(new Random(42))).not.toEqual(sample(new Random(43)));
    expect(sample(new Random(42, 'a'))).not.toEqual(sample(new Random(42, 'b')));
    expect(sample(new Random(2 ** 40))).not.toEqual(sample(new Random(0)));
  });

  it('stays within the asked ranges', () => {
    const rng = new Random(7);
    const counts = [0, 0, 0];
    const outside: string[] = [];
    for (let i = 0; i < 3000; i += 1) {
      const value = rng.next();
      if (!(value >= 0 && value < 1)) outside.push(`next ${value}`);
      const int = rng.int(-2, 2);
      if (!(Number.isInteger(int) && int >= -2 && int <= 2)) outside.push(`int ${int}`);
      const float = rng.float(5, 6);
      if (!(float >= 5 && float < 6)) outside.push(`float ${float}`);
      counts[rng.weighted([1, 0, 3])] += 1;
      const normal = rng.gaussian(10, 1);
      if (!(Math.abs(normal - 10) < 3.5)) outside.push(`gaussian ${normal}`);
      if (!(rng.count(4) >= 0)) outside.push('count');
    }
    expect(outside).toEqual([]);
    expect(counts[1]).toBe(0);
    expect(counts[2]).toBeGreaterThan(counts[0] * 2);
    expect(rng.count(0)).toBe(0);
    expect(['a', 'b']).toContain(rng.pick(['a', 'b']));
    expect(rng.chance(0)).toBe(false);
    expect(rng.chance(1)).toBe(true);
    expect(rng.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
