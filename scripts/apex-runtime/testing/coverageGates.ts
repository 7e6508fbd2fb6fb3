/**
 * The deployment's coverage rules as gates: each class at least `perClass` % of its lines (the
 * platform refuses a deployment under 75 %) and the whole folder at least `overall` %.
 */
import type { ClassCoverage } from './coverage';

export interface CoverageGates {
  perClass?: number;
  overall?: number;
}

function percent(covered: number, total: number): number {
  return total === 0 ? 100 : (100 * covered) / total;
}

/** One sentence per gate missed, empty when every gate holds. */
export function coverageProblems(
  coverage: Record<string, ClassCoverage>,
  gates: CoverageGates
): string[] {
  const problems: string[] = [];
  const { perClass, overall } = gates;
  if (perClass !== undefined) {
    for (const [name, { covered, total }] of Object.entries(coverage)) {
      const share = percent(covered, total);
      if (share < perClass) {
        problems.push(
          `${name} covers ${share.toFixed(1)} % of its lines (${covered}/${total}), under ${perClass} %`
        );
      }
    }
  }
  if (overall !== undefined) {
    const classes = Object.values(coverage);
    const covered = classes.reduce((sum, each) => sum + each.covered, 0);
    const total = classes.reduce((sum, each) => sum + each.total, 0);
    const share = percent(covered, total);
    if (share < overall) {
      problems.push(
        `the classes cover ${share.toFixed(1)} % of their lines (${covered}/${total}), under ${overall} %`
      );
    }
  }
  return problems;
}
