import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { operationContext, shapingOperation } from './apollo-internals';
import { SupergraphPlanner } from './supergraph-planner';

const sdl = fs.readFileSync(path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');

/** What the engine relies on in `@apollo/gateway`'s executor; an upgrade that changes any of it fails here. */
describe('apollo-internals: the typed adapter over @apollo/gateway', () => {
  const planner = new SupergraphPlanner(sdl);

  it('picks the named operation of a document, with its fragments', () => {
    const document = parse('query A { contactCenter { phones } } query B { ...F } fragment F on Query { contactCenter { phones } }');
    const context = operationContext(planner.apiGraphQLSchema, document, 'B');
    expect(context.operation.name?.value).toBe('B');
    expect(Object.keys(context.fragments)).toEqual(['F']);
  });

  it('builds the federation operation of the chosen operation, fragments expanded where they are spread', () => {
    const document = parse('query A { contactCenter { phones } } query B { ...F } fragment F on Query { contactCenter { phones } }');
    const operation = shapingOperation(planner.apiSchema, operationContext(planner.apiGraphQLSchema, document, 'B'));
    expect(operation.rootKind).toBe('query');
    expect(operation.name).toBe('B');
    expect(operation.selectionSet.expandFragments().toString()).toContain('contactCenter');
  });
});
