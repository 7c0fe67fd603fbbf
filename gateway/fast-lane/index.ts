/** The gateway's fast lane for `POST /graphql`: cached query plans run without Apollo Server's request pipeline. */
export { fastLane, type FastLaneOptions, type FastLaneStats } from './fast-lane';
