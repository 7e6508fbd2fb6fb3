/**
 * The package's @AuraEnabled methods run by the local Apex runtime answer the components with the
 * same JSON as the preview's TypeScript gateway, on the same 50-user demo org, as each viewer
 * (CORE_CALLS; `npx tsx scripts/apex-runtime/aura/equivalence.ts --users N` runs every call).
 * A call may differ only for a reason listed below (each a defect to fix, named with its owner);
 * a call stopped by a construct the runtime does not support yet is reported, not failed.
 */
import { VIEWERS } from '../../preview/options';
import { CORE_CALLS, compareAll, equivalenceSetup, verdictText } from '../aura/equivalence';
import type { EquivalenceRow } from '../aura/equivalence';

/**
 * Known differences: 'Class.method' → a text the difference contains, and whose defect it is
 * (runtime, gateway or package Apex).
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, { contains: string; defect: string }>> = {};

jest.setTimeout(180_000);

let rows: EquivalenceRow[];

beforeAll(async () => {
  rows = await compareAll(await equivalenceSetup(50), CORE_CALLS);
  const report = rows
    .filter((row) => row.verdict.kind !== 'identical')
    .map(
      (row) => `${row.viewer} ${row.call.method}(${row.call.label}): ${verdictText(row.verdict)}`
    );
  if (report.length > 0) console.log(`Not identical yet:\n${report.join('\n')}`);
});

describe('the runtime answers @AuraEnabled calls as the gateway does', () => {
  it.each(VIEWERS)('as the %s', (viewer) => {
    const unexplained = rows
      .filter((row) => row.viewer === viewer && row.verdict.kind === 'differs')
      .filter((row) => {
        const known = KNOWN_DIFFERENCES[row.call.method];
        return !known || !verdictText(row.verdict).includes(known.contains);
      })
      .map((row) => `${row.call.method}(${row.call.label}): ${verdictText(row.verdict)}`);
    expect(unexplained).toEqual([]);
  });

  it('answers most calls identically already', () => {
    const identical = rows.filter((row) => row.verdict.kind === 'identical').length;
    // All but the deployment's outcome after captureBaseline (see KNOWN_DIFFERENCES).
    expect(identical).toBeGreaterThanOrEqual(rows.length - 1);
  });
});
