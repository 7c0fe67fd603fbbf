import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { OfficialRef } from '../clients/directory-references.type';

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
