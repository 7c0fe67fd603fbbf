import { randomUUID } from 'node:crypto';
import { ReviewBodyKind, Addressee, Channel } from '../../contracts/enums';
import { eventsUrl, type ComplaintFiledEvent } from '../../contracts/events';
import { createOfficial, createProvider } from '../factories/directory.factory';
import { validIin } from '../factories/iin';
import { postGraphQL, type TestSystem } from '../support/harness';

/** A ComplaintFiled event as intake's relay would send it; override any part. */
export function filedEvent(over: Partial<ComplaintFiledEvent> = {}): ComplaintFiledEvent {
  const complaintId = randomUUID();
  return {
    type: 'ComplaintFiled',
    eventId: randomUUID(),
    complaintId,
    number: `Ш-T-${complaintId.slice(0, 8)}`,
    channel: Channel.PORTAL,
    addressee: Addressee.SERVICE_PROVIDER_HEAD,
    applicantIin: validIin(),
    serviceProviderId: randomUUID(),
    katoCode: '710000000',
    handlerId: randomUUID(),
    handlerBodyId: null,
    reviewBodyKind: ReviewBodyKind.SERVICE_PROVIDER,
    submittedAt: new Date().toISOString(),
    filedOn: new Date().toISOString().slice(0, 10),
    ...over,
  };
}

export async function postEvents(t: TestSystem, events: ComplaintFiledEvent[], token?: string) {
  const res = await fetch(eventsUrl(t.system.subgraphs.status.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? (await t.token('service'))}` },
    body: JSON.stringify({ events }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/**
 * A provider with its head (the handler), a colleague of the same provider, an outsider of another provider,
 * and a complaint tracked by status (delivered through /internal/events), with tokens for each.
 */
export async function trackedComplaint(t: TestSystem, over: Partial<ComplaintFiledEvent> = {}) {
  const directory = t.system.subgraphs.directory.db;
  const { provider, head } = await createProvider(directory);
  const colleague = await createOfficial(directory, { serviceProviderId: provider.id, katoCode: provider.katoCode });
  const other = await createProvider(directory);
  const event = filedEvent({
    serviceProviderId: provider.id,
    handlerId: head.id,
    handlerBodyId: provider.id,
    ...over,
  });
  const posted = await postEvents(t, [event]);
  if (posted.status !== 200) throw new Error(`status refused the event: ${JSON.stringify(posted.body)}`);
  return {
    event,
    complaintId: event.complaintId,
    provider,
    head,
    colleague,
    outsider: other.head,
    tokens: {
      handler: await t.token('official', { officialId: head.id }),
      colleague: await t.token('official', { officialId: colleague.id }),
      outsider: await t.token('official', { officialId: other.head.id }),
      applicant: await t.token('citizen', { iin: event.applicantIin }),
      stranger: await t.token('citizen', { iin: validIin() }),
    },
  };
}

/** GraphQL straight to the status subgraph. */
export function statusQuery(t: TestSystem, query: string, variables: Record<string, unknown> = {}, token?: string) {
  return postGraphQL(t.system.subgraphs.status.url, query, variables, token);
}

export const MARK_FIELDS = 'id cursor kind at note result actor { id } assignee { id } dueOn';

export const COMPLAINT_STATUS = `
  query($id: ID!) {
    _entities(representations: [{ __typename: "Complaint", id: $id }]) {
      ... on Complaint {
        status registrationNumber registeredAt registeredOn reviewDueOn overdue appealDeadline
        nextStep { deadline legalBasis }
        statusMarks { ${MARK_FIELDS} }
      }
    }
  }`;

export async function complaintStatus(t: TestSystem, id: string, token: string) {
  const r = await statusQuery(t, COMPLAINT_STATUS, { id }, token);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data._entities[0];
}
