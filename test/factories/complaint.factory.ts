import type { DataSource } from 'typeorm';
import { Addressee } from '../../contracts/enums';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { ComplaintRecord } from '../../subgraphs/intake/complaints/complaint.entity';
import type { TestSystem } from '../support/harness';
import { createOfficial, createProvider } from './directory.factory';
import { validIin } from './iin';

/** A complete, valid `FileComplaintInput` for a provider; override any part. */
export function complaintInput(serviceProviderId: string, over: Record<string, unknown> = {}) {
  return {
    addressee: Addressee.SERVICE_PROVIDER_HEAD,
    serviceProviderId,
    publicService: 'Адаптерлік мекенжай анықтамасы / Справка об адресной регистрации',
    applicant: {
      surname: 'Ахметова',
      name: 'Дина',
      patronymic: 'Маратқызы',
      postalAddress: 'Астана қ., Мәңгілік Ел д-лы, 8, 12 пәтер',
      phones: ['+77011234567'],
    },
    respondents: [{ position: 'ЦОН маманы / специалист ЦОН', surname: 'Серіков', name: 'Нұржан' }],
    reasons: 'Анықтама заңда белгіленген мерзімде берілмеді.',
    demands: 'Анықтаманы беруді және мерзімді бұзуды тексеруді талап етемін.',
    signature: 'ЭЦП: MIIB...test',
    ...over,
  };
}

/** A complete, valid `OfficeComplaintInput` (paper complaint accepted by a clerk). */
export function officeComplaintInput(serviceProviderId: string, applicantIin: string, over: Record<string, unknown> = {}) {
  const { signature: _portalOnly, ...common } = complaintInput(serviceProviderId);
  return { ...common, applicantIin, signedOnPaper: true, ...over };
}

export const FILE_COMPLAINT = /* GraphQL */ `
  mutation File($input: FileComplaintInput!) {
    fileComplaint(input: $input) {
      id number channel addressee filedOn submittedAt
      applicant { iin surname name patronymic postalAddress phones }
      respondents { position surname name }
      reasons demands publicService
      serviceProvider { id } administrativeUnit { katoCode } handler { id }
      talon { number issuedAt acceptedBy { id } }
    }
  }
`;

export const ACCEPT_OFFICE_COMPLAINT = /* GraphQL */ `
  mutation Accept($input: OfficeComplaintInput!) {
    acceptOfficeComplaint(input: $input) {
      id number channel filedOn submittedAt applicant { iin surname }
      handler { id } talon { number issuedAt acceptedBy { id } }
    }
  }
`;

/** A provider with its head and an office clerk, and tokens for the clerk and a fresh citizen. */
export async function providerWithStaff(t: TestSystem) {
  const db = t.system.subgraphs.directory.db;
  const { provider, head } = await createProvider(db);
  const clerk = await createOfficial(db, { serviceProviderId: provider.id, position: 'кеңсе маманы / специалист канцелярии' });
  return {
    provider,
    head,
    clerk,
    clerkToken: await t.token('clerk', { officialId: clerk.id }),
    headToken: await t.token('official', { officialId: head.id }),
  };
}

/** A citizen with a fresh IIN and their token. */
export async function citizen(t: TestSystem) {
  const iin = validIin();
  return { iin, token: await t.token('citizen', { iin }) };
}

/** Files a valid portal complaint and returns its id and number (fails the test on any error). */
export async function fileComplaint(t: TestSystem, token: string, serviceProviderId: string, over: Record<string, unknown> = {}) {
  const r = await t.query(FILE_COMPLAINT, { input: complaintInput(serviceProviderId, over) }, token);
  if (r.errors) throw new Error(`fileComplaint failed: ${JSON.stringify(r.errors)}`);
  return r.data.fileComplaint as { id: string; number: string; submittedAt: string };
}

/** Rows in intake's tables (a rejected input must leave both unchanged). */
export async function intakeRowCounts(db: DataSource) {
  return {
    complaints: await db.getRepository(ComplaintRecord).count(),
    outbox: await db.getRepository(OutboxMessage).count(),
  };
}
