import fs from 'node:fs';
import path from 'node:path';
import type { PlanNode, SubscriptionNode } from '@apollo/query-planner';
import { SupergraphPlanner } from '../engine/supergraph-planner';

const sdl = fs.readFileSync(path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');

/** The subgraphs a plan's fetches go to, in plan order. */
function services(node: PlanNode | SubscriptionNode | undefined): string[] {
  if (!node) return [];
  switch (node.kind) {
    case 'Fetch':
      return [node.serviceName];
    case 'Sequence':
    case 'Parallel':
      return node.nodes.flatMap(services);
    case 'Flatten':
      return services(node.node);
    case 'Subscription':
      return [...services(node.primary), ...services(node.rest)];
    default:
      throw new Error(`unexpected ${node.kind}`);
  }
}

/**
 * Status keeps each complaint's number (from the filing event; it never changes) and answers `Complaint.number`
 * itself (`@shareable` in both subgraphs): a cabinet's live mark, and a mark a mutation returns, are answered by
 * status alone, with no fetch from intake per delivered event.
 */
describe('the plans of the marks cabinets read', () => {
  const planner = new SupergraphPlanner(sdl);
  const plan = (query: string) => services(planner.plan(query).queryPlan.node);

  it('a live mark with its complaint number: the subscription to status and nothing more', () => {
    const planned = planner.plan(
      'subscription($id: ID!, $after: String) { statusMarkAdded(complaintId: $id, after: $after) { id kind at complaint { number } } }',
    );
    const node = planned.queryPlan.node as SubscriptionNode;
    expect(node.kind).toBe('Subscription');
    expect(node.primary.serviceName).toBe('status');
    expect(node.rest).toBeUndefined();
  });

  it("a live mark with its complaint's number and status fields: status only", () => {
    expect(plan('subscription { statusMarkAdded { cursor kind label { ru } complaint { id number status statusLabel { kk } reviewDueOn } } }')).toEqual([
      'status',
    ]);
  });

  it("a mark a mutation returns, and a timeline's marks with their complaint's number: status only", () => {
    expect(plan('mutation($id: ID!) { registerComplaint(complaintId: $id) { id kind complaint { number status registrationNumber } } }')).toEqual([
      'status',
    ]);
    expect(plan('mutation($id: ID!) { startExecution(complaintId: $id) { complaint { number statusMarks { kind complaint { number } } } } }')).toEqual([
      'status',
    ]);
  });

  it("intake's own fields of a mark's complaint still come from intake", () => {
    expect(plan('subscription { statusMarkAdded { kind complaint { number channel } } }')).toEqual(['status', 'intake']);
  });

  it('a complaint read by id: its number from intake in the same fetch, its status from status', () => {
    expect(plan('query($id: ID!) { complaint(id: $id) { number } }')).toEqual(['intake']);
    expect(plan('query($id: ID!) { complaint(id: $id) { number status statusMarks { complaint { number } } } }')).toEqual(['intake', 'status']);
  });
});
