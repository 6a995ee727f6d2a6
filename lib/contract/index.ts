// The contract between the hub (server/) and the extension: shared vocabularies and the zod schemas of what
// callers send the hub and what it answers. Pure: imports only zod and lib/empathy's types, so both sides can use it.
export * from './requests';
export * from './schemas';
export * from './vocab';
