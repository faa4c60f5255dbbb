/** What an embedded plugin is given and gives back (local/plugins.ts lists them). */
import type { EventEmitter } from 'node:events';
import type { Extra } from '../gateway';
import type { EmbeddedEdge } from '../edge';

export interface EmbeddedContext {
  dataDir: string;
  env: Record<string, string>;
  /** The edge the plugins compose their functions with (the office clock, the workflow runner). */
  edge: EmbeddedEdge;
  /** s3rver's object events (`Records[]` in S3 notification shape). */
  s3Events: EventEmitter;
  /** The office clock's offset from real time (ms; null = real time), each time a test moves it. */
  clockChanges: EventEmitter;
  log: (line: string) => void;
}

export interface EmbeddedPlugin {
  name: string;
  start(ctx: EmbeddedContext): Promise<{ stop: () => Promise<void>; extra?: Extra }>;
}
