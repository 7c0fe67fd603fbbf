import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Label, labelOf } from '../../../contracts/labels';
import { ComplaintStatus } from './complaint-status.type';
import { StatusMark } from '../marks/status-mark.type';

@Resolver(() => StatusMark)
export class StatusMarkResolver {
  /** A reference: intake resolves the complaint's own fields, status its timeline and its number. */
  @FieldResolver(() => ComplaintStatus)
  complaint(@Root() mark: StatusMark): ComplaintStatus {
    return { id: mark.complaintId, number: mark.complaintNumber };
  }

  @FieldResolver(() => Label, { description: "The mark's kind in words for people (platform/labels/enum-labels.json)" })
  label(@Root() mark: StatusMark): Label {
    return labelOf('StatusMarkKind', mark.kind);
  }

  @FieldResolver(() => Label, { nullable: true, description: 'The review result in words for people (REVIEWED marks)' })
  resultLabel(@Root() mark: StatusMark): Label | null {
    return mark.result ? labelOf('ReviewResult', mark.result) : null;
  }
}
