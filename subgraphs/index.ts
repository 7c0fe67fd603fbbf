import { directorySubgraph, buildDirectorySchema } from './directory';
import { intakeSubgraph, buildIntakeSchema } from './intake';
import { statusSubgraph, buildStatusSchema } from './status';

/** Every subgraph, in start order: directory first (intake asks it), status before intake (its events go there). */
export const SUBGRAPHS = [
  { name: 'directory', define: directorySubgraph, buildSchema: buildDirectorySchema },
  { name: 'status', define: statusSubgraph, buildSchema: buildStatusSchema },
  { name: 'intake', define: intakeSubgraph, buildSchema: buildIntakeSchema },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];
