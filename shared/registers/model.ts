/**
 * The registers' pure model for other modules' domains and routes: entry shapes, levels and limits, and
 * the secrecy rules of registration. No use case or adapter: importing it costs a bundle nothing else.
 */
export { LIMITS, REGISTER_NAMES, SECRECY_LEVELS } from './domain/model';
export type { IncomingInput } from './domain/model';
export { METADATA_ONLY_SECRECY, secrecyName } from './domain/rules';
