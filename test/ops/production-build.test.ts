import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eventually } from '../support/harness';

const root = path.resolve(__dirname, '..', '..');

/** `n` distinct free ports: all are held open together, then released. */
async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise<net.Server>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

/** `npm run build`, then the compiled system started as `npm run start:prod` starts it, with no TypeScript loadable. */
describe('production build', () => {
  // Inside the project (under node_modules/.cache, ignored by git), so the compiled code resolves node_modules.
  fs.mkdirSync(path.join(root, 'node_modules', '.cache'), { recursive: true });
  const out = fs.mkdtempSync(path.join(root, 'node_modules', '.cache', 'shagym-dist-'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shagym-prod-'));
  let child: ChildProcess | undefined;
  let output = '';

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
    }
    fs.rmSync(out, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('compiles to JavaScript that serves /health, /metrics and GraphQL, and stops cleanly on SIGTERM', async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.js'), out], { cwd: root, stdio: 'pipe' });
    expect(fs.existsSync(path.join(out, 'scripts', 'start.js'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'schema', 'supergraph.graphql'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'subgraphs', 'directory', 'data', 'kato-regions.json'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'subgraphs', 'status', 'migrations', 'index.js'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies.typescript).toBeUndefined();

    const [gateway, intake, directory, status] = await freePorts(4);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
      HOST: '127.0.0.1',
      PORT: String(gateway),
      INTAKE_PORT: String(intake),
      DIRECTORY_PORT: String(directory),
      STATUS_PORT: String(status),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    };
    child = spawn(process.execPath, ['-r', path.join(__dirname, 'support', 'forbid-typescript.js'), path.join(out, 'scripts', 'start.js')], {
      cwd: dataDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));

    const base = `http://127.0.0.1:${gateway}`;
    const health = await eventually(async () => {
      if (child!.exitCode !== null) throw Object.assign(new Error(`exited: ${output}`), { fatal: true });
      const res = await fetch(`${base}/health`);
      if (res.status !== 200) throw new Error(`health ${res.status}`);
      return res.json();
    }, 45_000, 250);
    expect(health).toMatchObject({ status: 'ok', checks: { gateway: true, intake: true, directory: true, status: true } });

    const answer = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
    const metrics = await (await fetch(`http://127.0.0.1:${status}/metrics`)).text();
    expect(metrics).toContain('shagym_graphql_requests_total');

    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child!.once('exit', r));
    expect({ code, output: output.includes('production code tried') ? output : '' }).toEqual({ code: 0, output: '' });
  }, 120_000);
});
