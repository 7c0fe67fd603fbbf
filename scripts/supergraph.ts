import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { SUBGRAPHS } from '../subgraphs';

export const SCHEMA_DIR = path.resolve(__dirname, '..', 'schema');
export const SUPERGRAPH_FILE = path.join(SCHEMA_DIR, 'supergraph.graphql');

/** The URLs baked into the committed supergraph; the gateway overrides them from its config. */
const DEFAULT_URLS: Record<string, string> = {
  intake: 'http://127.0.0.1:4001/graphql',
  directory: 'http://127.0.0.1:4002/graphql',
  status: 'http://127.0.0.1:4003/graphql',
};

export interface ComposedSchemas {
  /** file name → content */
  files: Record<string, string>;
  errors: string[];
}

/** Prints each subgraph's SDL from the code and composes the supergraph. */
export async function composeFromCode(): Promise<ComposedSchemas> {
  const files: Record<string, string> = {};
  const services = [];
  for (const s of SUBGRAPHS) {
    const sdl = printSubgraphSchema(await s.buildSchema());
    files[`${s.name}.graphql`] = sdl.endsWith('\n') ? sdl : `${sdl}\n`;
    services.push({ name: s.name, url: DEFAULT_URLS[s.name], typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors) return { files, errors: result.errors.map((e) => e.message) };
  files['supergraph.graphql'] = `${result.supergraphSdl.trimEnd()}\n`;
  return { files, errors: [] };
}

/** Files under schema/ that differ from the code (missing ones included). */
export function drift(files: Record<string, string>): string[] {
  return Object.entries(files)
    .filter(([name, content]) => {
      const file = path.join(SCHEMA_DIR, name);
      return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== content;
    })
    .map(([name]) => `schema/${name}`);
}
