import { In, Not, type EntityManager } from 'typeorm';
import type { CompetenceKind } from './competence-kind';
import { CompetenceRecord } from './competence.entity';

/** TypeORM access to the competence table, through the request's manager or a transaction's. */
export class CompetenceRepository {
  constructor(private readonly em: EntityManager) {}

  byId(id: string): Promise<CompetenceRecord | null> {
    return this.em.findOneBy(CompetenceRecord, { id });
  }

  /** Every competence (active or not) of these officials, by kind and name: one query (a loader's batch). */
  ofOfficials(officialIds: readonly string[]): Promise<CompetenceRecord[]> {
    return this.em.find(CompetenceRecord, { where: { officialId: In([...officialIds]) }, order: { kind: 'ASC', name: 'ASC' } });
  }

  /** The active competences of these officials (what jurisdiction matches against). */
  activeOf(officialIds: readonly string[]): Promise<CompetenceRecord[]> {
    return this.em.findBy(CompetenceRecord, { officialId: In([...officialIds]), active: true });
  }

  /** Whether the official already holds a competence with this match key (other than `exceptId`). */
  held(key: { officialId: string; kind: CompetenceKind; matchKey: string }, exceptId?: string): Promise<boolean> {
    return this.em.existsBy(CompetenceRecord, exceptId ? { ...key, id: Not(exceptId) } : key);
  }

  add(competence: CompetenceRecord): Promise<CompetenceRecord> {
    return this.em.save(this.em.create(CompetenceRecord, competence));
  }

  save(competence: CompetenceRecord): Promise<CompetenceRecord> {
    return this.em.save(competence);
  }
}
