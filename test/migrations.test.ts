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
});
