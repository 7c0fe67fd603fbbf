import { registerEnumType } from 'type-graphql';

/** What a competence covers: a public service (matched by code or name) or an issue category. */
export enum CompetenceKind {
  PUBLIC_SERVICE = 'PUBLIC_SERVICE',
  ISSUE_CATEGORY = 'ISSUE_CATEGORY',
}

registerEnumType(CompetenceKind, { name: 'CompetenceKind', description: 'What a competence covers' });
