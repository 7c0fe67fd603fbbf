import fs from 'node:fs';
import type { Logger } from '../../platform/logger';

export interface SupergraphSource {
  /** The supergraph SDL now served. */
  current(): string;
  close(): void;
}

/** A supergraph given once (tests, a fixed deployment): never changes. */
export function fixedSupergraph(sdl: string): SupergraphSource {
  return { current: () => sdl, close: () => {} };
}

/**
 * The supergraph read from a file and re-read when the file changes; `accept` hears every new version (the engine
 * rebuilds its planner from it, for HTTP and WebSocket at once) and throws to refuse one. A version that fails to
 * load is logged and the running one stays.
 */
export function watchedSupergraph(file: string, logger: Logger, accept: (sdl: string) => void): SupergraphSource {
  let current = fs.readFileSync(file, 'utf8');
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      let next: string;
      try {
        next = fs.readFileSync(file, 'utf8');
      } catch (err) {
        return logger.warn({ err }, 'supergraph file unreadable; keeping the running schema');
      }
      if (next === current) return;
      try {
        accept(next);
        current = next;
        logger.info('supergraph reloaded');
      } catch (err) {
        logger.error({ err }, 'new supergraph rejected; keeping the running schema');
      }
    }, 200);
  };
  const watcher = fs.watch(file, reload);
  return {
    current: () => current,
    close: () => {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
