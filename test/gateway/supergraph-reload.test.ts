import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGateway, SUPERGRAPH_FILE, type RunningGateway } from '../../gateway';
import { eventually, postGraphQL, startTestSystem, type TestSystem } from '../support/harness';
import { collect, wsClient } from '../support/ws-client';

describe('gateway: a new supergraph file is served without a restart', () => {
  let t: TestSystem;
  let gateway: RunningGateway;
  let file: string;

  beforeAll(async () => {
    t = await startTestSystem();
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'supergraph-')), 'supergraph.graphql');
    fs.copyFileSync(SUPERGRAPH_FILE, file);
    const { intake, directory, status } = t.system.subgraphs;
    gateway = await startGateway(
      { ...t.config, gateway: { port: 0 } },
      { supergraphFile: file, subgraphUrls: { intake: intake.url, directory: directory.url, status: status.url } },
    );
  });
  afterAll(async () => {
    await gateway?.stop();
    await t?.stop();
  });

  it('reloads both the HTTP planner and the WebSocket planner', async () => {
    const query = `{ isWorkingDay(date: "2025-10-27") }`;
    expect((await postGraphQL(gateway.url, query)).data).toEqual({ isWorkingDay: false });

    const without = fs.readFileSync(file, 'utf8').replace(/^\s*"""Whether `date` is a working day.*\n\s*isWorkingDay\(.*\n/m, '\n');
    expect(without).not.toContain('isWorkingDay(');
    fs.writeFileSync(file, without);

    await eventually(async () => {
      const r = await postGraphQL(gateway.url, query);
      expect(r.errors?.[0].message).toMatch(/Cannot query field "isWorkingDay"/);
    });
    const client = wsClient(gateway.url);
    try {
      const op = collect(client, query);
      await op.ended();
      expect(JSON.stringify(op.error)).toMatch(/Cannot query field/);
    } finally {
      await client.dispose();
    }
    expect((await postGraphQL(gateway.url, `{ addWorkingDays(from: "2025-10-24", days: 1) }`)).data).toEqual({
      addWorkingDays: '2025-10-28',
    });
  });
});
