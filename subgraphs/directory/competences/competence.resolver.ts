import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { DirectoryContext } from '../directory.context';
import { Official } from '../officials/official.type';
import type { CompetenceRecord } from './competence.entity';
import { CreateCompetenceInput, UpdateCompetenceInput } from './competence.inputs';
import { Competence } from './competence.type';

@Resolver(() => Competence)
export class CompetenceResolver {
  @FieldResolver(() => Official)
  official(@Root() competence: CompetenceRecord, @Ctx() ctx: DirectoryContext) {
    return ctx.officials.byId(competence.officialId);
  }

  @Mutation(() => Competence, { description: 'Records that an official resolves a public service or issue category (admin)' })
  createCompetence(@Arg('input', () => CreateCompetenceInput) input: CreateCompetenceInput, @Ctx() ctx: DirectoryContext) {
    return ctx.competences.create(input);
  }

  @Mutation(() => Competence, { description: 'Changes a competence (admin)' })
  updateCompetence(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCompetenceInput) input: UpdateCompetenceInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return ctx.competences.update(id, input);
  }

  @Mutation(() => Competence, { description: 'Deactivates a competence: jurisdiction no longer matches it (admin)' })
  deactivateCompetence(@Arg('id', () => ID) id: string, @Ctx() ctx: DirectoryContext) {
    return ctx.competences.deactivate(id);
  }
}
