import type { Facts } from './types';

/**
 * The answers a new asset starts from when no planned use is chosen: the API's cautious defaults ("not sure",
 * nothing ticked), shown in the log dialog before anything is answered. Only answers the artist gives are sent.
 */
export const DEFAULT_FACTS: Facts = {
  onScreen: 'unsure',
  inputs: [],
  outputs: [],
  alteration: 'customary',
  replicaException: 'none',
  talent: [],
  unownedMaterial: 'unsure',
};
