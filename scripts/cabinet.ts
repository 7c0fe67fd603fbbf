/**
 * A terminal cabinet: prints every status mark of the citizen's complaints as it arrives.
 *   TOKEN=$(npm run -s token -- citizen --iin 900101300027) npm run cabinet [-- --complaint <id>] [--after <cursor>]
 * GATEWAY_URL defaults to http://127.0.0.1:4000/graphql. Keep the last cursor it prints to resume with --after.
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
const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
console.log(`Listening on ${url} …`);
client.subscribe(
  {
    query: `subscription($complaintId: ID, $after: String) {
      statusMarkAdded(complaintId: $complaintId, after: $after) {
        kind at result note cursor complaint { number handler { surname name position } } } }`,
    variables: { complaintId: flag('complaint') ?? null, after: flag('after') ?? null },
  },
  {
    next: (r) => console.log(JSON.stringify(r.errors ?? r.data?.statusMarkAdded)),
    error: (e) => {
      console.error('The subscription ended with an error:', e);
      process.exit(1);
    },
    complete: () => process.exit(0),
  },
);
