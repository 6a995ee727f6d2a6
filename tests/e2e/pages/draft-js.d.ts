// draft-js 0.11 ships no type declarations (and @types/draft-js is not a dependency): the test page uses it untyped.
declare module 'draft-js';
