import type { Addressee, ReviewBodyKind } from '../../platform/enums';
import { callService } from '../../platform/service-client';

export interface JurisdictionAnswer {
  official: { id: string; serviceProvider: { id: string } | null; administrativeUnit: { katoCode: string } | null };
  rule: string;
  bodyKind: ReviewBodyKind;
}

const JURISDICTION = /* GraphQL */ `
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

const OFFICIAL_PROVIDER = /* GraphQL */ `
  query OfficialProvider($id: ID!) {
    official(id: $id) { serviceProvider { id } }
  }
`;

/** How long an official's provider is remembered: staff moves are rare, and a stale minute is harmless. */
const PROVIDER_CACHE_MS = 60_000;

/** Asks the directory subgraph who handles a complaint, and where an official works. */
export class DirectoryClient {
  private readonly providers = new Map<string, { providerId: string | null; until: number }>();

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
      JURISDICTION,
      q,
      `Bearer ${await this.serviceToken()}`,
    );
    return data.jurisdictionDecision;
  }

  /** The provider an official (or clerk) works for; null when unknown or not attached to a provider. */
  async officialProvider(officialId: string): Promise<string | null> {
    const cached = this.providers.get(officialId);
    if (cached && cached.until > Date.now()) return cached.providerId;
    const data = await callService<{ official: { serviceProvider: { id: string } | null } | null }>(
      this.url,
      OFFICIAL_PROVIDER,
      { id: officialId },
      `Bearer ${await this.serviceToken()}`,
    );
    const providerId = data.official?.serviceProvider?.id ?? null;
    this.providers.set(officialId, { providerId, until: Date.now() + PROVIDER_CACHE_MS });
    return providerId;
  }
}
