/**
 * User.csv → SourceUser: the population, its roles and regions. Role and profile come from the
 * relationship columns (`UserRole.Name`, `Profile.Name`) that Bulk API and Data Loader exports
 * carry when asked; an export with only `UserRoleId` / `ProfileId` is named through UserRole.csv /
 * Profile.csv when those are in the folder, else slices by the Id itself. UserType is optional
 * (without it every active user is in the population), and so are ManagerId and the profile.
 */
import type { ProgressSink, SourceUser } from '../source';
import { cells } from './cellReaders';
import type { CellReader } from './cellReaders';
import { USER_COLUMNS } from './columns';
import type { CsvFolder } from './csvFolder';
import type { CsvRow } from './csvReader';
import type { CsvHeader } from './csvTable';
import { readCsvTable } from './csvTable';
import { readRecords } from './recordRows';

const HINT = 'export the User field with its API name as the column header';

/** Reads an optional column, or gives `absent` when the header lacks it. */
function optionalColumn<V>(
  header: CsvHeader,
  names: readonly string[],
  read: CellReader<V>,
  absent: V
): { found: string | undefined; read: (row: CsvRow) => V } {
  for (const name of names) {
    const index = header.find(name);
    if (index >= 0) return { found: name, read: (row) => read(row, index) };
  }
  return { found: undefined, read: () => absent };
}

/** Reference columns that hold an Id where a name was wanted, per user field. */
interface IdColumns {
  role: boolean;
  profile: boolean;
}

export async function readUsers(
  folder: CsvFolder,
  file: string,
  regionField: string,
  progress: ProgressSink
): Promise<SourceUser[]> {
  const users: SourceUser[] = [];
  const ids: IdColumns = { role: false, profile: false };
  await readCsvTable(
    file,
    (header) => {
      const column = (name: string): number => header.require([name], HINT);
      const [id, name, isActive, lastLogin] = [
        USER_COLUMNS.id,
        USER_COLUMNS.name,
        USER_COLUMNS.isActive,
        USER_COLUMNS.lastLoginDate
      ].map(column);
      const region = header.require(
        [regionField],
        `it is the region field (--region-field ${regionField}); export that User field, or ` +
          'pass --region-field a User field the file has'
      );
      const roleIndex = header.require(
        USER_COLUMNS.role,
        'export the role name as UserRole.Name (or the UserRoleId field)'
      );
      ids.role = header.find(USER_COLUMNS.role[0]) < 0;
      const profile = optionalColumn(
        header,
        USER_COLUMNS.profile,
        cells.optionalSharedText(),
        null
      );
      ids.profile = profile.found === USER_COLUMNS.profile[1];
      const userType = optionalColumn(
        header,
        [USER_COLUMNS.userType],
        cells.optionalSharedText(),
        undefined
      );
      const manager = optionalColumn(header, USER_COLUMNS.managerId, cells.optionalText(), null);
      const text = cells.text();
      const flag = cells.flag();
      const roles = cells.optionalSharedText();
      const regions = cells.optionalSharedText();
      const instant = cells.optionalInstant();
      return (row) => {
        const user: SourceUser = {
          id: text(row, id),
          name: text(row, name),
          isActive: flag(row, isActive),
          role: roles(row, roleIndex),
          region: regions(row, region),
          lastLoginDate: instant(row, lastLogin),
          profile: profile.read(row),
          managerId: manager.read(row)
        };
        if (userType.found !== undefined) user.userType = userType.read(row);
        users.push(user);
      };
    },
    progress
  );
  if (ids.role) await nameByLookup(folder, 'UserRole', users, 'role', progress);
  if (ids.profile) await nameByLookup(folder, 'Profile', users, 'profile', progress);
  return users;
}

/** Replaces Ids in `field` by the names in `<object>.csv` (Id, Name), when that file exists. */
async function nameByLookup(
  folder: CsvFolder,
  object: string,
  users: SourceUser[],
  field: 'role' | 'profile',
  progress: ProgressSink
): Promise<void> {
  const file = await folder.find(object);
  if (file === undefined) return;
  const rows = await readRecords(
    file,
    {
      fields: {
        id: { headers: ['Id'], reader: cells.text },
        name: { headers: ['Name'], reader: cells.optionalText }
      }
    },
    progress
  );
  // 15- and 18-character forms of an Id name the same record.
  const names = new Map(rows.map((row) => [row.id.slice(0, 15), row.name]));
  for (const user of users) {
    const value = user[field];
    if (value !== null) user[field] = names.get(value.slice(0, 15)) ?? value;
  }
}
