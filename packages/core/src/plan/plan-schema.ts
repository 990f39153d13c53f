import type { SchemaObject } from 'ajv';
import schema from './plan.schema.json';

/** The JSON Schema (draft-07) of the plan document, as published at its `$id`; plan.ts is its TypeScript twin. */
export const PLAN_JSON_SCHEMA: SchemaObject = schema;
