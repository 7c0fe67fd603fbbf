import { INTERNAL_EVENTS_PATH } from '../../contracts/events';
import { serviceTokenSource } from '../../platform/auth';
import type { DatabaseDefinition } from '../../platform/database';
import { directoryChangeFeed } from '../../platform/directory-change-feed';
import { buildFederatedSchema } from '../../platform/federated-schema';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import type { OutboxRelay } from '../../platform/outbox/outbox-relay';
import { ReadCache } from '../../platform/read-cache';
import type { SubgraphDefinition, SubgraphRuntime } from '../../platform/subgraph-server';
import { ComplaintFormerHolder } from './access';
import { DirectoryClient, StatusCalendarClient } from './clients';
import { ComplaintRecord, ComplaintRepository, ComplaintResolver, intakeReferenceResolvers } from './complaints';
import { ContactCenterResolver } from './contact-center';
import { intakeEventsRoute, StatusChangesRepository, statusRelay } from './events';
import { FilingRepository, FilingResolver } from './filing';
import { createIntakeContext, type IntakeContext, type IntakeDeps } from './intake.context';
import { intakeMigrations } from './migrations';

export const intakeDatabase: DatabaseDefinition = {
  service: 'intake',
  entities: [ComplaintRecord, OutboxMessage, ComplaintFormerHolder],
  migrations: intakeMigrations,
};

export function buildIntakeSchema() {
  return buildFederatedSchema({ resolvers: [ComplaintResolver, FilingResolver, ContactCenterResolver] }, intakeReferenceResolvers);
}

/** Intake's long-lived collaborators: repositories, the directory and calendar clients, the outbox relay to status. */
function createIntakeDeps(rt: SubgraphRuntime, directoryAnswers: ReadCache): { deps: IntakeDeps; relay: OutboxRelay } {
  const token = serviceTokenSource(rt.tokens, 'intake');
  const relay = statusRelay({ db: rt.db, logger: rt.logger, statusUrl: () => rt.config.status.url, serviceToken: token });
  return {
    deps: {
      complaints: new ComplaintRepository(rt.db),
      filings: new FilingRepository(rt.db),
      directory: new DirectoryClient(rt.config.directory.url, token, directoryAnswers),
      workingDayOnOrAfter: new StatusCalendarClient(() => rt.config.status.url, token, rt.logger).workingDayOnOrAfter,
      onEventsQueued: () => relay.kick(),
      clock: rt.clock,
    },
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
        routes: { [`POST ${INTERNAL_EVENTS_PATH}`]: intakeEventsRoute(new StatusChangesRepository(rt.db), rt.tokens) },
        stop: async () => {
          await created.relay.stop();
          await unsubscribe();
          await feed.close();
        },
      };
    },
  };
}
