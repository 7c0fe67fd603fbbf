import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONFIG_KEYS, loadConfig } from '../../platform/config';
import { registry } from '../../platform/metrics';
import { SUBGRAPHS } from '../../subgraphs';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

interface ComposeService {
  build?: unknown;
  image?: string;
  command?: string[];
  environment?: Record<string, unknown>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, unknown>;
  volumes?: string[];
  ports?: string[];
}

/** docker-compose.yml checked against the project: no Docker engine runs here, so this is what can be checked. */
describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, ComposeService> };
  const services = compose.services;
  const ours = Object.entries(services).filter(([, s]) => s.build !== undefined);
  const defaults = loadConfig({});
  const portOf = (name: string) => (name === 'gateway' ? defaults.gateway.port : defaults[name as 'intake' | 'directory' | 'status'].port);

  it('runs the whole system: the four services, MySQL, Redis, Prometheus, Grafana and a trace collector', () => {
    expect(Object.keys(services).sort()).toEqual(
      expect.arrayContaining(['directory', 'gateway', 'grafana', 'intake', 'jaeger', 'mysql', 'prometheus', 'redis', 'status']),
    );
    expect(ours.map(([name]) => name).sort()).toEqual(['directory', 'gateway', 'intake', 'status']);
  });

  it("starts each service with the compiled start script the Dockerfile builds, naming a service that exists", () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toMatch(/COPY --from=build \/app\/dist \.\/dist/);
    expect(dockerfile).toMatch(/^USER node$/m);
    const build = JSON.parse(read('tsconfig.build.json')) as { include: string[] };
    const known = [...SUBGRAPHS.map((s) => s.name), 'gateway'];
    for (const [name, s] of ours) {
      const [node, script, which] = s.command!;
      expect({ name, node }).toEqual({ name, node: 'node' });
      const source = script.replace(/^dist\//, '').replace(/\.js$/, '.ts');
      expect(fs.existsSync(path.join(root, source))).toBe(true);
      expect(build.include).toContain(source);
      expect(known).toContain(which);
      expect(which).toBe(name);
    }
  });

  it('sets only environment variables that platform/config.ts reads, and each service its own OTEL_SERVICE_NAME', () => {
    for (const [name, s] of ours) {
      const unknown = Object.keys(s.environment ?? {}).filter((k) => !CONFIG_KEYS.includes(k));
      expect({ name, unknown }).toEqual({ name, unknown: [] });
      expect(s.environment?.OTEL_SERVICE_NAME).toBe(`shagym-${name}`);
      expect(s.environment?.NODE_ENV).toBe('production');
    }
  });

  it("health-checks each service on its own port's /health, and every other service somehow", () => {
    for (const [name, s] of Object.entries(services)) {
      expect({ name, healthcheck: Array.isArray(s.healthcheck?.test) }).toEqual({ name, healthcheck: true });
    }
    for (const [name, s] of ours) {
      expect(s.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${portOf(name)}/health`);
    }
  });

  it('depends only on services it defines, and mounts only files that exist', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const dep of Object.keys(s.depends_on ?? {})) expect({ name, dep, defined: dep in services }).toEqual({ name, dep, defined: true });
      for (const volume of s.volumes ?? []) {
        const source = volume.split(':')[0];
        if (source.startsWith('./')) expect({ volume, exists: fs.existsSync(path.join(root, source)) }).toEqual({ volume, exists: true });
      }
    }
  });

  it('has Prometheus scrape every service on its port, and Grafana chart only metrics the services export', async () => {
    const prometheus = parse(read('docker/prometheus.yml')) as { scrape_configs: { metrics_path: string; static_configs: { targets: string[] }[] }[] };
    const targets = prometheus.scrape_configs.flatMap((c) => c.static_configs.flatMap((sc) => sc.targets)).sort();
    expect(targets).toEqual(ours.map(([name]) => `${name}:${portOf(name)}`).sort());
    expect(prometheus.scrape_configs.every((c) => c.metrics_path === '/metrics')).toBe(true);

    const dashboard = JSON.parse(read('docker/grafana/dashboards/shagym.json')) as { panels: { targets: { expr: string }[] }[] };
    const exported = new Set((await registry.getMetricsAsJSON()).map((m) => m.name));
    const used = dashboard.panels.flatMap((p) => p.targets.flatMap((t) => t.expr.match(/\b(shagym|process)_[a-z_]+/g) ?? []));
    expect(used.length).toBeGreaterThan(10);
    const missing = used.filter((m) => !exported.has(m.replace(/_(bucket|sum|count)$/, '')));
    expect(missing).toEqual([]);
  });
});
