import { loadConfig } from '../platform/config';
import { dropMysqlDatabase, openDatabase } from '../platform/database';
import { directoryDatabase } from '../subgraphs/directory';
import { intakeDatabase } from '../subgraphs/intake';
import { statusDatabase } from '../subgraphs/status';

const mysqlUrl = process.env.DATABASE_URL;
const onMysql = mysqlUrl ? describe : describe.skip;

onMysql('MySQL migrations', () => {
  it.each([intakeDatabase, directoryDatabase, statusDatabase])('bring $service to exactly its entities', async (def) => {
    const url = new URL(mysqlUrl!);
    url.pathname = `/shagym_mig${process.pid}`;
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url.toString() });
    const ds = await openDatabase(config, def);
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
      await dropMysqlDatabase(url.toString(), def.service);
    }
  });

  it.each([intakeDatabase, directoryDatabase, statusDatabase])(
    'let four $service instances start together on a fresh database: one migrates, the others wait',
    async (def) => {
      const url = new URL(mysqlUrl!);
      url.pathname = `/shagym_race${process.pid}`;
      const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url.toString() });
      const opened = await Promise.allSettled([1, 2, 3, 4].map(() => openDatabase(config, def)));
      try {
        expect(opened.filter((o) => o.status === 'rejected')).toEqual([]);
        const ds = (opened[0] as PromiseFulfilledResult<import('typeorm').DataSource>).value;
        const applied = (await ds.query('SELECT name FROM migrations')) as { name: string }[];
        expect(new Set(applied.map((m) => m.name)).size).toBe(applied.length);
        expect(applied.length).toBeGreaterThan(0);
      } finally {
        for (const o of opened) if (o.status === 'fulfilled') await o.value.destroy();
        await dropMysqlDatabase(url.toString(), def.service);
      }
    },
  );
});
