import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SELECTOR_METHODS, loadSelectorQueries } from '../selectorQueries';

const classesDir = path.join(
  __dirname,
  '..',
  '..',
  '..',
  'force-app',
  'main',
  'default',
  'classes'
);

describe('selector queries', () => {
  it('reads every statement the gateway runs from the Apex selectors', async () => {
    const queries = await loadSelectorQueries(classesDir);
    expect(Object.keys(queries).sort()).toEqual([...SELECTOR_METHODS].sort());
    expect(queries['LoginHistorySelector.countAttemptsByUserAndStatus']).toMatch(
      /^SELECT UserId, Status, COUNT\(Id\) attempts\s+FROM LoginHistory/
    );
    expect(queries['UserSelector.LOGGED_IN_SINCE_TEMPLATE']).toMatch(/WITH USER_MODE/);
    expect(queries['DirectorySelector.DIRECTORY_TEMPLATE']).toContain('{0}');
  });

  it('fails with the missing method names when a selector drifts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'selectors-'));
    writeFileSync(
      path.join(dir, 'UserSelector.cls'),
      'public with sharing class UserSelector { public List<User> renamed() { return [SELECT Id FROM User]; } }'
    );
    writeFileSync(
      path.join(dir, 'LoginHistorySelector.cls'),
      'public with sharing class LoginHistorySelector {}'
    );
    await expect(loadSelectorQueries(dir)).rejects.toThrow(
      /No SOQL found in the Apex selectors for UserSelector\.VIEWER_TEMPLATE, .*LoginHistorySelector\.readAttempts, .*DuplicateSelector\.countLeadsInSetsByOwner/
    );
  });
});
