import { randomUUID } from 'node:crypto';
import { Not, type DataSource } from 'typeorm';
import { inTransaction } from '../../../platform/database';
import { BadUserInput, Conflict, NotFound } from '../../../platform/errors';
import { conflictOnDuplicate, requiredText, validBin, validId, validKato } from '../validation/directory.validation';
import { Official } from '../officials/official.type';
import { officialPerson, requireUnit } from '../officials/official.service';
import type { CreateServiceProviderInput, UpdateServiceProviderInput } from './service-provider.inputs';
import { ServiceProviderKind } from './service-provider-kind';
import { ServiceProvider } from './service-provider.type';

/** Administration of service providers (role admin; the resolver checks it). */
export class ServiceProviderService {
  constructor(private readonly db: DataSource) {}

  async create(input: CreateServiceProviderInput): Promise<ServiceProvider> {
    const id = input.id ? validId(input.id, 'input.id') : randomUUID();
    const bin = validBin(input.bin, 'input.bin');
    const nameKk = requiredText(input.nameKk, 'input.nameKk', 300);
    const nameRu = requiredText(input.nameRu, 'input.nameRu', 300);
    const katoCode = validKato(input.katoCode, 'input.katoCode');
    const head = officialPerson(input.head, 'input.head');
    return conflictOnDuplicate(
      () =>
        inTransaction(this.db, async (em) => {
          if (await em.existsBy(ServiceProvider, { bin })) {
            throw new Conflict(`A service provider with BIN ${bin} already exists`, { field: 'input.bin' });
          }
          if (await em.existsBy(ServiceProvider, { id })) {
            throw new Conflict(`A service provider with id ${id} already exists`, { field: 'input.id' });
          }
          await requireUnit(em, katoCode, 'input.katoCode');
          const headOfficial = await em.save(
            em.create(Official, { id: randomUUID(), ...head, serviceProviderId: id, katoCode, active: true }),
          );
          return em.save(
            em.create(ServiceProvider, {
              id,
              bin,
              nameKk,
              nameRu,
              katoCode,
              kind: input.kind ?? ServiceProviderKind.SERVICE_PROVIDER,
              headOfficialId: headOfficial.id,
              active: true,
            }),
          );
        }),
      `A service provider with BIN ${bin} or id ${id} already exists`,
      { field: 'input.bin' },
    );
  }

  async update(id: string, input: UpdateServiceProviderInput): Promise<ServiceProvider> {
    const changes: Partial<ServiceProvider> = {};
    if (input.bin != null) changes.bin = validBin(input.bin, 'input.bin');
    if (input.nameKk != null) changes.nameKk = requiredText(input.nameKk, 'input.nameKk', 300);
    if (input.nameRu != null) changes.nameRu = requiredText(input.nameRu, 'input.nameRu', 300);
    if (input.katoCode != null) changes.katoCode = validKato(input.katoCode, 'input.katoCode');
    if (input.kind != null) changes.kind = input.kind;
    if (input.active != null) changes.active = input.active;
    return conflictOnDuplicate(
      () =>
        inTransaction(this.db, async (em) => {
          const provider = await em.findOneBy(ServiceProvider, { id });
          if (!provider) throw new NotFound('Service provider', id);
          if (changes.bin && (await em.existsBy(ServiceProvider, { bin: changes.bin, id: Not(id) }))) {
            throw new Conflict(`A service provider with BIN ${changes.bin} already exists`, { field: 'input.bin' });
          }
          if (changes.katoCode) await requireUnit(em, changes.katoCode, 'input.katoCode');
          if (input.headOfficialId != null) {
            const head = await em.findOneBy(Official, { id: input.headOfficialId });
            if (!head || head.serviceProviderId !== id || !head.active) {
              throw new BadUserInput('The head must be an active official of this service provider', 'input.headOfficialId');
            }
            changes.headOfficialId = head.id;
          }
          return em.save(Object.assign(provider, changes));
        }),
      `A service provider with BIN ${changes.bin} already exists`,
      { field: 'input.bin' },
    );
  }

  /** No longer listed or chosen; complaints already filed keep pointing at it. */
  deactivate(id: string): Promise<ServiceProvider> {
    return this.update(id, { active: false });
  }
}
