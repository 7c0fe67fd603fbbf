import type { TestSystem } from '../support/harness';
import { validBin, uniqueKato } from '../factories/directory.factory';

/** Directory set-up through the gateway's admin mutations (the end-to-end tests touch nothing else). */
export class AdminThroughGateway {
  constructor(
    private readonly t: TestSystem,
    private readonly token: string,
  ) {}

  private async call<T = any>(query: string, variables: Record<string, unknown>): Promise<T> {
    const r = await this.t.query(query, variables, this.token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data as T;
  }

  async unit(nameRu: string, parentKatoCode: string | null = null, katoCode = uniqueKato(parentKatoCode?.slice(0, 2) ?? '35')) {
    const d = await this.call(
      `mutation($i: CreateAdministrativeUnitInput!) { createAdministrativeUnit(input: $i) { katoCode } }`,
      { i: { katoCode, nameKk: nameRu, nameRu, parentKatoCode } },
    );
    return d.createAdministrativeUnit.katoCode as string;
  }

  async provider(nameRu: string, katoCode: string, kind = 'SERVICE_PROVIDER') {
    const d = await this.call(
      `mutation($i: CreateServiceProviderInput!) { createServiceProvider(input: $i) { id head { id surname name position } } }`,
      {
        i: {
          bin: validBin(),
          nameKk: nameRu,
          nameRu,
          katoCode,
          kind,
          head: { surname: 'Басшыбаев', name: 'Ерлан', position: 'басшы / руководитель' },
        },
      },
    );
    return d.createServiceProvider as { id: string; head: { id: string; surname: string; name: string; position: string } };
  }

  async official(surname: string, where: { serviceProviderId?: string; katoCode?: string }, position = 'бас маман / главный специалист') {
    const d = await this.call(
      `mutation($i: CreateOfficialInput!) { createOfficial(input: $i) { id surname name position } }`,
      { i: { surname, name: 'Айжан', position, ...where } },
    );
    return d.createOfficial as { id: string; surname: string; name: string; position: string };
  }

  async competence(officialId: string, name: string, code: string | null = null) {
    await this.call(`mutation($i: CreateCompetenceInput!) { createCompetence(input: $i) { id } }`, {
      i: { officialId, kind: 'PUBLIC_SERVICE', name, code },
    });
  }

  async setAkim(katoCode: string, akimOfficialId: string) {
    await this.call(
      `mutation($k: String!, $i: UpdateAdministrativeUnitInput!) { updateAdministrativeUnit(katoCode: $k, input: $i) { katoCode } }`,
      { k: katoCode, i: { akimOfficialId } },
    );
  }
}
