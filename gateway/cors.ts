import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Request headers browser apps may send: what Apollo Client and urql send (content-type, authorization, Apollo's
 * client-awareness and CSRF-preflight headers) and W3C trace context.
 */
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'accept',
  'apollographql-client-name',
  'apollographql-client-version',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'traceparent',
  'tracestate',
  'baggage',
].join(', ');
const ALLOWED_METHODS = 'GET, POST, OPTIONS';
/** Browsers cache a preflight this long (seconds), so an app pays one per origin and 10 minutes, not per request. */
const PREFLIGHT_MAX_AGE = '600';

export interface CorsPolicy {
  /** Is a request with this `Origin` header (undefined: none, i.e. not from a browser page) allowed? */
  allows(origin: string | undefined): boolean;
  /**
   * Adds the CORS headers to `res`; answers a preflight (`OPTIONS`) itself: 204 for an allowed origin, 403 otherwise.
   * Returns true when the request was answered.
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

/** CORS of the gateway: `origins` from `CORS_ORIGINS` (config.cors), `'*'` for any. Credentials are allowed. */
export function corsPolicy(origins: string[] | '*'): CorsPolicy {
  const allowed = origins === '*' ? undefined : new Set(origins.map((o) => o.toLowerCase()));
  const allows = (origin: string | undefined) => origin === undefined || !allowed || allowed.has(origin.toLowerCase());
  return {
    allows,
    handle(req, res) {
      const origin = req.headers.origin;
      const preflight = req.method === 'OPTIONS';
      if (origin === undefined) {
        if (!preflight) return false;
        res.writeHead(204, { allow: ALLOWED_METHODS, 'content-length': '0' });
        res.end();
        return true;
      }
      // The answer depends on Origin: caches must keep one per origin.
      res.setHeader('vary', 'Origin');
      if (!allows(origin)) {
        if (!preflight) return false; // no CORS headers: the browser keeps the answer from the page
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('This origin may not call the gateway (see CORS_ORIGINS)');
        return true;
      }
      // With credentials the origin must be named, never `*` (Fetch standard, CORS protocol).
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
      if (!preflight) return false;
      res.writeHead(204, {
        'access-control-allow-methods': ALLOWED_METHODS,
        'access-control-allow-headers': requestedHeaders(req) ?? ALLOWED_HEADERS,
        'access-control-max-age': PREFLIGHT_MAX_AGE,
        'content-length': '0',
      });
      res.end();
      return true;
    },
  };
}

/**
 * The headers a preflight asks for, echoed back when they are plain header names (as the `cors` middleware does), so
 * an app that adds a header of its own works unmodified; the origin check is what guards the gateway.
 */
function requestedHeaders(req: IncomingMessage): string | undefined {
  const asked = req.headers['access-control-request-headers'];
  return asked && asked.length <= 1000 && /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/.test(asked.trim())
    ? asked.trim()
    : undefined;
}
