import type { IncomingMessage } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { ExecutionResult } from 'graphql';
import type { FastLane, HttpAnswer } from '../../platform/http-server';
import type { OperationRecorder } from '../../platform/metrics';
import type { PlannedOperation, PlanExecutor, SupergraphPlanner } from '../engine';
import { gatewayContext, type GatewayContext } from '../gateway.context';
import { overHttpStatus } from '../graphql-over-http';
import type { TrustedDocuments } from '../trusted-documents';
import { resultAnswer, thrownAnswer, type PipelineAnswer } from './apollo-answer';
import { apolloContentType, apolloInternals, type ApolloInternals } from './apollo-server-internals';

export interface FastLaneOptions {
  planner: SupergraphPlanner;
  executor: PlanExecutor;
  /** The safelist, when the gateway runs only trusted documents. */
  trusted?: TrustedDocuments;
  /** The recorder the metrics plugin counts with. */
  record: OperationRecorder;
  /** The per-caller mutation limit (request-policy-plugin.ts's `limitMutation`): throws past it. */
  limitMutation: (context: GatewayContext, planned: PlannedOperation) => Promise<void>;
}

/** How many requests the lane answered, and how many it left to Apollo Server. */
export interface FastLaneStats {
  served: number;
  declined: number;
}

/** A POST body the lane may take: nothing but an operation's text, its name and variables. */
interface LaneRequest {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** The keys a body on the lane may have (`extensions` may carry a persisted query: Apollo's to handle). */
const LANE_KEYS = new Set(['query', 'operationName', 'variables']);

/** Distinct Accept headers whose content type is remembered (a client controls them: the memory is bounded). */
const MAX_ACCEPTS = 64;

/**
 * A lane for `POST /graphql` that skips Apollo Server's request pipeline when nothing in it can change the answer: a
 * query or mutation (not a subscription: refused over HTTP) whose plan is cached, so its exact text and operation
 * name already passed parsing, the operation policy's validation and (when set) the trusted documents on an earlier
 * request (the text is checked against them again all the same); a body of only `query`, `operationName` and
 * `variables` (no persisted-query extension); an Accept header Apollo can answer; a running server. The body size,
 * media type, JSON, CORS and the limits pre-check ran before (platform/http-server.ts); a POST with
 * `application/json` never trips CSRF prevention.
 *
 * It counts a mutation against its caller's rate limit as the request policy plugin does, runs the plan as Apollo's
 * executor does (`PlanExecutor.runRequest`) and answers as Apollo would: the pipeline's error formatting and status
 * rules (apollo-answer.ts), the graphql-over-http status, the same metrics recorder and content type. Anything else
 * returns null and goes to Apollo Server. test/gateway/fast-lane.test.ts compares both answers.
 */
export function fastLane(opts: FastLaneOptions, stats: FastLaneStats): (apollo: ApolloServer<BaseContext>) => FastLane {
  return (apollo) => {
    const internals = apolloInternals(apollo);
    const contentTypes = new Map<string | undefined, string | null>();
    const contentTypeFor = (accept: string | undefined) => {
      let type = contentTypes.get(accept);
      if (type === undefined) {
        type = apolloContentType(accept);
        if (contentTypes.size < MAX_ACCEPTS) contentTypes.set(accept, type);
      }
      return type;
    };
    return (req, body) => {
      const request = laneRequest(body);
      const planned = request && (!opts.trusted || opts.trusted.trusts(request.query)) ? opts.planner.cached(request.query, request.operationName) : undefined;
      const contentType = planned && planned.kind !== 'subscription' ? contentTypeFor(req.headers.accept) : null;
      const phase = internals.state.phase;
      if (!request || !planned || !contentType || (phase !== 'started' && phase !== 'draining')) {
        stats.declined++;
        return null;
      }
      stats.served++;
      return serve(opts, internals, req, request, planned, contentType);
    };
  };
}

async function serve(
  opts: FastLaneOptions,
  internals: ApolloInternals,
  req: IncomingMessage,
  request: LaneRequest,
  planned: PlannedOperation,
  contentType: string,
): Promise<HttpAnswer> {
  const started = process.hrtime.bigint();
  let result: ExecutionResult | undefined;
  let answer: PipelineAnswer;
  const context = gatewayContext(req);
  try {
    // As Apollo Server: the limit is counted once the operation is known, before its variables are checked.
    if (planned.kind === 'mutation') await opts.limitMutation(context, planned);
    result = await opts.executor.runRequest({ planned, variables: request.variables ?? {}, context });
  } catch (err) {
    answer = await thrownAnswer(internals, err);
  }
  answer ??= await resultAnswer(internals, result!);
  opts.record(planned.operationContext.operation.name?.value || null, answer.errors, started);
  const status = overHttpStatus(answer.head.status, answer.errors, req.headers.accept) ?? 200;
  const headers = [...answer.head.headers];
  if (!answer.head.headers.has('content-type')) headers.push(['content-type', contentType]);
  return { status, headers, body: answer.body };
}

/** The body as the lane takes it, or null (anything unusual is Apollo Server's to answer or refuse). */
function laneRequest(body: unknown): LaneRequest | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  for (const key in body) if (!LANE_KEYS.has(key)) return null;
  const { query, operationName, variables } = body as Record<string, unknown>;
  if (typeof query !== 'string' || query === '') return null;
  if (operationName != null && typeof operationName !== 'string') return null;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  return { query, operationName: operationName ?? undefined, variables: (variables ?? undefined) as Record<string, unknown> | undefined };
}
