import { Addressee, ReviewBodyKind } from '../../../contracts/enums';
import { AppError, NotFound } from '../../../platform/errors';
import type { ReadCache } from '../../../platform/read-cache';
import { invalid, required, valid, type RuleResult } from '../../../platform/validation';
import type { AdministrativeUnitRecord } from '../administrative-units/administrative-unit.entity';
import { normaliseMatchText } from '../competences/competence-match-key';
import type { DirectoryRequest } from '../directory.request';
import type { OfficialRecord } from '../officials/official.entity';
import type { StaffOf } from '../officials/official.repository';
import type { ServiceProviderRecord } from '../service-providers/service-provider.entity';
import { katoCode as validKatoCode } from '../validation/kato.rule';
import { hasSubject, pickCompetent, type ComplaintSubject } from './competence-match';
import { bodyAbove, isAbout, type Respondent } from './complaint-about-addressee';
import type { JurisdictionDecision } from './jurisdiction.type';
import { AKIMAT_BODY_KIND, providerBodyKind, reviewBodyOf, type ReviewBody } from './review-body';

export interface JurisdictionQuery extends ComplaintSubject {
  addressee: Addressee;
  serviceProviderId: string;
  katoCode?: string | null;
  /** The officials complained about: when one is the head (or akim) the complaint would reach, it goes above them. */
  respondents?: Respondent[] | null;
}

/** Every field of the query goes into the key: the mapped type makes a new field a compile error here. */
function decisionKey(q: JurisdictionQuery): string {
  const fields: { [K in keyof Required<JurisdictionQuery>]: JurisdictionQuery[K] | null } = {
    addressee: q.addressee,
    serviceProviderId: q.serviceProviderId,
    katoCode: q.katoCode ?? null,
    publicService: q.publicService ?? null,
    issueCategory: q.issueCategory ?? null,
    respondents: q.respondents?.map((r) => ({ position: '', surname: normaliseMatchText(r.surname), name: normaliseMatchText(r.name) })) ?? null,
  };
  return `decision:${JSON.stringify(fields)}`;
}

/** The organisation a complaint goes to: its members, its head, and the kind of body it is. */
interface Body {
  name: string;
  kind: ReviewBodyKind;
  head: OfficialRecord | null;
  headTitle: string;
  /** Who works there: a provider's officials, or an akimat's (a unit, no provider). */
  members: StaffOf;
  /** An akimat's unit (to find the akimat above it). */
  unitKatoCode?: string;
}

/**
 * Chooses the competent official for a complaint (seed step 3): the addressee picks the body, then
 * competence picks the official within it, falling back to the body's head. Inactive officials are never chosen.
 * Public: anyone may ask (intake asks at filing, with its service token).
 */
export class JurisdictionService {
  constructor(
    private readonly request: DirectoryRequest,
    private readonly cache: ReadCache,
  ) {}

  private get loaders() {
    return this.request.loaders;
  }

  /** The body the official acts for, and its kind (review-body.ts). */
  async bodyOf(official: OfficialRecord): Promise<ReviewBody | null> {
    const provider = official.serviceProviderId ? await this.loaders.serviceProvider.load(official.serviceProviderId) : null;
    return reviewBodyOf(official, provider);
  }

  /** Decisions are cached; refusals (bad input, nobody found) are not, and ask the database every time. */
  decide(q: JurisdictionQuery): Promise<JurisdictionDecision> {
    return this.cache.getOrRead(decisionKey(q), () => this.decideFresh(q));
  }

  private async decideFresh(q: JurisdictionQuery): Promise<JurisdictionDecision> {
    if (q.katoCode) required('katoCode', validKatoCode(q.katoCode));
    const provider = await this.loaders.serviceProvider.load(q.serviceProviderId);
    if (!provider || !provider.active) throw new NotFound('Service provider', q.serviceProviderId);

    if (q.addressee === Addressee.AKIM) {
      const katoCode = required('katoCode', q.katoCode ? valid(q.katoCode) : invalid('katoCode is required when the addressee is AKIM'));
      await this.requireUnitOverProvider(katoCode, provider);
      const { body, walked } = await this.akimatFor(katoCode);
      const why = walked ? `addressed to the akim; ${walked}` : 'addressed to the akim';
      if (isAbout(q.respondents, body.head)) return this.aboveAkim(body, q, why);
      return this.choose(body, q, why);
    }
    const body = await this.providerBody(provider);
    const why = q.addressee === Addressee.PORTAL ? 'filed through the portal' : 'addressed to the head of the service provider';
    if (isAbout(q.respondents, body.head) && body.kind !== ReviewBodyKind.QUALITY_CONTROL_BODY) {
      return this.choose(await this.qualityControlBodyOver(provider), q, `${why}; ${bodyAbove.head(body.head!)}`);
    }
    return this.choose(body, q, why);
  }

  /** A complaint about the akim goes to the akimat above (APPC Art. 91), else to the quality-control body. */
  private async aboveAkim(akimat: Body, q: JurisdictionQuery, why: string): Promise<JurisdictionDecision> {
    const unit = await this.loaders.administrativeUnit.load(akimat.unitKatoCode!);
    if (unit?.parentKatoCode) {
      try {
        const { body } = await this.akimatFor(unit.parentKatoCode);
        return this.choose(body, q, `${why}; ${bodyAbove.akim(akimat.head!, body.name)}`);
      } catch (err) {
        if (!(err instanceof AppError) || err.extensions.code !== 'NOT_FOUND') throw err;
      }
    }
    const provider = await this.loaders.serviceProvider.load(q.serviceProviderId);
    return this.choose(await this.qualityControlBodyOver(provider!), q, `${why}; ${bodyAbove.akimToQuality(akimat.head!)}`);
  }

  /**
   * The authorised body for public-service quality control over a provider: the active one whose unit is the
   * provider's or contains it, else a nationwide one (a unit with no parent), else any active one on record.
   */
  private async qualityControlBodyOver(provider: ServiceProviderRecord): Promise<Body> {
    const bodies = await this.request.store.read.serviceProviders.activeQualityControlBodies();
    const over = (await this.unitAndAbove(provider.katoCode)).map((u) => u.katoCode);
    const chosen = over.map((k) => bodies.find((b) => b.katoCode === k)).find(Boolean) ?? bodies[0];
    if (!chosen) {
      throw new AppError('NOT_FOUND', 'No authorised body for public-service quality control is on record to review a complaint about the head', {
        reason: 'NO_BODY_ABOVE',
      });
    }
    return this.providerBody(chosen);
  }

  private async providerBody(provider: ServiceProviderRecord): Promise<Body> {
    return {
      name: provider.nameRu,
      kind: providerBodyKind(provider),
      head: provider.headOfficialId ? await this.active(provider.headOfficialId) : null,
      headTitle: 'head',
      members: { serviceProviderId: provider.id },
    };
  }

  /** The unit asked must be over the provider (unitOverProvider); unknown units are left to akimatFor (NOT_FOUND). */
  private async requireUnitOverProvider(katoCode: string, provider: ServiceProviderRecord): Promise<void> {
    const asked = await this.loaders.administrativeUnit.load(katoCode);
    if (!asked) return;
    required('katoCode', unitOverProvider(asked, provider, await this.unitAndAbove(provider.katoCode)));
  }

  /** A unit and the units above it, nearest first (at most 11: a parent cycle in bad data must not loop forever). */
  private async unitAndAbove(katoCode: string | null): Promise<AdministrativeUnitRecord[]> {
    const chain: AdministrativeUnitRecord[] = [];
    let unit = katoCode ? await this.loaders.administrativeUnit.load(katoCode) : null;
    for (let steps = 0; unit && steps <= 10; steps++) {
      chain.push(unit);
      unit = unit.parentKatoCode ? await this.loaders.administrativeUnit.load(unit.parentKatoCode) : null;
    }
    return chain;
  }

  /** The akimat of the unit, or of the nearest unit above it with an active akim on record. */
  private async akimatFor(katoCode: string): Promise<{ body: Body; walked: string | null }> {
    const asked = await this.loaders.administrativeUnit.load(katoCode);
    if (!asked || !asked.active) throw new NotFound('Administrative unit', katoCode);
    const passed: AdministrativeUnitRecord[] = [];
    for (let unit: AdministrativeUnitRecord | null = asked; unit; ) {
      const akim = unit.active && unit.akimOfficialId ? await this.active(unit.akimOfficialId) : null;
      if (akim) {
        const body: Body = {
          name: `акимат: ${unit.nameRu}`,
          kind: AKIMAT_BODY_KIND,
          head: akim,
          headTitle: 'akim',
          members: { akimatKatoCode: unit.katoCode },
          unitKatoCode: unit.katoCode,
        };
        const walked = passed.length ? `no active akim on record for ${passed.map((u) => u.nameRu).join(', ')}` : null;
        return { body, walked };
      }
      passed.push(unit);
      if (passed.length > 10) break; // a parent cycle in bad data must not loop forever
      unit = unit.parentKatoCode ? await this.loaders.administrativeUnit.load(unit.parentKatoCode) : null;
    }
    throw new AppError('NOT_FOUND', `No active akim is on record for ${asked.nameRu} or any unit above it`, {
      katoCode,
      reason: 'NO_AKIM_ON_RECORD',
    });
  }

  private async choose(body: Body, subject: ComplaintSubject, why: string): Promise<JurisdictionDecision> {
    if (hasSubject(subject)) {
      const { officials, competences: held } = this.request.store.read;
      const members = await officials.activeStaff(body.members);
      const competences = members.length ? await held.activeOf(members.map((m) => m.id)) : [];
      const match = pickCompetent(members, competences, subject);
      if (match) {
        const covers = match.matched.map((c) => `«${c.name}»`).join(' and ');
        return {
          official: match.official,
          rule: `${why}; in ${body.name}, the official competent for ${covers}`,
          bodyKind: body.kind,
        };
      }
    }
    if (body.head) {
      const fallback = hasSubject(subject) ? ', as nobody there is on record as competent for the complaint' : '';
      return { official: body.head, rule: `${why}; the ${body.headTitle} of ${body.name}${fallback}`, bodyKind: body.kind };
    }
    throw new AppError('NOT_FOUND', `Nobody active is on record in ${body.name} to review the complaint: neither a competent official nor the ${body.headTitle}`, {
      reason: 'NOBODY_ON_RECORD',
    });
  }

  private async active(id: string): Promise<OfficialRecord | null> {
    const official = await this.loaders.official.load(id);
    return official?.active ? official : null;
  }
}

/**
 * The akim addressed must be the local executive body over the provider: the akim of the provider's own unit or of a
 * unit that contains it (an Astana provider's complaint cannot go to a Karaganda akim). `over` is the provider's unit
 * and the units above it.
 */
function unitOverProvider(
  asked: AdministrativeUnitRecord,
  provider: ServiceProviderRecord,
  over: AdministrativeUnitRecord[],
): RuleResult<AdministrativeUnitRecord> {
  return over.some((u) => u.katoCode === asked.katoCode)
    ? valid(asked)
    : invalid(
        `${asked.nameRu} (${asked.katoCode}) is neither the unit of ${provider.nameRu} (${provider.katoCode}) nor one that contains it: ` +
          'its akim is not the local executive body over this provider',
      );
}
