import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Complaint } from './complaint.type';

@ObjectType()
export class ComplaintEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Complaint)
  node: Complaint;
}

@Directive('@shareable')
@ObjectType({ description: 'Where a page ends (Relay cursor connections)' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType({ description: 'A page of complaints, newest first' })
export class ComplaintConnection {
  @Field(() => [ComplaintEdge])
  edges: ComplaintEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'All complaints matching the filter that the caller may see' })
  totalCount: number;
}
