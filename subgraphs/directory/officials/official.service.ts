import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../../platform/database';
import { BadUserInput, Conflict, NotFound } from '../../../platform/errors';
import { AdministrativeUnit } from '../administrative-units/administrative-unit.type';
import { conflictOnDuplicate, optionalText, requiredText, validId, validKato } from '../validation/directory.validation';
import type { CreateOfficialInput, OfficialPersonInput, UpdateOfficialInput } from './official.inputs';
import { Official } from './official.type';
import { ServiceProvider } from '../service-providers/service-provider.type';

/** The person fields of an official, validated. */
export function officialPerson(input: OfficialPersonInput, path: string) {
  return {
    surname: requiredText(input.surname, `${path}.surname`, 100),
    name: requiredText(input.name, `${path}.name`, 100),
    patronymic: optionalText(input.patronymic, `${path}.patronymic`, 100),
    position: requiredText(input.position, `${path}.position`, 200),
  };
}

/** Administration of officials (role admin; the resolver checks it). */
export class OfficialService {
  constructor(private readonly db: DataSource) {}

  async create(input: CreateOfficialInput): Promise<Official> {
    const person = officialPerson(input, 'input');
    const id = input.id ? validId(input.id, 'input.id') : randomUUID();
    const katoCode = input.katoCode ? validKato(input.katoCode, 'input.katoCode') : null;
    if (!input.serviceProviderId && !katoCode) {
      throw new BadUserInput('An official belongs to a service provider (serviceProviderId) or an akimat (katoCode)', 'input.serviceProviderId');
    }
    return conflictOnDuplicate(
      () =>
        inTransaction(this.db, async (em) => {
          if (await em.existsBy(Official, { id })) throw new Conflict(`An official with id ${id} already exists`, { field: 'input.id' });
          let unit = katoCode;
          if (input.serviceProviderId) {
            const provider = await em.findOneBy(ServiceProvider, { id: input.serviceProviderId });
            if (!provider) throw new NotFound('Service provider', input.serviceProviderId);
            unit = katoCode ?? provider.katoCode;
          }
          await requireUnit(em, unit!, 'input.katoCode');
          const official = em.create(Official, {
            id,
            ...person,
            serviceProviderId: input.serviceProviderId ?? null,
            katoCode: unit,
            active: true,
          });
          return em.save(official);
        }),
      `An official with id ${id} already exists`,
      { field: 'input.id' },
    );
  }

  async update(id: string, input: UpdateOfficialInput): Promise<Official> {
    const changes: Partial<Official> = {};
    if (input.surname != null) changes.surname = requiredText(input.surname, 'input.surname', 100);
    if (input.name != null) changes.name = requiredText(input.name, 'input.name', 100);
    if (input.patronymic !== undefined) changes.patronymic = optionalText(input.patronymic, 'input.patronymic', 100);
    if (input.position != null) changes.position = requiredText(input.position, 'input.position', 200);
    if (input.active != null) changes.active = input.active;
    return inTransaction(this.db, async (em) => {
      const official = await em.findOneBy(Official, { id });
      if (!official) throw new NotFound('Official', id);
      return em.save(Object.assign(official, changes));
    });
  }

  /** Kept for history (complaints point at them) but never chosen again. */
  deactivate(id: string): Promise<Official> {
    return this.update(id, { active: false });
  }
}

export async function requireUnit(em: EntityManager, katoCode: string, field: string): Promise<AdministrativeUnit> {
  const unit = await em.findOneBy(AdministrativeUnit, { katoCode });
  if (!unit) throw new BadUserInput(`No administrative unit ${katoCode} is on record`, field);
  return unit;
}
