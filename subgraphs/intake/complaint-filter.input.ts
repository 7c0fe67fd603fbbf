import { Field, ID, InputType } from 'type-graphql';
import { Addressee, Channel } from '../../platform/enums';
import { DateScalar } from '../../platform/scalars';

@InputType({ description: 'Narrows a complaint list; every field given must match' })
export class ComplaintFilter {
  @Field(() => ID, { nullable: true })
  serviceProviderId?: string | null;

  @Field(() => String, { nullable: true })
  katoCode?: string | null;

  @Field(() => Channel, { nullable: true })
  channel?: Channel | null;

  @Field(() => Addressee, { nullable: true })
  addressee?: Addressee | null;

  @Field(() => DateScalar, { nullable: true, description: 'Filed on or after this date (Kazakhstan time)' })
  filedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Filed on or before this date (Kazakhstan time)' })
  filedTo?: string | null;

  @Field(() => ID, { nullable: true, description: 'The competent official chosen when filed' })
  handlerId?: string | null;
}
