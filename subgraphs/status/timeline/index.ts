/** A complaint's timeline and terms as read (the `Complaint` fields status adds, `StatusMark`'s own fields). */
export { ComplaintStatus } from './complaint-status.type';
export { ComplaintStatusResolver } from './complaint-status.resolver';
export { StatusMarkResolver } from './status-mark.resolver';
export { TimelineReadingService } from './timeline-reading.service';
