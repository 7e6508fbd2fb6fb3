/**
 * The DataSource over a folder of CSV exports (`adoption … --data <dir>`): one `<Object>.csv` per
 * object, API field names as headers, as Data Loader, Bulk API 2.0 and `sf data export bulk`
 * write them. User, LoginHistory, Opportunity, Lead and Task are required; Account, Contact, Case,
 * OpportunityFieldHistory and DuplicateRecordItem are optional (their KPIs are skipped with a
 * note). LoginHistory is streamed; every other file is read whole into the library's record types.
 */
import type {
  CrmObjectName,
  CrmRecordTypes,
  DataSource,
  LoginVisitor,
  ProgressSink,
  SourceRecords,
  SourceUser
} from '../source';
import { RECORD_SPECS } from './columns';
import { CsvFolder } from './csvFolder';
import { streamLogins } from './loginRows';
import { readRecords } from './recordRows';
import { readUsers } from './userRows';

/** Objects the report cannot do without, with what they are for (for the missing-file error). */
export const REQUIRED_OBJECTS = {
  User: 'the population, roles and regions',
  LoginHistory: 'the login KPIs',
  Opportunity: 'the pipeline KPIs',
  Lead: 'the lead KPIs',
  Task: 'the activity KPIs'
} as const;

/** What a required object is for; undefined for an optional one. */
function purposeOf(object: string): string | undefined {
  return Object.hasOwn(REQUIRED_OBJECTS, object)
    ? REQUIRED_OBJECTS[object as keyof typeof REQUIRED_OBJECTS]
    : undefined;
}

async function tracked<T>(
  progress: ProgressSink,
  label: string,
  work: () => Promise<T>
): Promise<T> {
  progress.start(label);
  try {
    return await work();
  } finally {
    progress.finish();
  }
}

class CsvSource implements DataSource {
  readonly description: string;
  private readonly folder: CsvFolder;

  constructor(dir: string) {
    this.folder = new CsvFolder(dir);
    this.description = `CSV folder ${dir}`;
  }

  async users(regionField: string, progress: ProgressSink): Promise<SourceUser[]> {
    const file = await this.folder.require('User', REQUIRED_OBJECTS.User);
    return tracked(progress, 'User', () => readUsers(this.folder, file, regionField, progress));
  }

  async forEachLogin(
    range: { after: Date; notAfter: Date },
    visit: LoginVisitor,
    progress: ProgressSink
  ): Promise<void> {
    const file = await this.folder.require('LoginHistory', REQUIRED_OBJECTS.LoginHistory);
    await tracked(progress, 'LoginHistory', () => streamLogins(file, range, visit, progress));
  }

  async records<K extends CrmObjectName>(
    object: K,
    progress: ProgressSink
  ): Promise<SourceRecords<CrmRecordTypes[K]>> {
    const purpose = purposeOf(object);
    const file =
      purpose === undefined
        ? await this.folder.find(object)
        : await this.folder.require(object, purpose);
    if (file === undefined) {
      return {
        available: false,
        note: `No ${object}.csv in ${this.folder.dir}.`
      };
    }
    const spec = RECORD_SPECS[object];
    const records = await tracked(progress, object, () => readRecords(file, spec, progress));
    return { available: true, records };
  }

  async close(): Promise<void> {
    // Each file is opened and closed by the read that needs it: nothing is left open.
  }
}

export function createCsvSource(dir: string): DataSource {
  return new CsvSource(dir);
}
