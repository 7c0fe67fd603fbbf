/** GraphQL over HTTP media types (graphql.github.io/graphql-over-http). */
export const JSON_TYPE = 'application/json';
export const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';

/**
 * The media type Apollo Server answers with for this Accept header (it negotiates as the `negotiator` package does:
 * higher q, then the more specific range, then the earlier range; `application/json` wins a full tie).
 */
export function responseType(accept: string | undefined | null): string | null {
  if (!accept) return JSON_TYPE;
  const ranges = accept.split(',').map((part, order) => {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { type: type.trim(), q: q ? Number(q.slice(2)) : 1, order };
  });
  const rank = (candidate: string, index: number) => {
    let best = { q: 0, s: -1, o: Infinity, i: index };
    for (const r of ranges) {
      const s = r.type === candidate ? 2 : r.type === 'application/*' ? 1 : r.type === '*/*' ? 0 : -1;
      if (s < 0 || Number.isNaN(r.q)) continue;
      if (s > best.s || (s === best.s && r.order < best.o)) best = { q: r.q, s, o: r.order, i: index };
    }
    return best;
  };
  const [first] = [rank(JSON_TYPE, 0), rank(GRAPHQL_RESPONSE_TYPE, 1)].sort(
    (a, b) => b.q - a.q || b.s - a.s || a.o - b.o || a.i - b.i,
  );
  if (first.q <= 0) return null;
  return first.i === 0 ? JSON_TYPE : GRAPHQL_RESPONSE_TYPE;
}

/**
 * Status of a request error (a document that does not parse or validate) that is answered before Apollo Server
 * sees the request: 200 when the answer is `application/json`, 400 with `application/graphql-response+json`, as the
 * GraphQL-over-HTTP spec asks (and as gateway/graphql-over-http.ts makes Apollo answer).
 */
export function requestErrorAnswer(accept: string | undefined): { status: number; contentType: string } {
  const type = responseType(accept) ?? JSON_TYPE;
  return { status: type === JSON_TYPE ? 200 : 400, contentType: `${type}; charset=utf-8` };
}
