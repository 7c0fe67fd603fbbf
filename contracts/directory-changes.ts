/**
 * Directory instances announce their committed writes here, so every cache of directory data (the directory's own
 * read cache on each instance, intake's jurisdiction answers) is emptied at once, not at its TTL.
 */
export const DIRECTORY_CHANGED_CHANNEL = 'directory.changed';

export interface DirectoryChanged {
  /** The directory's database: its instances share it; a system sharing only the Redis differs here. */
  database: string;
  /** The instance that wrote. */
  from: string;
}
