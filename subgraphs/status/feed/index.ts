/** The live stream of marks (`Subscription.statusMarkAdded`): ordered, gapless, resumable with `after`. */
export { STATUS_MARK_CHANNEL, type MarkMessage } from './mark-channel';
export { MarkDispatcher, type MarkKey, type MarkListener, type MarkNotice } from './mark-dispatcher';
export { MarkStreamingService } from './mark-streaming.service';
export { MarkSubscriptionResolver } from './mark-subscription.resolver';
export { withStartEvent } from './start-event';
export { OrderedMarkStream, type ReadMarksAfter } from './ordered-mark-stream';
