import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../platform/scalars';
import { OfficialRef } from './status.stubs';

/** Intake's complaint, extended with its status timeline. */
@Directive('@key(fields: "id")')
@ObjectType('Complaint')
export class ComplaintStatus {
  @Field(() => ID)
  id: string;

  /** Intake's official chosen at filing: `currentHandler` until status has heard of the complaint. */
  @Directive('@external')
  @Field(() => OfficialRef)
  handler?: OfficialRef;
}

@ObjectType({ description: 'Where the applicant may go after the review result (APPC Art. 136)' })
export class NextStep {
  @Field(() => String)
  descriptionKk: string;

  @Field(() => String)
  descriptionRu: string;

  @Field(() => DateScalar, { description: 'Last day to go there' })
  deadline: string;

  @Field(() => String, { description: 'The article that sets the term' })
  legalBasis: string;
}
