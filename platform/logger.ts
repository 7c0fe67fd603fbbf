import pino, { type Logger } from 'pino';
import { traceFields, tracingEnabled } from './tracing';

export type { Logger };

export function createLogger(level: string, service: string): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    // With tracing on, each line carries the active span's trace_id and span_id.
    ...(tracingEnabled() ? { mixin: traceFields } : {}),
  });
}
