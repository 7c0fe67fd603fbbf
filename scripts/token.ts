/**
 * Mints a development token signed with AUTH_JWT_SECRET (or the documented dev default).
 *   npm run token -- citizen --iin 900101300027
 *   npm run token -- official --official-id <id>      (clerk likewise)
 *   npm run token -- agency | admin   [--sub name] [--expires 12h]
 */
import { ROLES, TokenService, type Role } from '../platform/auth';
import { ConfigError, loadConfig } from '../platform/config';
import { iinProblem } from '../contracts/iin';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main() {
  const args = process.argv.slice(2);
  const role = args[0] as Role;
  if (!ROLES.includes(role)) {
    console.error(`usage: npm run token -- <${ROLES.join('|')}> [--iin IIN] [--official-id ID] [--sub SUB] [--expires 12h]`);
    process.exit(2);
  }
  const config = loadConfig();
  const iin = flag(args, 'iin');
  const officialId = flag(args, 'official-id');
  if (role === 'citizen' && !iin) throw new Error('a citizen token needs --iin');
  if (iin && iinProblem(iin)) throw new Error(`--iin ${iin} is not a valid IIN (${iinProblem(iin)}): the services would refuse the token`);
  if ((role === 'clerk' || role === 'official') && !officialId) throw new Error(`a ${role} token needs --official-id`);
  const sub = flag(args, 'sub') ?? iin ?? officialId ?? role;
  const token = await new TokenService(config.auth.jwtSecret, config.auth.maxTokenTtlSeconds).mint({ sub, role, iin, officialId }, flag(args, 'expires') ?? '12h');
  console.log(token);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : (err as Error).message);
  process.exit(1);
});
