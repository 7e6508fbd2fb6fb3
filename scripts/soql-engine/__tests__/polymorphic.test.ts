/**
 * Relationship paths through a polymorphic reference (Task.Owner: a User or a queue) reach the
 * Name object. SOQL and SOSL Reference, "Understanding Relationship Fields and Polymorphic Fields";
 * Object Reference, "Name": `Owner.Name` works whatever the owner is, fields outside Name do not.
 */
import { runQuery } from '../engine';
import { ORG, USER, rowTable } from './fixtures';

const QUEUE = '00G000000000001';

const group = rowTable(
  'Group',
  { Id: { type: 'id' }, Name: { type: 'string' }, Type: { type: 'string' } },
  [{ Id: QUEUE, Name: 'Inbound Leads', Type: 'Queue' }]
);

const task = rowTable(
  'Task',
  {
    Id: { type: 'id' },
    Subject: { type: 'string' },
    OwnerId: {
      type: 'reference',
      referenceTo: 'Group',
      relationshipName: 'Owner',
      referenceTargets: ['Group', 'User']
    }
  },
  [
    { Id: '00T000000000001', Subject: 'Call', OwnerId: USER.ada },
    { Id: '00T000000000002', Subject: 'Email', OwnerId: QUEUE },
    { Id: '00T000000000003', Subject: 'Visit', OwnerId: null }
  ]
);

const org = { ...ORG, tables: { ...ORG.tables, Group: group, Task: task } };
const run = (soql: string) => runQuery(org, soql);

describe('polymorphic relationship paths (the Name object)', () => {
  it('reads Owner.Name from a User owner and from a queue owner', () => {
    expect(run('SELECT Subject, Owner.Name FROM Task ORDER BY Subject').records).toEqual([
      { Subject: 'Call', Owner: { Name: 'Ada' } },
      { Subject: 'Email', Owner: { Name: 'Inbound Leads' } },
      { Subject: 'Visit', Owner: null }
    ]);
  });

  it("gives Owner.Type as the owner's kind and nulls for Name fields the object lacks", () => {
    expect(
      run('SELECT Owner.Type, Owner.Username FROM Task WHERE OwnerId != null ORDER BY Subject')
        .records
    ).toEqual([
      { Owner: { Type: 'User', Username: 'ada@demo.example' } },
      { Owner: { Type: 'Queue', Username: null } }
    ]);
  });

  it('filters, sorts and follows Name relationships (Owner.UserRole.Name)', () => {
    expect(run("SELECT Subject FROM Task WHERE Owner.Name LIKE 'inbound%'").records).toEqual([
      { Subject: 'Email' }
    ]);
    expect(
      run('SELECT Subject FROM Task WHERE Owner.UserRole.Name = null ORDER BY Owner.Name').records
    ).toEqual([{ Subject: 'Visit' }, { Subject: 'Email' }]);
  });

  it('refuses a field that is not on the Name object', () => {
    expect(() => run('SELECT Owner.Division FROM Task')).toThrow(
      "INVALID_FIELD: No such column 'Division' on entity 'Name'"
    );
  });

  it('still refuses a relationship whose target objects are all absent', () => {
    const orphan = { ...org, tables: { Task: task } };
    expect(() => runQuery(orphan, 'SELECT Owner.Name FROM Task')).toThrow(
      "Didn't understand relationship 'Owner' in field path on entity 'Task'"
    );
  });
});
