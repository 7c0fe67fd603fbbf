import { serviceTokenSource } from '../../platform/auth';
import type { DatabaseDefinition } from '../../platform/database';
import { eventsUrl, INTERNAL_EVENTS_PATH, type EventBatchResult, type ServiceEvent } from '../../contracts/events';
import { ComplaintFormerHolder } from './access/complaint-holder.entity';
import { intakeEventsRoute } from './internal-events.route';
import { directoryChangeFeed } from '../../platform/directory-change-feed';
import { buildFederatedSchema } from '../../platform/federated-schema';
import { postJson } from '../../platform/json-post';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { OutboxRelay } from '../../platform/outbox/outbox-relay';
import { ReadCache } from '../../platform/read-cache';
import type { SubgraphDefinition, SubgraphRuntime } from '../../platform/subgraph-server';
import { ComplaintRecord } from './complaint.entity';
import { intakeReferenceResolvers } from './complaint.reference';
import { ComplaintRepository } from './complaint.repository';
import { ComplaintResolver } from './complaint.resolver';
import { ContactCenterResolver } from './contact-center.resolver';
import { DirectoryClient } from './directory.client';
import { StatusCalendarClient } from './status-calendar.client';
import { createIntakeContext, type IntakeContext, type IntakeDeps } from './intake.context';
import { intakeMigrations } from './migrations';

export const intakeDatabase: DatabaseDefinition = {
  service: 'intake',
  entities: [ComplaintRecord, OutboxMessage, ComplaintFormerHolder],
  migrations: intakeMigrations,
};

export function buildIntakeSchema() {
  return buildFederatedSchema({ resolvers: [ComplaintResolver, ContactCenterResolver] }, intakeReferenceResolvers);
}

/** Intake's long-lived collaborators: the directory client and the outbox relay to status. */
function createIntakeDeps(rt: SubgraphRuntime, directoryAnswers: ReadCache): { deps: IntakeDeps; relay: OutboxRelay } {
  const token = serviceTokenSource(rt.tokens, 'intake');
  const relay = new OutboxRelay({
    db: rt.db,
    logger: rt.logger,
    send: async (events: ServiceEvent[]): Promise<EventBatchResult> => {
      const res = await postJson<EventBatchResult>(
        eventsUrl(rt.config.status.url),
        { events },
        { authorization: `Bearer ${await token()}` },
        { timeoutMs: 10_000, idempotent: true }, // status applies each event once
      );
      if (res.status !== 200) throw new Error(`status answered ${res.status}`);
      return res.body;
    },
  });
  const directory = new DirectoryClient(rt.config.directory.url, token, directoryAnswers);
  return {
    deps: {
      repository: new ComplaintRepository(rt.db),
      directory,
      workingDayOnOrAfter: new StatusCalendarClient(() => rt.config.status.url, token, rt.logger).workingDayOnOrAfter,
      onEventsQueued: () => relay.kick(), clock: rt.clock },
    relay,
  };
}

export function intakeSubgraph(): SubgraphDefinition<IntakeContext> {
  let deps: IntakeDeps;
  return {
    name: 'intake',
    database: intakeDatabase,
    buildSchema: buildIntakeSchema,
    context: (_rt, auth) => createIntakeContext(deps, auth),
    onStart: async (rt) => {
      const directoryAnswers = new ReadCache({ ttlMs: rt.config.directoryCache.ttlMs });
      const feed = directoryChangeFeed(rt.config);
      const unsubscribe = await feed.subscribe(() => directoryAnswers.invalidate());
      const created = createIntakeDeps(rt, directoryAnswers);
      deps = created.deps;
      created.relay.start();
      return {
        routes: { [`POST ${INTERNAL_EVENTS_PATH}`]: intakeEventsRoute(deps.repository, rt.tokens) },
        stop: async () => {
          await created.relay.stop();
          await unsubscribe();
          await feed.close();
        },
      };
    },
  };
}
