/** What status asks other subgraphs over HTTP (the directory's officials and bodies). */
export { bodyOf, StatusDirectoryClient, type DirectoryOfficial } from './directory.client';
export { OfficialRef } from './directory-references.type';
