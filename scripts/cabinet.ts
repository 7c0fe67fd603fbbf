/**
 * A terminal cabinet: prints every status mark of the citizen's complaints as it arrives.
 *   TOKEN=$(npm run -s token -- citizen --iin 900101300027) npm run cabinet [-- --complaint <id>] [--after <cursor>]
 * GATEWAY_URL defaults to http://127.0.0.1:4000/graphql. It never loses a mark: it asks where its stream starts,
 * keeps the last cursor and, when the link drops (gateway restart, network), resubscribes `after` it. Keep the last
 * cursor it prints to resume with --after after you stop it.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const token = process.env.TOKEN;
if (!token) {
  console.error('Set TOKEN to a citizen token: TOKEN=$(npm run -s token -- citizen --iin 900101300027) npm run cabinet');
  process.exit(2);
}
const url = (process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql').replace(/^http/, 'ws');
// No automatic retry: graphql-ws would resend the first subscribe as it was (the old `after`); we resubscribe
// ourselves from the last cursor instead.
const connect = () => createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
let client = connect();
const QUERY = `subscription($complaintId: ID, $after: String) {
  statusMarkAdded(complaintId: $complaintId, after: $after) {
    kind at result note cursor complaint { number handler { surname name position } } } }`;

/**
 * The cursor to resume after: `--after`, else the start the server pinned for us (`pinStart`: the first message
 * is `{ extensions: { startCursor } }`), then each mark's cursor. Resubscribing `after` it can never lose a mark.
 */
let last: string | null = flag('after') ?? null;
let failures = 0;
/** Codes after which resubscribing from `last` helps; anything else (FORBIDDEN, a bad token…) is final. */
const RETRYABLE = new Set(['SERVICE_UNAVAILABLE', 'SUBSCRIPTION_OVERFLOW']);

function resubscribe(): void {
  const delay = Math.min(30_000, 500 * 2 ** Math.min(failures++, 6));
  console.error(`# interrupted; resubscribing after ${last} in ${delay} ms`);
  void client.dispose();
  client = connect();
  setTimeout(subscribe, delay);
}

function subscribe(): void {
  let retry = false;
  client.subscribe<{ statusMarkAdded: { cursor: string } }>(
    { query: QUERY, variables: { complaintId: flag('complaint') ?? null, after: last }, extensions: { pinStart: true } },
    {
      next: (r) => {
        failures = 0;
        const startCursor = (r.extensions as { startCursor?: string } | undefined)?.startCursor;
        if (!r.data && startCursor) {
          last ??= startCursor;
          console.log(`# live from cursor ${last}`);
          return;
        }
        if (r.data) last = r.data.statusMarkAdded.cursor;
        if (r.errors) retry = r.errors.every((e) => RETRYABLE.has(e.extensions?.code as string));
        console.log(JSON.stringify(r.errors ?? r.data?.statusMarkAdded));
      },
      error: (e) => {
        const code = (Array.isArray(e) ? e[0]?.extensions?.code : undefined) as string | undefined;
        if (code && !RETRYABLE.has(code)) {
          console.error('The subscription was refused:', JSON.stringify(e));
          process.exit(1);
        }
        resubscribe(); // the socket closed (gateway restart, network) or a retryable error
      },
      complete: () => (retry ? resubscribe() : process.exit(0)),
    },
  );
}

console.log(`Listening on ${url} …`);
subscribe();
