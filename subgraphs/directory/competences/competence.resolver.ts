import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { DirectoryContext } from '../directory.context';
import { CreateCompetenceInput, UpdateCompetenceInput } from './competence.inputs';
import { CompetenceService } from './competence.service';
import { Competence } from './competence.type';
import { Official } from '../officials/official.type';

@Resolver(() => Competence)
export class CompetenceResolver {
  @FieldResolver(() => Official)
  official(@Root() competence: Competence, @Ctx() ctx: DirectoryContext) {
    return ctx.loaders.official.load(competence.officialId);
  }

  @Authorized('admin')
  @Mutation(() => Competence, { description: 'Records that an official resolves a public service or issue category (admin)' })
  createCompetence(@Arg('input', () => CreateCompetenceInput) input: CreateCompetenceInput, @Ctx() ctx: DirectoryContext) {
    return new CompetenceService(ctx.db).create(input);
  }

  @Authorized('admin')
  @Mutation(() => Competence, { description: 'Changes a competence (admin)' })
  updateCompetence(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCompetenceInput) input: UpdateCompetenceInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return new CompetenceService(ctx.db).update(id, input);
  }

  @Authorized('admin')
  @Mutation(() => Competence, { description: 'Deactivates a competence: jurisdiction no longer matches it (admin)' })
  deactivateCompetence(@Arg('id', () => ID) id: string, @Ctx() ctx: DirectoryContext) {
    return new CompetenceService(ctx.db).deactivate(id);
  }
}
