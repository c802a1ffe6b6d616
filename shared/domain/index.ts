export * from './api';
export * from './collation';
export * from './dataset';
export * from './huvudman';
export * from './indicator';
export * from './service';
export * from './source';
export * from './unit';
