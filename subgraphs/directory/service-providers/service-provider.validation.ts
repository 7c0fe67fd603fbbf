import { randomUUID } from 'node:crypto';
import { invalid, Problems, requiredText, valid, type RuleResult } from '../../../platform/validation';
import type { OfficialRecord } from '../officials/official.entity';
import { officialPerson, type OfficialPerson } from '../officials/official.validation';
import { bin } from '../validation/bin.rule';
import { katoCode } from '../validation/kato.rule';
import { uuid } from '../validation/uuid.rule';
import { ServiceProviderKind } from './service-provider-kind';
import type { ServiceProviderRecord } from './service-provider.entity';
import type { CreateServiceProviderInput, UpdateServiceProviderInput } from './service-provider.inputs';

export interface NewServiceProvider {
  id: string;
  bin: string;
  nameKk: string;
  nameRu: string;
  katoCode: string;
  kind: ServiceProviderKind;
  head: OfficialPerson;
}

/** A new provider with its head, checked; BAD_USER_INPUT naming the first wrong field. */
export function validateNewProvider(input: CreateServiceProviderInput): NewServiceProvider {
  const p = new Problems();
  const provider: NewServiceProvider = {
    id: input.id ? p.check('input.id', uuid(input.id, 'input.id'), '') : randomUUID(),
    bin: p.check('input.bin', bin(input.bin), ''),
    nameKk: p.check('input.nameKk', requiredText(input.nameKk, 'input.nameKk', 300), ''),
    nameRu: p.check('input.nameRu', requiredText(input.nameRu, 'input.nameRu', 300), ''),
    katoCode: p.check('input.katoCode', katoCode(input.katoCode), ''),
    kind: input.kind ?? ServiceProviderKind.SERVICE_PROVIDER,
    head: officialPerson(p, input.head, 'input.head'),
  };
  p.assertNone();
  return provider;
}

/** The changes asked of a provider, checked (the head is checked against the database). */
export function validateProviderChanges(input: UpdateServiceProviderInput): Partial<ServiceProviderRecord> {
  const p = new Problems();
  const changes: Partial<ServiceProviderRecord> = {};
  if (input.bin != null) changes.bin = p.check('input.bin', bin(input.bin), '');
  if (input.nameKk != null) changes.nameKk = p.check('input.nameKk', requiredText(input.nameKk, 'input.nameKk', 300), '');
  if (input.nameRu != null) changes.nameRu = p.check('input.nameRu', requiredText(input.nameRu, 'input.nameRu', 300), '');
  if (input.katoCode != null) changes.katoCode = p.check('input.katoCode', katoCode(input.katoCode), '');
  if (input.kind != null) changes.kind = input.kind;
  if (input.active != null) changes.active = input.active;
  p.assertNone();
  return changes;
}

/** A provider's head is one of its own active officials. */
export function headOfProvider(official: OfficialRecord | null, providerId: string): RuleResult<OfficialRecord> {
  return official && official.serviceProviderId === providerId && official.active
    ? valid(official)
    : invalid('The head must be an active official of this service provider');
}
