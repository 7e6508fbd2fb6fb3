/**
 * The export folder: finds `<Object>.csv` whatever the case of its name (exports made on Windows
 * or by hand are named `user.csv` as often as `User.csv`), preferring the exact spelling.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { CsvDataError } from './csvErrors';

interface Listing {
  exact: Set<string>;
  /** Lower-cased name → the name as listed. */
  folded: Map<string, string>;
}

export class CsvFolder {
  readonly dir: string;
  private listing: Promise<Listing> | undefined;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** The path of `<object>.csv`, or undefined when the folder has none. */
  async find(object: string): Promise<string | undefined> {
    const wanted = `${object}.csv`;
    const { exact, folded } = await this.list();
    const name = exact.has(wanted) ? wanted : folded.get(wanted.toLowerCase());
    return name === undefined ? undefined : path.join(this.dir, name);
  }

  /** The path of a file the source cannot do without: an error naming it and the folder if absent. */
  async require(object: string, purpose: string): Promise<string> {
    const file = await this.find(object);
    if (file !== undefined) return file;
    throw new CsvDataError(
      `No ${object}.csv in the CSV folder ${this.dir}: it is required (${purpose}). Export ` +
        `${object} there as ${object}.csv, with API field names as headers.`,
      path.join(this.dir, `${object}.csv`)
    );
  }

  /** The folder's file names, read once. */
  private list(): Promise<Listing> {
    this.listing ??= readdir(this.dir, { withFileTypes: true }).then(
      (entries) => {
        const listing: Listing = { exact: new Set(), folded: new Map() };
        for (const entry of entries) {
          if (!entry.isFile()) continue;
          listing.exact.add(entry.name);
          listing.folded.set(entry.name.toLowerCase(), entry.name);
        }
        return listing;
      },
      (error: NodeJS.ErrnoException) => {
        const reason =
          error.code === 'ENOENT'
            ? 'does not exist'
            : error.code === 'ENOTDIR'
              ? 'is not a folder'
              : `cannot be read (${error.code ?? error.message})`;
        throw new CsvDataError(
          `The CSV folder ${this.dir} ${reason}: pass --data the folder holding the exported <Object>.csv files.`,
          this.dir
        );
      }
    );
    return this.listing;
  }
}
