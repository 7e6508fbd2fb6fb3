// Fails when any Apex class (tests excluded) in an `sf apex run test --code-coverage` result is
// below the threshold. Usage: node scripts/ci/checkApexCoverage.mjs <output-dir> <percent>
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const [outputDir, thresholdArg] = process.argv.slice(2);
const threshold = Number(thresholdArg ?? 90);
const resultFile = readdirSync(outputDir).find((file) =>
  /^test-result-.*-codecoverage\.json$/.test(file)
);
if (!resultFile) {
  console.error(`No test-result-*-codecoverage.json in ${outputDir}`);
  process.exit(1);
}
const classes = JSON.parse(readFileSync(path.join(outputDir, resultFile), 'utf8'));
const low = classes.filter(
  (entry) => !/Test$|TestDataFactory$/.test(entry.name) && entry.coveredPercent < threshold
);
for (const entry of classes)
  console.log(`${String(entry.coveredPercent).padStart(5)}% ${entry.name}`);
if (low.length > 0) {
  console.error(`Below ${threshold}%: ${low.map((entry) => entry.name).join(', ')}`);
  process.exit(1);
}
