import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** What a client sends: the document itself, or (Apollo Client's and urql's persisted-query links) only its hash. */
export interface DocumentRequest {
  query?: string | null;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } | Record<string, unknown> | null;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * An operation safelist ("trusted documents"): the operations the frontends were built with, by the sha256 of their
 * text, read from `TRUSTED_DOCUMENTS`. Either manifest shape is read: Apollo's persisted query manifest
 * (`{ "format": "apollo-persisted-query-manifest", "operations": [{ "id", "body", … }] }`, from
 * `generate-persisted-query-manifest`) or a plain `{ "<sha256>": "<document>" }` map (graphql-codegen's
 * `persisted-documents.json`). Every id must be the sha256 of its document, or the gateway does not start.
 */
export class TrustedDocuments {
  /** The documents themselves, so a text is checked without hashing it (the gateway's fast lane). */
  private readonly texts: Set<string>;

  private constructor(private readonly byHash: Map<string, string>) {
    this.texts = new Set(byHash.values());
  }

  static fromFile(file: string): TrustedDocuments {
    let manifest: unknown;
    try {
      manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(`TRUSTED_DOCUMENTS: cannot read ${file}: ${(err as Error).message}`);
    }
    return TrustedDocuments.fromManifest(manifest, file);
  }

  static fromManifest(manifest: unknown, source = 'the manifest'): TrustedDocuments {
    const entries: [string, unknown][] =
      manifest && typeof manifest === 'object' && Array.isArray((manifest as { operations?: unknown }).operations)
        ? (manifest as { operations: { id?: unknown; body?: unknown }[] }).operations.map((o) => [String(o.id), o.body])
        : Object.entries((manifest ?? {}) as Record<string, unknown>);
    const byHash = new Map<string, string>();
    for (const [id, body] of entries) {
      const hash = id.replace(/^sha256:/, '');
      if (typeof body !== 'string' || sha256(body) !== hash) {
        throw new Error(`TRUSTED_DOCUMENTS: in ${source}, ${id} is not the sha256 of its document`);
      }
      byHash.set(hash, body);
    }
    return new TrustedDocuments(byHash);
  }

  get size(): number {
    return this.byHash.size;
  }

  /** Whether this exact text is one of the documents (as `resolve` decides for a request carrying it). */
  trusts(text: string): boolean {
    return this.texts.has(text);
  }

  /** The document to run for a request, or a GraphQL error refusing it. */
  resolve(request: DocumentRequest): string {
    const hash = (request.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined | null)?.persistedQuery?.sha256Hash;
    if (typeof request.query === 'string' && request.query !== '') {
      if (this.byHash.has(sha256(request.query))) return request.query;
      throw new GraphQLError('This operation is not one of the trusted documents this gateway runs', {
        extensions: { code: 'OPERATION_NOT_TRUSTED', http: { status: 400 } },
      });
    }
    const known = typeof hash === 'string' ? this.byHash.get(hash.replace(/^sha256:/, '')) : undefined;
    if (known) return known;
    throw new GraphQLError('PersistedQueryNotFound: no trusted document has this hash', {
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 404 } },
    });
  }
}

/** Never a real document's hash: a refused request asks Apollo for it, so Apollo answers without parsing anything. */
const REFUSED = 'refused-untrusted-document';

/**
 * Apollo Server plugin: runs only trusted documents, a hash-only request running the document it names. A refused
 * document is never parsed (so its errors cannot tell anything about the schema): the request is turned into a
 * lookup Apollo cannot satisfy, and the answer carries the refusal's own error and code.
 */
export function trustedDocumentsPlugin<C extends BaseContext>(documents: TrustedDocuments): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ request }) {
      // Before Apollo reads the request: a hash-only request gets its text (Apollo then checks the hash matches).
      try {
        request.query = documents.resolve(request);
        return;
      } catch (err) {
        const refusal = err as GraphQLError;
        request.query = undefined;
        request.extensions = { persistedQuery: { version: 1, sha256Hash: REFUSED } };
        return {
          async willSendResponse({ response }) {
            response.body = {
              kind: 'single',
              singleResult: { errors: [{ message: refusal.message, extensions: { code: refusal.extensions.code } }] },
            };
            response.http.status = (refusal.extensions.http as { status: number }).status;
          },
        };
      }
    },
  };
}
