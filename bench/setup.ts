import { TokenService } from '../platform/auth';
import { DEV_JWT_SECRET } from '../platform/config';
import { validBin } from './fixtures';
import { postGraphQL } from './graphql';

export const benchTokens = new TokenService(DEV_JWT_SECRET);

export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** A unit and a provider with its head, created through the gateway's admin mutations. */
export async function benchProvider(gatewayUrl: string): Promise<{ id: string; headId: string }> {
  const admin = await benchTokens.mint({ sub: 'bench', role: 'admin' });
  const unit = await postGraphQL(
    gatewayUrl,
    `mutation { createAdministrativeUnit(input: { katoCode: "710000000", nameKk: "Астана", nameRu: "Астана" }) { katoCode } }`,
    {},
    admin,
  );
  if (unit.errors) throw new Error(JSON.stringify(unit.errors));
  const created = await postGraphQL(
    gatewayUrl,
    `mutation($i: CreateServiceProviderInput!) { createServiceProvider(input: $i) { id head { id } } }`,
    {
      i: {
        bin: validBin(),
        nameKk: 'ЦОН',
        nameRu: 'ЦОН',
        katoCode: '710000000',
        head: { surname: 'Басшы', name: 'Ерлан', position: 'директор' },
      },
    },
    admin,
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  return { id: created.data.createServiceProvider.id, headId: created.data.createServiceProvider.head.id };
}

export function machine() {
  const os = require('node:os') as typeof import('node:os');
  return { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
}
