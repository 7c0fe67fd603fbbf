import type { DatabaseDefinition } from '../../platform/database';
import { INTERNAL_EVENTS_PATH } from '../../platform/events';
import { buildFederatedSchema } from '../../platform/federated-schema';
import type { SubgraphDefinition } from '../../platform/subgraph-server';
import { ComplaintStatusResolver } from './complaint-status.resolver';
import { ComplaintStatus } from './complaint-status.type';
import { StatusMark } from './status-mark.type';
import { internalEventsRoute } from './internal-events.route';
import { statusMigrations } from './migrations';
import { StatusMarkRecord } from './status-mark.entity';
import { createStatusContext, type StatusContext } from './status.context';
import { statusReferenceResolvers } from './status.reference';
import { TrackedComplaint } from './tracked-complaint.entity';

export const statusDatabase: DatabaseDefinition = {
  service: 'status',
  entities: [TrackedComplaint, StatusMarkRecord],
  migrations: statusMigrations,
};

export function buildStatusSchema() {
  return buildFederatedSchema(
    { resolvers: [ComplaintStatusResolver], orphanedTypes: [ComplaintStatus, StatusMark] },
    statusReferenceResolvers,
  );
}

export function statusSubgraph(): SubgraphDefinition<StatusContext> {
  return {
    name: 'status',
    database: statusDatabase,
    buildSchema: buildStatusSchema,
    context: (rt, auth) => createStatusContext(rt.db, auth),
    onStart: async (rt) => ({
      routes: { [`POST ${INTERNAL_EVENTS_PATH}`]: internalEventsRoute(rt.db, rt.tokens, () => undefined) },
    }),
  };
}
