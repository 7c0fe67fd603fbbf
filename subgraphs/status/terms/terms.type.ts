import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../../platform/scalars';

/** Which term was missed (complaint-terms.ts). */
export enum OverdueReason {
  REGISTRATION = 'REGISTRATION',
  FORWARDING = 'FORWARDING',
  REVIEW = 'REVIEW',
}

registerEnumType(OverdueReason, {
  name: 'OverdueReason',
  description: 'The term missed: registration (APPC Art. 63(2)), forwarding (APPC Art. 65), review (Law "On Public Services" Art. 25)',
});

export enum NextStepCode {
  COURT = 'COURT',
  QUALITY_CONTROL_BODY = 'QUALITY_CONTROL_BODY',
}

registerEnumType(NextStepCode, {
  name: 'NextStepCode',
  description: 'Where the applicant may go next: the court, or the authorised body for public-service quality control',
});

@ObjectType({
  description: 'Where the applicant may go after the decision (court, APPC Art. 136), or when no decision came in the term',
})
export class NextStep {
  @Field(() => NextStepCode)
  code: NextStepCode;

  @Field(() => String)
  descriptionKk: string;

  @Field(() => String)
  descriptionRu: string;

  @Field(() => DateScalar, { description: 'Last day to go there' })
  deadline: string;

  @Field(() => String, { description: 'The article that sets the term' })
  legalBasis: string;
}
