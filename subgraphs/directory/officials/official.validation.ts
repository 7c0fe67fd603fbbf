import { randomUUID } from 'node:crypto';
import { optionalText, Problems, requiredText } from '../../../platform/validation';
import { katoCode } from '../validation/kato.rule';
import { uuid } from '../validation/uuid.rule';
import type { OfficialRecord } from './official.entity';
import type { CreateOfficialInput, OfficialPersonInput, UpdateOfficialInput } from './official.inputs';

export interface OfficialPerson {
  surname: string;
  name: string;
  patronymic: string | null;
  position: string;
}

/** The person fields of an official (also a provider's head), checked into `p` under `path`. */
export function officialPerson(p: Problems, input: OfficialPersonInput, path: string): OfficialPerson {
  const text = (field: string, value: string, max: number) => p.check(`${path}.${field}`, requiredText(value, `${path}.${field}`, max), '');
  return {
    surname: text('surname', input.surname, 100),
    name: text('name', input.name, 100),
    patronymic: p.check(`${path}.patronymic`, optionalText(input.patronymic, `${path}.patronymic`, 100), null),
    position: text('position', input.position, 200),
  };
}

export interface NewOfficial extends OfficialPerson {
  id: string;
  serviceProviderId: string | null;
  /** The unit asked for; none means the provider's unit. */
  katoCode: string | null;
}

/** A new official, checked; BAD_USER_INPUT naming the first wrong field, `extensions.problems` listing all. */
export function validateNewOfficial(input: CreateOfficialInput): NewOfficial {
  const p = new Problems();
  const person = officialPerson(p, input, 'input');
  const id = input.id ? p.check('input.id', uuid(input.id, 'input.id'), '') : randomUUID();
  const unit = input.katoCode ? p.check('input.katoCode', katoCode(input.katoCode), null) : null;
  if (!input.serviceProviderId && !input.katoCode) {
    p.add('input.serviceProviderId', 'An official belongs to a service provider (serviceProviderId) or an akimat (katoCode)');
  }
  p.assertNone();
  return { id, ...person, serviceProviderId: input.serviceProviderId ?? null, katoCode: unit };
}

/** The changes asked of an official, checked; omitted fields are not in the result. */
export function validateOfficialChanges(input: UpdateOfficialInput): Partial<OfficialRecord> {
  const p = new Problems();
  const changes: Partial<OfficialRecord> = {};
  if (input.surname != null) changes.surname = p.check('input.surname', requiredText(input.surname, 'input.surname', 100), '');
  if (input.name != null) changes.name = p.check('input.name', requiredText(input.name, 'input.name', 100), '');
  if (input.patronymic !== undefined) {
    changes.patronymic = p.check('input.patronymic', optionalText(input.patronymic, 'input.patronymic', 100), null);
  }
  if (input.position != null) changes.position = p.check('input.position', requiredText(input.position, 'input.position', 200), '');
  if (input.active != null) changes.active = input.active;
  p.assertNone();
  return changes;
}
