import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../../platform/scalars';
import { OfficialRef } from '../directory-references.type';

/** Intake's complaint, extended with its status timeline. */
@Directive('@key(fields: "id")')
@ObjectType('Complaint')
export class ComplaintStatus {
  @Field(() => ID)
  id: string;

  /** Intake's, sent along by the gateway where a field `@requires` it (status may not have the filing event yet). */
  @Directive('@external')
  @Field(() => Date)
  submittedAt?: string | Date;

  /** Intake's official chosen at filing, likewise sent along where `@requires` asks for it. */
  @Directive('@external')
  @Field(() => OfficialRef)
  handler?: OfficialRef;
}

/** Which term was missed (status/complaint-terms.ts). */
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
