/** The directory's read cache: per-request loaders that read through it, and its invalidation on every write. */
export { createDirectoryLoaders, type DirectoryLoaders } from './directory.loaders';
export { startDirectoryReadCache } from './read-cache-invalidation';
