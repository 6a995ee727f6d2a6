export * from './definitions';
export * from './formulas';
