import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { authChecker } from './auth';
import { DateTimeScalar } from './scalars';

const FEDERATION_LINK = `
  extend schema
    @link(
      url: "https://specs.apollo.dev/federation/v2.5"
      import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"]
    )
`;

export type ReferenceResolvers = Record<string, { __resolveReference: (ref: any, ctx: any, info: any) => unknown }>;

function merge(target: Record<string, any>, source: Record<string, any>): Record<string, any> {
  for (const [key, value] of Object.entries(source)) {
    target[key] = typeof value === 'object' && value && typeof target[key] === 'object' ? merge(target[key], value) : value;
  }
  return target;
}

/**
 * Builds a subgraph schema the same way for every service: type-graphql classes → SDL with directives →
 * `buildSubgraphSchema`, with the entities' reference resolvers merged in.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'authChecker'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    ...options,
    authChecker,
    skipCheck: true,
  });
  const resolvers = merge(createResolversMap(schema) as Record<string, any>, referenceResolvers);
  return buildSubgraphSchema({
    typeDefs: gql(FEDERATION_LINK + printSchemaWithDirectives(schema)),
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}
