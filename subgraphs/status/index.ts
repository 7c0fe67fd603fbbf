import { serviceTokenSource } from '../../platform/auth';
import type { DatabaseDefinition } from '../../platform/database';
import { INTERNAL_EVENTS_PATH } from '../../platform/events';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { FormerHolder } from './access';
import { intakeEventsRelay } from './intake-events.relay';
import { buildFederatedSchema } from '../../platform/federated-schema';
import { createPubSub } from '../../platform/pubsub';
import type { SubgraphDefinition, SubgraphRuntime } from '../../platform/subgraph-server';
import { CalendarResolver } from './calendar.resolver';
import { ComplaintStatisticsResolver } from './complaint-statistics.resolver';
import { ComplaintStatusResolver } from './complaint-status.resolver';
import { ComplaintStatus } from './complaint-status.type';
import { StatusDirectoryClient } from './directory.client';
import { internalEventsRoute } from './internal-events.route';
import { ApplicantMarkLock } from './applicant-mark-lock.entity';
import { MarkDispatcher } from './mark-dispatcher';
import { statusMigrations } from './migrations';
import { StatusMarkRecord } from './status-mark.entity';
import { StatusMarkMutationResolver } from './status-mark-mutation.resolver';
import { StatusMarkSubscriptionResolver } from './status-mark-subscription.resolver';
import { StatusMarkResolver } from './status-mark.resolver';
import { StatusMark } from './status-mark.type';
import { createStatusContext, type StatusContext } from './status.context';
import { STATUS_MARK_CHANNEL, type StatusDeps } from './status.deps';
import { statusReferenceResolvers } from './status.reference';
import { attachStatusWebSocket } from './status-ws.server';
import { TrackedComplaint } from './tracked-complaint.entity';

export const statusDatabase: DatabaseDefinition = {
  service: 'status',
  entities: [TrackedComplaint, StatusMarkRecord, ApplicantMarkLock, FormerHolder, OutboxMessage],
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
    pubsub,
    marks: new MarkDispatcher(pubsub),
    directory: new StatusDirectoryClient(rt.config.directory.url, serviceTokenSource(rt.tokens, 'status')),
    publish: (mark) => {
      pubsub.publish(STATUS_MARK_CHANNEL, mark).catch((err) => rt.logger.error({ err, markId: mark.id }, 'publish failed'));
    },
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
      relay.start();
      return {
        routes: { [`POST ${INTERNAL_EVENTS_PATH}`]: internalEventsRoute(rt.db, rt.tokens, deps.publish) },
        stop: async () => {
          await relay.stop();
          await deps.pubsub.close();
        },
      };
    },
    attach: (rt, schema) => attachStatusWebSocket(schema, rt.tokens, () => deps),
  };
}
