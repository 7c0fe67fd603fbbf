import { serviceTokenSource } from '../../platform/auth';
import type { DatabaseDefinition } from '../../platform/database';
import { INTERNAL_EVENTS_PATH } from '../../contracts/events';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { FormerHolder } from './access';
import { intakeEventsRelay } from './events/intake-events.relay';
import { buildFederatedSchema } from '../../platform/federated-schema';
import { createPubSub } from '../../platform/pubsub';
import type { SubgraphDefinition, SubgraphRuntime } from '../../platform/subgraph-server';
import { randomUUID } from 'node:crypto';
import { CalendarResolver } from './calendar/calendar.resolver';
import { CalendarEntryRecord } from './calendar/calendar-entry.entity';
import { CalendarStore } from './calendar/calendar-store';
import { ComplaintStatisticsResolver } from './statistics/complaint-statistics.resolver';
import { ComplaintStatusResolver } from './timeline/complaint-status.resolver';
import { ComplaintStatus } from './timeline/complaint-status.type';
import { StatusDirectoryClient } from './clients/directory.client';
import { internalEventsRoute } from './events/internal-events.route';
import { ApplicantMarkLock } from './marks/applicant-mark-lock.entity';
import { MarkDispatcher } from './feed/mark-dispatcher';
import { statusMigrations } from './migrations';
import { StatusMarkRecord } from './marks/status-mark.entity';
import { StatusMarkMutationResolver } from './marks/mark-mutation.resolver';
import { StatusMarkSubscriptionResolver } from './feed/mark-subscription.resolver';
import { StatusMarkResolver } from './marks/status-mark.resolver';
import { StatusMark } from './marks/status-mark.type';
import { createStatusContext, type StatusContext } from './status.context';
import { STATUS_MARK_CHANNEL, type StatusDeps } from './status.deps';
import { statusReferenceResolvers } from './status.reference';
import { subgraphLimitsOf } from '../../platform/query-limits';
import { attachStatusWebSocket } from './feed/status-ws.server';
import { TrackedComplaint } from './complaints/tracked-complaint.entity';

export const statusDatabase: DatabaseDefinition = {
  service: 'status',
  entities: [TrackedComplaint, StatusMarkRecord, ApplicantMarkLock, FormerHolder, OutboxMessage, CalendarEntryRecord],
  migrations: statusMigrations,
};

/** type-graphql insists on a pubSub when a schema has subscriptions; ours subscribe through the context. */
const UNUSED_PUBSUB = {
  publish: () => undefined,
  subscribe: () => {
    throw new Error('statusMarkAdded subscribes through StatusMarkFeedService');
  },
};

export function buildStatusSchema() {
  return buildFederatedSchema(
    {
      resolvers: [
        ComplaintStatusResolver,
        StatusMarkResolver,
        StatusMarkMutationResolver,
        StatusMarkSubscriptionResolver,
        CalendarResolver,
        ComplaintStatisticsResolver,
      ],
      orphanedTypes: [ComplaintStatus, StatusMark],
      pubSub: UNUSED_PUBSUB as never,
    },
    statusReferenceResolvers,
  );
}

function createStatusDeps(rt: SubgraphRuntime): StatusDeps {
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
    directory: new StatusDirectoryClient(rt.config.directory.url, serviceTokenSource(rt.tokens, 'status')),
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
      deps = { ...createStatusDeps(rt), onEventsQueued: () => relay.kick() };
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
        },
      };
    },
    attach: (rt, schema) =>
      attachStatusWebSocket(schema, rt.tokens, () => deps, { maxBodyBytes: rt.config.limits.maxBodyBytes, query: subgraphLimitsOf(rt.config) }),
  };
}
