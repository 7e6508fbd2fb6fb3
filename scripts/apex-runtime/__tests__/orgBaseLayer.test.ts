import type { FieldSpec, FieldValue, SObjectTable } from '../../demo/model';
import type { DataOptions } from '../org/types';
import { NOW, insertUser, newOrg, systemMode } from './orgTestSupport';

/** A read-only, column-stored table like the demo org's (scripts/demo/tables.ts). */
function baseTable(
  name: string,
  columns: Record<string, { spec: FieldSpec; values: FieldValue[] }>
): SObjectTable {
  const ids = columns.Id.values as string[];
  return {
    name,
    size: ids.length,
    fields: Object.fromEntries(
      Object.entries(columns).map(([field, column]) => [field, column.spec])
    ),
    accessor: (field) => {
      const column = columns[field];
      return column ? (row) => column.values[row] ?? null : undefined;
    },
    rowOf: (id) => {
      const row = ids.indexOf(id);
      return row < 0 ? undefined : row;
    }
  };
}

const SYSTEM = (userId: string): DataOptions => ({
  userId,
  accessMode: 'SYSTEM_MODE',
  enforceSharing: false
});

describe('org data over a read-only demo org (base layer + overlay)', () => {
  const loginIds = ['0Ya5g0000000001AAA', '0Ya5g0000000002AAA', '0Ya5g0000000003AAA'];
  const accountIds = ['0015g0000000001AAA', '0015g0000000002AAA'];

  function org() {
    const demo = newOrg({
      baseTables: {
        LoginHistory: baseTable('LoginHistory', {
          Id: { spec: { type: 'id' }, values: loginIds },
          UserId: {
            spec: { type: 'reference', referenceTo: 'User', relationshipName: 'User' },
            values: ['005DEMO', '005DEMO', '005OTHER']
          },
          LoginTime: { spec: { type: 'datetime' }, values: [NOW - 1000, NOW - 2000, NOW - 3000] },
          Status: { spec: { type: 'string' }, values: ['Success', 'Failed', 'Success'] }
        }),
        Account: baseTable('Account', {
          Id: { spec: { type: 'id' }, values: accountIds },
          Name: { spec: { type: 'string' }, values: ['Base One', 'Base Two'] },
          OwnerId: {
            spec: { type: 'reference', referenceTo: 'User', relationshipName: 'Owner' },
            values: [null, null]
          }
        })
      }
    });
    return { demo, owner: demo.runningUserId };
  }

  it('queries base rows and seeded rows together', () => {
    const { demo, owner } = org();
    demo.seedRecords('LoginHistory', [{ UserId: owner, LoginTime: NOW, Status: 'Success' }]);
    const result = demo.query(
      'SELECT Status, COUNT(Id) n FROM LoginHistory GROUP BY Status ORDER BY Status',
      {},
      SYSTEM(owner)
    );
    // Success: two base rows, the seeded row, and the login the test runner started the run with.
    expect(result.records).toEqual([
      { Status: 'Failed', n: 1 },
      { Status: 'Success', n: 4 }
    ]);
  });

  it('updates and deletes base rows in the overlay, and a snapshot restores them', () => {
    const { demo, owner } = org();
    const snapshot = demo.snapshot();
    const options = systemMode(owner);
    expect(
      demo.dml('update', 'Account', [{ Id: accountIds[0], Name: 'Renamed' }], options)[0].success
    ).toBe(true);
    expect(demo.dml('delete', 'Account', [{ Id: accountIds[1] }], options)[0].success).toBe(true);
    const read = () =>
      demo.query('SELECT Id, Name, IsDeleted FROM Account', {}, SYSTEM(owner)).records;
    expect(read()).toEqual([{ Id: accountIds[0], Name: 'Renamed', IsDeleted: null }]);
    demo.restore(snapshot);
    expect(read().map((row) => row.Name)).toEqual(['Base One', 'Base Two']);
  });

  it('applies sharing to base rows: a rep sees none of the unowned demo accounts', () => {
    const { demo } = org();
    const rep = insertUser(demo, 'Standard User');
    expect(
      demo.query('SELECT COUNT() FROM Account', {}, { ...SYSTEM(rep), enforceSharing: true })
        .totalSize
    ).toBe(0);
  });
});
