/** Live events of comments and amendments (merged into `LiveEventPayloads` in `shared/events/types.ts`). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type CommentEventPayloads = {};
