import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { OfficialRef } from '../clients/directory-references.type';
import type { NumberSource } from '../complaints/complaint-numbers';

/** Intake's complaint, extended with its status timeline. */
@Directive('@key(fields: "id")')
@ObjectType('Complaint')
export class ComplaintStatus {
  @Field(() => ID)
  id: string;

  /**
   * Intake's too, copied into status at filing and never changed since: status answers it for the complaint of a
   * mark, so a cabinet's live marks need no fetch from intake. Set here when the mark brought it along (its
   * stream knows it, or reads it with the other numbers of the same tick); otherwise read with the timeline.
   */
  @Directive('@shareable')
  @Field(() => String, { description: 'Human-readable, unique' })
  number?: NumberSource;

  /** Intake's, sent along by the gateway where a field `@requires` it (status may not have the filing event yet). */
  @Directive('@external')
  @Field(() => Date)
  submittedAt?: string | Date;

  /** Intake's official chosen at filing, likewise sent along where `@requires` asks for it. */
  @Directive('@external')
  @Field(() => OfficialRef)
  handler?: OfficialRef;
}
