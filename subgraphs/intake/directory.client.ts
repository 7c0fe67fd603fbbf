import type { Addressee, ReviewBodyKind } from '../../platform/enums';
import { callService } from '../../platform/service-client';

export interface JurisdictionAnswer {
  official: { id: string; serviceProvider: { id: string } | null; administrativeUnit: { katoCode: string } | null };
  rule: string;
  bodyKind: ReviewBodyKind;
}

const QUERY = /* GraphQL */ `
  query Jurisdiction($addressee: Addressee!, $serviceProviderId: ID!, $katoCode: String, $publicService: String) {
    jurisdictionDecision(
      addressee: $addressee
      serviceProviderId: $serviceProviderId
      katoCode: $katoCode
      publicService: $publicService
    ) {
      official { id serviceProvider { id } administrativeUnit { katoCode } }
      rule
      bodyKind
    }
  }
`;

/** Asks the directory subgraph who handles a complaint. */
export class DirectoryClient {
  constructor(
    private readonly url: string,
    private readonly serviceToken: () => Promise<string>,
  ) {}

  async jurisdiction(q: {
    addressee: Addressee;
    serviceProviderId: string;
    katoCode?: string | null;
    publicService?: string | null;
  }): Promise<JurisdictionAnswer> {
    const data = await callService<{ jurisdictionDecision: JurisdictionAnswer }>(
      this.url,
      QUERY,
      q,
      `Bearer ${await this.serviceToken()}`,
    );
    return data.jurisdictionDecision;
  }
}
