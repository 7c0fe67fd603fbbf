import { Field, ID, InputType } from 'type-graphql';
import { Addressee } from '../../../contracts/enums';
import { DateScalar } from '../../../platform/scalars';

@InputType()
export class ApplicantInput {
  @Field(() => String)
  surname: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true, description: 'Only if it is in the identity document' })
  patronymic?: string | null;

  @Field(() => String)
  postalAddress: string;

  @Field(() => [String], { nullable: true })
  phones?: string[] | null;
}

@InputType()
export class RespondentInput {
  @Field(() => String)
  position: string;

  @Field(() => String)
  surname: string;

  @Field(() => String)
  name: string;
}

/** Fields both channels share (not a GraphQL type of its own). */
@InputType()
abstract class ComplaintInputBase {
  @Field(() => Addressee)
  addressee: Addressee;

  @Field(() => ID)
  serviceProviderId: string;

  @Field(() => String, { nullable: true, description: 'Required when the addressee is AKIM' })
  katoCode?: string | null;

  @Field(() => String, { nullable: true })
  publicService?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The issue the complaint raises (a category of the directory's competences): routes it with publicService",
  })
  issueCategory?: string | null;

  @Field(() => ApplicantInput)
  applicant: ApplicantInput;

  @Field(() => [RespondentInput])
  respondents: RespondentInput[];

  @Field(() => String)
  reasons: string;

  @Field(() => String)
  demands: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When the applicant learned of the act or action complained about (starts the 3-month term, APPC Art. 92)',
  })
  violationLearnedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required when filing more than 3 months after violationLearnedOn: why the term was missed (APPC Art. 92)',
  })
  lateFilingReason?: string | null;
}

@InputType({ description: 'A complaint filed by the citizen on the portal' })
export class FileComplaintInput extends ComplaintInputBase {
  @Field(() => String, { description: "The applicant's signature" })
  signature: string;

  @Field(() => String, { nullable: true, description: 'Same key from the same citizen returns the same complaint' })
  idempotencyKey?: string | null;
}

@InputType({ description: "A paper complaint accepted at the provider's office" })
export class OfficeComplaintInput extends ComplaintInputBase {
  @Field(() => String)
  applicantIin: string;

  @Field(() => Boolean, { description: 'The paper original carries the applicant signature (must be true)' })
  signedOnPaper: boolean;

  @Field(() => String, { nullable: true, description: 'Same key from the same clerk returns the same complaint' })
  idempotencyKey?: string | null;
}
