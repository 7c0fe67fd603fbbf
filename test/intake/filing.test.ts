import { randomUUID } from 'node:crypto';
import { Channel } from '../../contracts/enums';
import { ComplaintRecord } from '../../subgraphs/intake/complaints/complaint.entity';
import {
  ACCEPT_OFFICE_COMPLAINT,
  FILE_COMPLAINT,
  citizen,
  complaintInput,
  intakeRowCounts,
  officeComplaintInput,
  providerWithStaff,
} from '../factories/complaint.factory';
import { createOfficial } from '../factories/directory.factory';
import { validIin } from '../factories/iin';
import { startTestSystem, type TestSystem } from '../support/harness';

describe('filing on both channels', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());
  const complaints = () => t.system.subgraphs.intake.db.getRepository(ComplaintRecord);

  it('stores every element of a portal complaint, with the handler chosen by jurisdiction', async () => {
    const { provider, head } = await providerWithStaff(t);
    const { iin, token } = await citizen(t);
    const r = await t.query(FILE_COMPLAINT, { input: complaintInput(provider.id) }, token);
    expect(r.errors).toBeUndefined();
    const c = r.data.fileComplaint;
    expect(c).toMatchObject({
      channel: 'PORTAL',
      addressee: 'SERVICE_PROVIDER_HEAD',
      applicant: { iin, surname: 'Ахметова', name: 'Дина', patronymic: 'Маратқызы', phones: ['+77011234567'] },
      respondents: [{ position: 'ЦОН маманы / специалист ЦОН', surname: 'Серіков', name: 'Нұржан' }],
      serviceProvider: { id: provider.id },
      handler: { id: head.id },
      talon: null,
    });
    expect(c.number).toMatch(/^Ш-\d{8}-[0-9A-Z]{6}$/);
    expect(c.submittedAt).toMatch(/\+05:00$/);
    const stored = await complaints().findOneByOrFail({ id: c.id });
    expect(stored.signature).toBe('ЭЦП: MIIB...test');
    expect(stored.handlerId).toBe(head.id);
    expect(stored.filedOn).toBe(c.filedOn);
  });

  it('issues a talon on the office channel: its own number, the time, and the accepting clerk', async () => {
    const { provider, clerk, clerkToken } = await providerWithStaff(t);
    const applicantIin = validIin();
    const r = await t.query(ACCEPT_OFFICE_COMPLAINT, { input: officeComplaintInput(provider.id, applicantIin) }, clerkToken);
    expect(r.errors).toBeUndefined();
    const c = r.data.acceptOfficeComplaint;
    expect(c.channel).toBe(Channel.OFFICE);
    expect(c.applicant.iin).toBe(applicantIin);
    expect(c.talon.acceptedBy).toEqual({ id: clerk.id });
    expect(c.talon.number).toMatch(/^Т-\d{8}-[0-9A-Z]{6}$/);
    expect(c.talon.number).not.toBe(c.number);
    expect(c.talon.issuedAt).toBe(c.submittedAt);
    const stored = await complaints().findOneByOrFail({ id: c.id });
    expect(stored.acceptedById).toBe(clerk.id);
    expect(stored.signature).toBe('signed on paper');
  });

  it("refuses a clerk accepting for another provider's office, storing nothing", async () => {
    const ours = await providerWithStaff(t);
    const theirs = await providerWithStaff(t);
    const before = await intakeRowCounts(t.system.subgraphs.intake.db);
    const r = await t.query(ACCEPT_OFFICE_COMPLAINT, { input: officeComplaintInput(theirs.provider.id, validIin()) }, ours.clerkToken);
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await intakeRowCounts(t.system.subgraphs.intake.db)).toEqual(before);
  });

  it('gives each complaint a unique number', async () => {
    const { provider } = await providerWithStaff(t);
    const { token } = await citizen(t);
    const numbers = await Promise.all(
      Array.from({ length: 10 }, async () => (await t.query(FILE_COMPLAINT, { input: complaintInput(provider.id) }, token)).data.fileComplaint.number),
    );
    expect(new Set(numbers).size).toBe(10);
  });
});

describe('idempotency', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t?.stop());
  const rowsWithKey = (key: string) => t.system.subgraphs.intake.db.getRepository(ComplaintRecord).countBy({ idempotencyKey: key });

  it('returns one complaint for 10 concurrent portal retries with the same key', async () => {
    const { provider } = await providerWithStaff(t);
    const { token } = await citizen(t);
    const key = randomUUID();
    const input = complaintInput(provider.id, { idempotencyKey: key });
    const results = await Promise.all(Array.from({ length: 10 }, () => t.query(FILE_COMPLAINT, { input }, token)));
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(new Set(results.map((r) => r.data.fileComplaint.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.data.fileComplaint.number)).size).toBe(1);
    expect(await rowsWithKey(key)).toBe(1);
    const outbox = await t.system.subgraphs.intake.db.query('SELECT payload FROM outbox_message');
    const events = outbox.filter((m: { payload: string }) => JSON.parse(m.payload).complaintId === results[0].data.fileComplaint.id);
    expect(events).toHaveLength(1);
  });

  it('returns one complaint for 10 concurrent office retries by the same clerk', async () => {
    const { provider, clerkToken } = await providerWithStaff(t);
    const key = randomUUID();
    const input = officeComplaintInput(provider.id, validIin(), { idempotencyKey: key });
    const results = await Promise.all(Array.from({ length: 10 }, () => t.query(ACCEPT_OFFICE_COMPLAINT, { input }, clerkToken)));
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(new Set(results.map((r) => r.data.acceptOfficeComplaint.talon.number)).size).toBe(1);
    expect(await rowsWithKey(key)).toBe(1);
  });

  it('keeps keys apart per filer: two citizens, or two clerks, with the same key file two complaints', async () => {
    const { provider, clerkToken } = await providerWithStaff(t);
    const key = randomUUID();
    for (const { token } of [await citizen(t), await citizen(t)]) {
      const r = await t.query(FILE_COMPLAINT, { input: complaintInput(provider.id, { idempotencyKey: key }) }, token);
      expect(r.errors).toBeUndefined();
    }
    expect(await rowsWithKey(key)).toBe(2);

    const secondClerk = await createOfficial(t.system.subgraphs.directory.db, { serviceProviderId: provider.id });
    const officeKey = randomUUID();
    const input = officeComplaintInput(provider.id, validIin(), { idempotencyKey: officeKey });
    for (const token of [clerkToken, await t.token('clerk', { officialId: secondClerk.id })]) {
      const r = await t.query(ACCEPT_OFFICE_COMPLAINT, { input }, token);
      expect(r.errors).toBeUndefined();
    }
    expect(await rowsWithKey(officeKey)).toBe(2);
  });

  it('answers CONFLICT when a key is reused for different content, storing nothing new', async () => {
    const { provider } = await providerWithStaff(t);
    const { token } = await citizen(t);
    const key = randomUUID();
    const first = await t.query(FILE_COMPLAINT, { input: complaintInput(provider.id, { idempotencyKey: key }) }, token);
    expect(first.errors).toBeUndefined();
    const second = await t.query(FILE_COMPLAINT, { input: complaintInput(provider.id, { idempotencyKey: key, demands: 'Другое требование' }) }, token);
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', complaintId: first.data.fileComplaint.id });
    expect(await rowsWithKey(key)).toBe(1);
  });
});
