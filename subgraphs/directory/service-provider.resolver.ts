import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit } from './administrative-unit.type';
import type { DirectoryContext } from './directory.context';
import { Official } from './official.type';
import { ServiceProvider } from './service-provider.type';

@Resolver(() => ServiceProvider)
export class ServiceProviderResolver {
  @Query(() => [ServiceProvider], { description: 'Service providers, optionally of one administrative unit' })
  serviceProviders(@Arg('katoCode', () => String, { nullable: true }) katoCode: string | null, @Ctx() ctx: DirectoryContext) {
    return ctx.db.getRepository(ServiceProvider).find({ where: katoCode ? { katoCode } : {}, order: { nameRu: 'ASC' } });
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  administrativeUnit(@Root() provider: ServiceProvider, @Ctx() ctx: DirectoryContext) {
    return ctx.loaders.administrativeUnit.load(provider.katoCode);
  }

  @FieldResolver(() => Official)
  async head(@Root() provider: ServiceProvider, @Ctx() ctx: DirectoryContext) {
    return provider.headOfficialId ? ctx.loaders.official.load(provider.headOfficialId) : null;
  }
}
