import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Intake's complaint, extended with its status timeline. */
@Directive('@key(fields: "id")')
@ObjectType('Complaint')
export class ComplaintStatus {
  @Field(() => ID)
  id: string;
}
