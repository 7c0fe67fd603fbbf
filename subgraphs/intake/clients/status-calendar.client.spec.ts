import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { StatusCalendarClient } from './status-calendar.client';

/** A loopback address nobody listens on any more: the call is refused, as when status is down. */
async function deadUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/graphql`;
}

describe('status calendar client (filing term, APPC Art. 92)', () => {
  it('APPC Art. 92: when status does not answer, the filing deadline is moved off weekends only, and the fallback is logged', async () => {
    const warnings: unknown[] = [];
    const client = new StatusCalendarClient(await deadUrl().then((u) => () => u), async () => 'token', {
      warn: ((...args: unknown[]) => warnings.push(args)) as never,
    });
    expect(await client.workingDayOnOrAfter('2025-11-01')).toBe('2025-11-03'); // Saturday → Monday
    expect(await client.workingDayOnOrAfter('2025-11-04')).toBe('2025-11-04');
    expect(warnings).toHaveLength(2);
  });
});
