import type { Addressee, ReviewBodyKind } from '../../platform/enums';
import type { ReadCache } from '../../platform/read-cache';
import { callService } from '../../platform/service-client';

export interface JurisdictionAnswer {
  /** `body` is the directory's answer for the body the official acts for (intake keeps no rule of its own). */
  official: { id: string; body: { id: string; kind: ReviewBodyKind } | null };
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
      official { id body { id kind } }
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

/**
 * Asks the directory subgraph who handles a complaint, and where an official works. Answers are kept in a read
 * cache that the directory's change feed empties on every committed directory write (the TTL is a safety net), so
 * a filing usually needs no call to the directory at all. Refusals (unknown provider, nobody competent) are never
 * kept.
 */
export class DirectoryClient {
  constructor(
    private readonly url: string,
    private readonly serviceToken: () => Promise<string>,
    private readonly answers: ReadCache,
  ) {}

  async jurisdiction(q: {
    addressee: Addressee;
    serviceProviderId: string;
    katoCode?: string | null;
    publicService?: string | null;
  }): Promise<JurisdictionAnswer> {
    const key = JSON.stringify(['jurisdiction', q.addressee, q.serviceProviderId, q.katoCode ?? null, q.publicService ?? null]);
    return this.answers.getOrRead(key, async () => {
      const data = await callService<{ jurisdictionDecision: JurisdictionAnswer }>(
        this.url,
        JURISDICTION,
        q,
        `Bearer ${await this.serviceToken()}`,
      );
      return data.jurisdictionDecision;
    });
  }

  /** The provider an official (or clerk) works for; null when unknown or not attached to a provider. */
  async officialProvider(officialId: string): Promise<string | null> {
    return this.answers.getOrRead(JSON.stringify(['provider of', officialId]), async () => {
      const data = await callService<{ official: { serviceProvider: { id: string } | null } | null }>(
        this.url,
        OFFICIAL_PROVIDER,
        { id: officialId },
        `Bearer ${await this.serviceToken()}`,
      );
      return data.official?.serviceProvider?.id ?? null;
    });
  }
}
