/** Live events of scenarios, action plan and convention (merged into `LiveEventPayloads` in `shared/events/types.ts`). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type ScenarioEventPayloads = {};
