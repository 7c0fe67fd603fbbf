import { randomUUID } from 'node:crypto';
import { serviceTokenSource } from '../../platform/auth';
import type { DatabaseDefinition } from '../../platform/database';
import { buildFederatedSchema } from '../../platform/federated-schema';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { directoryChangeFeed } from '../../platform/directory-change-feed';
import { createPubSub } from '../../platform/pubsub';
import { ReadCache } from '../../platform/read-cache';
import { subgraphLimitsOf } from '../../platform/query-limits';
import type { SubgraphDefinition, SubgraphRuntime } from '../../platform/subgraph-server';
import { INTERNAL_EVENTS_PATH } from '../../contracts/events';
// These two first, in this order: the printed SDL (schema/) lists types and root fields in the order their
// classes and resolvers register (calendar's Query and Mutation fields first, then Complaint before StatusMark).
import { CalendarEntryRecord, CalendarResolver, CalendarStore } from './calendar';
import { ComplaintStatus, ComplaintStatusResolver, StatusMarkResolver } from './timeline';
import { ComplaintStatisticsResolver } from './statistics';
import { FormerHolder } from './access';
import { StatusDirectoryClient } from './clients';
import { ComplaintNumbers, TrackedComplaint } from './complaints';
import { intakeEventsRelay, internalEventsRoute } from './events';
import { MarkDispatcher, MarkSubscriptionResolver, STATUS_MARK_CHANNEL } from './feed';
import { ApplicantMarkLock, MarkMutationResolver, StatusMark, StatusMarkRecord } from './marks';
import { statusMigrations } from './migrations';
import { createStatusContext, type StatusContext } from './status.context';
import type { StatusDeps } from './status.deps';
import { statusReferenceResolvers } from './status.reference';
import { attachStatusWebSocket } from './status-ws.server';

export const statusDatabase: DatabaseDefinition = {
  service: 'status',
  entities: [TrackedComplaint, StatusMarkRecord, ApplicantMarkLock, FormerHolder, OutboxMessage, CalendarEntryRecord],
  migrations: statusMigrations,
};

/** type-graphql insists on a pubSub when a schema has subscriptions; ours subscribe through the context. */
const UNUSED_PUBSUB = {
  publish: () => undefined,
  subscribe: () => {
    throw new Error('statusMarkAdded subscribes through MarkStreamingService');
  },
};

export function buildStatusSchema() {
  return buildFederatedSchema(
    {
      resolvers: [
        ComplaintStatusResolver,
        StatusMarkResolver,
        MarkMutationResolver,
        MarkSubscriptionResolver,
        CalendarResolver,
        ComplaintStatisticsResolver,
      ],
      orphanedTypes: [ComplaintStatus, StatusMark],
      pubSub: UNUSED_PUBSUB as never,
    },
    statusReferenceResolvers,
  );
}

function createStatusDeps(rt: SubgraphRuntime, directoryAnswers: ReadCache): StatusDeps {
  const pubsub = createPubSub(rt.config);
  return {
    db: rt.db,
    clock: rt.clock,
    pubsub,
    marks: new MarkDispatcher(pubsub, {
      db: rt.db,
      pollMs: rt.config.statusMarkPollMs,
      onError: (err) => rt.logger.warn({ err: (err as Error).message }, 'reading new marks failed; retrying at the next tick'),
    }),
    complaintNumbers: new ComplaintNumbers(rt.db),
    directory: new StatusDirectoryClient(rt.config.directory.url, serviceTokenSource(rt.tokens, 'status'), directoryAnswers),
    publish: (mark) => {
      pubsub.publish(STATUS_MARK_CHANNEL, mark).catch((err) => rt.logger.error({ err, markId: mark.id }, 'publish failed'));
    },
    calendar: new CalendarStore(rt.db, pubsub, randomUUID(), (err) => rt.logger.error({ err }, 'calendar reload failed')),
  };
}

export function statusSubgraph(): SubgraphDefinition<StatusContext> {
  let deps: StatusDeps;
  return {
    name: 'status',
    database: statusDatabase,
    buildSchema: buildStatusSchema,
    context: (_rt, auth) => createStatusContext(deps, auth),
    onStart: async (rt) => {
      const relay = intakeEventsRelay(rt);
      const directoryAnswers = new ReadCache({ ttlMs: rt.config.directoryCache.ttlMs });
      const directoryFeed = directoryChangeFeed(rt.config);
      const unsubscribeDirectory = await directoryFeed.subscribe(() => directoryAnswers.invalidate());
      deps = { ...createStatusDeps(rt, directoryAnswers), onEventsQueued: () => relay.kick() };
      await deps.calendar.start();
      relay.start();
      return {
        routes: { [`POST ${INTERNAL_EVENTS_PATH}`]: internalEventsRoute(rt.db, rt.tokens, deps.publish, deps.onEventsQueued) },
        // Without Redis, marks still reach every stream through the database poll: degraded, not down.
        ...(rt.config.redisUrl ? { softHealth: () => ({ redis: deps.pubsub.connected?.() ?? true }) } : {}),
        stop: async () => {
          deps.marks.close();
          await relay.stop();
          await deps.calendar.stop();
          await deps.pubsub.close();
          await unsubscribeDirectory();
          await directoryFeed.close();
        },
      };
    },
    attach: (rt, schema) =>
      attachStatusWebSocket(schema, rt.tokens, () => deps, { maxBodyBytes: rt.config.limits.maxBodyBytes, query: subgraphLimitsOf(rt.config) }),
  };
}
