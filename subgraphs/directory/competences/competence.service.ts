import { randomUUID } from 'node:crypto';
import { requireRole } from '../../../platform/auth';
import { Conflict, NotFound } from '../../../platform/errors';
import type { DirectoryRequest } from '../directory.request';
import { conflictOnDuplicate } from '../validation/conflict-on-duplicate';
import type { CompetenceRecord } from './competence.entity';
import type { CreateCompetenceInput, UpdateCompetenceInput } from './competence.inputs';
import { competenceMatchKey } from './competence-match-key';
import { validateNewCompetence, withCompetenceChanges } from './competence.validation';

/** Officials' competences (what jurisdiction matches a complaint against): administration for the admin role only. */
export class CompetenceService {
  constructor(private readonly request: DirectoryRequest) {}

  async create(input: CreateCompetenceInput): Promise<CompetenceRecord> {
    requireRole(this.request.auth, 'admin');
    const { name, code } = validateNewCompetence(input);
    const matchKey = competenceMatchKey({ code, name });
    const duplicate = `The official already has the competence «${code ?? name}»`;
    return conflictOnDuplicate(
      () =>
        this.request.store.transaction(async (tx) => {
          const official = await tx.officials.byId(input.officialId);
          if (!official) throw new NotFound('Official', input.officialId);
          if (await tx.competences.held({ officialId: official.id, kind: input.kind, matchKey })) {
            throw new Conflict(duplicate, { field: 'input.name' });
          }
          return tx.competences.add({ id: randomUUID(), officialId: official.id, kind: input.kind, code, name, matchKey, active: true });
        }),
      duplicate,
      { field: 'input.name' },
    );
  }

  async update(id: string, input: UpdateCompetenceInput): Promise<CompetenceRecord> {
    requireRole(this.request.auth, 'admin');
    return conflictOnDuplicate(
      () =>
        this.request.store.transaction(async (tx) => {
          const competence = await tx.competences.byId(id);
          if (!competence) throw new NotFound('Competence', id);
          Object.assign(competence, withCompetenceChanges(competence, input));
          competence.matchKey = competenceMatchKey(competence);
          const { officialId, kind, matchKey } = competence;
          if (await tx.competences.held({ officialId, kind, matchKey }, id)) {
            throw new Conflict(`The official already has the competence «${competence.code ?? competence.name}»`, { field: 'input.name' });
          }
          return tx.competences.save(competence);
        }),
      'The official already has this competence',
      { field: 'input.name' },
    );
  }

  deactivate(id: string): Promise<CompetenceRecord> {
    return this.update(id, { active: false });
  }
}
