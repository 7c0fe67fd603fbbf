import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { DirectoryContext } from './directory.context';
import { AdministrativeUnit } from './administrative-unit.type';
import { Official } from './official.type';
import { ServiceProvider } from './service-provider.type';

@Resolver(() => Official)
export class OfficialResolver {
  @Query(() => Official, { nullable: true })
  official(@Arg('id', () => ID) id: string, @Ctx() ctx: DirectoryContext) {
    return ctx.loaders.official.load(id);
  }

  @FieldResolver(() => ServiceProvider, { nullable: true })
  serviceProvider(@Root() official: Official, @Ctx() ctx: DirectoryContext) {
    return official.serviceProviderId ? ctx.loaders.serviceProvider.load(official.serviceProviderId) : null;
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  administrativeUnit(@Root() official: Official, @Ctx() ctx: DirectoryContext) {
    return official.katoCode ? ctx.loaders.administrativeUnit.load(official.katoCode) : null;
  }
}
