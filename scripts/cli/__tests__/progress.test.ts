import { compactCount, progressLine, silentProgress, terminalProgress } from '../progress';

function clockAt(times: number[]): () => number {
  return () => times.shift() ?? Number.NaN;
}

describe('progress bar', () => {
  it('prints rows and rows per second, with a bar when the total is known', () => {
    expect(progressLine('LoginHistory', 1_500_000, undefined, 1000)).toBe(
      'LoginHistory  1,500,000 rows  1.50M rows/s'
    );
    expect(progressLine('LoginHistory', 500, 2000, 2000)).toBe(
      'LoginHistory  [#####---------------] 25%  500 / 2,000 rows  250 rows/s'
    );
    expect(progressLine('User', 10, 0, 0)).toBe('User  10 rows  0 rows/s');
    expect(compactCount(45_678)).toBe('45.7k');
    expect(compactCount(999)).toBe('999');
  });

  it('stays silent for a phase shorter than a second', () => {
    const written: string[] = [];
    const progress = terminalProgress({
      write: (text) => written.push(text),
      now: clockAt([0, 500, 900])
    });
    progress.start('User', 10);
    progress.add(5);
    progress.finish();
    expect(written).toEqual([]);
  });

  it('draws after a second, at most every 100 ms, and ends with the final count', () => {
    const written: string[] = [];
    const progress = terminalProgress({
      write: (text) => written.push(text),
      now: clockAt([0, 1000, 1050, 1200, 2000]),
      columns: 61
    });
    progress.start('LoginHistory');
    progress.add(1000); // at 1000 ms: drawn
    progress.add(1000); // at 1050 ms: too soon
    progress.add(1000); // at 1200 ms: drawn
    progress.finish(); // at 2000 ms: final line and a line break
    expect(written).toEqual([
      `\r${'LoginHistory  1,000 rows  1000 rows/s'.padEnd(60)}`,
      `\r${'LoginHistory  3,000 rows  2500 rows/s'.padEnd(60)}`,
      `\r${'LoginHistory  3,000 rows  1500 rows/s'.padEnd(60)}`,
      '\n'
    ]);
  });

  it('has a silent sink for JSON runs and pipes', () => {
    expect(() => {
      silentProgress.start('x', 1);
      silentProgress.add(1);
      silentProgress.finish();
    }).not.toThrow();
  });
});
