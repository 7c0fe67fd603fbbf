import { randomUUID } from 'node:crypto';
import { Not, type DataSource } from 'typeorm';
import { inTransaction } from '../../../platform/database';
import { BadUserInput, Conflict, NotFound } from '../../../platform/errors';
import { competenceMatchKey } from '../jurisdiction/competence-match';
import type { CreateCompetenceInput, UpdateCompetenceInput } from './competence.inputs';
import { Competence } from './competence.type';
import { CompetenceKind } from './competence-kind';
import { conflictOnDuplicate, optionalText, requiredText } from '../validation/directory.validation';
import { Official } from '../officials/official.type';

/** Administration of officials' competences (role admin; the resolver checks it). */
export class CompetenceService {
  constructor(private readonly db: DataSource) {}

  async create(input: CreateCompetenceInput): Promise<Competence> {
    const name = requiredText(input.name, 'input.name', 300);
    const code = optionalText(input.code, 'input.code', 50);
    if (code && input.kind === CompetenceKind.ISSUE_CATEGORY) {
      throw new BadUserInput('An issue category has a name, not a code', 'input.code');
    }
    const matchKey = competenceMatchKey({ code, name });
    const duplicate = `The official already has the competence «${code ?? name}»`;
    return conflictOnDuplicate(
      () =>
        inTransaction(this.db, async (em) => {
          const official = await em.findOneBy(Official, { id: input.officialId });
          if (!official) throw new NotFound('Official', input.officialId);
          if (await em.existsBy(Competence, { officialId: official.id, kind: input.kind, matchKey })) {
            throw new Conflict(duplicate, { field: 'input.name' });
          }
          return em.save(
            em.create(Competence, { id: randomUUID(), officialId: official.id, kind: input.kind, code, name, matchKey, active: true }),
          );
        }),
      duplicate,
      { field: 'input.name' },
    );
  }

  async update(id: string, input: UpdateCompetenceInput): Promise<Competence> {
    return conflictOnDuplicate(
      () =>
        inTransaction(this.db, async (em) => {
          const competence = await em.findOneBy(Competence, { id });
          if (!competence) throw new NotFound('Competence', id);
          if (input.name != null) competence.name = requiredText(input.name, 'input.name', 300);
          if (input.code !== undefined) competence.code = optionalText(input.code, 'input.code', 50);
          if (competence.code && competence.kind === CompetenceKind.ISSUE_CATEGORY) {
            throw new BadUserInput('An issue category has a name, not a code', 'input.code');
          }
          if (input.active != null) competence.active = input.active;
          competence.matchKey = competenceMatchKey(competence);
          const { officialId, kind, matchKey } = competence;
          if (await em.existsBy(Competence, { officialId, kind, matchKey, id: Not(id) })) {
            throw new Conflict(`The official already has the competence «${competence.code ?? competence.name}»`, { field: 'input.name' });
          }
          return em.save(competence);
        }),
      'The official already has this competence',
      { field: 'input.name' },
    );
  }

  deactivate(id: string): Promise<Competence> {
    return this.update(id, { active: false });
  }
}
