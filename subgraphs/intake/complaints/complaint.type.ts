import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../platform/scalars';
import { Addressee, Channel } from '../../../contracts/enums';
import { Label } from '../../../contracts/labels';
import { AdministrativeUnitRef, OfficialRef, ServiceProviderRef } from './directory-references.type';

@ObjectType({ description: 'The person who files the complaint (personal data: shown only to those entitled)' })
export class Applicant {
  @Field(() => String, { description: 'IIN; masked for inter-agency consumers' })
  iin: string;

  @Field(() => String)
  surname: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true, description: 'Only if it is in the identity document' })
  patronymic: string | null;

  @Field(() => String, { nullable: true, description: 'Hidden from inter-agency consumers' })
  postalAddress: string | null;

  @Field(() => [String], { description: 'Normalised to +7XXXXXXXXXX; hidden from inter-agency consumers' })
  phones: string[];
}

@ObjectType({ description: 'An official whose action or inaction is complained about' })
export class Respondent {
  @Field(() => String)
  position: string;

  @Field(() => String)
  surname: string;

  @Field(() => String)
  name: string;
}

@ObjectType({ description: "Confirmation of a paper complaint's acceptance at the provider's office" })
export class Talon {
  @Field(() => String)
  number: string;

  @Field(() => Date)
  issuedAt: Date;

  @Field(() => OfficialRef)
  acceptedBy: OfficialRef;
}

@ObjectType({ description: 'A complaint filed after the 3-month term (APPC Art. 92); the reviewing body decides on restoring the term' })
export class LateFiling {
  @Field(() => String, { description: "The applicant's reason for filing late" })
  reason: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A complaint about a public service' })
export class Complaint {
  @Field(() => ID)
  id: string;

  /** Status keeps a copy (it never changes after filing) and answers it for the complaints of the marks it streams. */
  @Directive('@shareable')
  @Field(() => String, { description: 'Human-readable, unique' })
  number: string;

  @Field(() => Channel)
  channel: Channel;

  @Field(() => Addressee)
  addressee: Addressee;

  @Field(() => Label, { description: 'The channel in words for people' })
  channelLabel: Label;

  @Field(() => Label, { description: 'The addressee in words for people' })
  addresseeLabel: Label;

  @Field(() => ServiceProviderRef)
  serviceProvider: ServiceProviderRef;

  @Field(() => AdministrativeUnitRef, { nullable: true })
  administrativeUnit: AdministrativeUnitRef | null;

  @Field(() => String, { nullable: true })
  publicService: string | null;

  @Field(() => String, { nullable: true, description: 'The issue raised, as given at filing' })
  issueCategory: string | null;

  @Field(() => String, { description: "Why the directory chose the handler at filing (its decision's rule, with the article)" })
  jurisdictionRule: string;

  @Field(() => Applicant)
  applicant: Applicant;

  @Field(() => [Respondent])
  respondents: Respondent[];

  @Field(() => String)
  reasons: string;

  @Field(() => String)
  demands: string;

  @Field(() => DateScalar, { description: 'The date the complaint was filed (Kazakhstan time)' })
  filedOn: string;

  @Field(() => Date)
  submittedAt: Date;

  @Field(() => Talon, { nullable: true, description: 'Office channel only' })
  talon: Talon | null;

  @Field(() => OfficialRef, { description: 'The competent official chosen by jurisdiction when filed' })
  handler: OfficialRef;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day to complain: 3 months from violationLearnedOn (APPC Art. 92); null when that date was not given',
  })
  filingDeadline: string | null;

  @Field(() => LateFiling, { nullable: true, description: 'Filed after filingDeadline, with the reason; null when filed in time' })
  lateFiling: LateFiling | null;
}
