import fs from 'node:fs';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '../platform/logger';

/**
 * The supergraph for Apollo Gateway, read from a file and re-read when the file changes; `onChange` hears every
 * accepted new version (the WebSocket side rebuilds its planner from it). A version that fails to load is logged
 * and the running one stays.
 */
export function watchedSupergraph(file: string, logger: Logger, onChange: (sdl: string) => void): SupergraphSdlHook {
  return async ({ update }) => {
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
          onChange(next);
          update(next);
          current = next;
          logger.info('supergraph reloaded');
        } catch (err) {
          logger.error({ err }, 'new supergraph rejected; keeping the running schema');
        }
      }, 200);
    };
    const watcher = fs.watch(file, reload);
    return {
      supergraphSdl: current,
      cleanup: async () => {
        clearTimeout(timer);
        watcher.close();
      },
    };
  };
}
